package dev.moderato.intake.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.moderato.comments.CommentId;
import dev.moderato.intake.CommentIntake;
import dev.moderato.intake.SubmissionRefused;
import dev.moderato.posts.FirstUse;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.sites.Site;
import dev.moderato.sites.Sites;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The comment form without JavaScript: a plain {@code <form method="post">} on the blog's page. The fields and checks
 * are those of the JSON form ({@link SubmissionForm}); the request must come from a page of the post's site (its
 * {@code Origin}, or without one its {@code Referer}), else 403. The answer is a {@code 303} back to the post's
 * stored URL, never to one taken from the request: {@code ?moderato=awaiting&moderato-comment=<id>#moderato-awaiting}
 * once the comment is accepted, {@code ?moderato=error&moderato-errors=<field>,...#moderato-error} for invalid fields.
 * Refusals that are not about a field (unknown post, comments closed, 429, 503) are problems, as for JSON.
 */
@Component
class FormSubmissions {

	private final CommentIntake intake;

	private final Posts posts;

	private final FirstUse firstUse;

	private final Sites sites;

	FormSubmissions(CommentIntake intake, Posts posts, FirstUse firstUse, Sites sites) {
		this.intake = intake;
		this.posts = posts;
		this.firstUse = firstUse;
		this.sites = sites;
	}

	ResponseEntity<?> submit(@Nullable String postId, SubmissionForm form, BindingResult errors,
			HttpServletRequest request) {
		Target target = target(postId, form);
		if (target == null) {
			return SubmissionController.problem(HttpStatus.NOT_FOUND, "Unknown post",
					"No post is registered for this form (give postId, or postUrl for a page of a site that creates posts on first use).");
		}
		String origin = originOf(request);
		if (!target.site().allowsOrigin(origin)) {
			return SubmissionController.problem(HttpStatus.FORBIDDEN, "Form not sent from the post's site",
					"A comment form must be sent from a page of the post's site.");
		}
		if (errors.hasErrors()) {
			List<String> fields = errors.getFieldErrors().stream().map(FieldError::getField).map(FormSubmissions::fieldName)
				.distinct().sorted().toList();
			return seeOther(target.url(), "moderato=error&moderato-errors=" + encode(String.join(",", fields)),
					"moderato-error");
		}
		CommentIntake.Page page = target.exists() ? null
				: new CommentIntake.Page(target.url(), form.postTitle(), origin);
		CommentId id;
		try {
			id = this.intake.submit(SubmissionController.submission(target.id(), form, request), page);
		}
		catch (SubmissionRefused ex) {
			if (ex.reason() == SubmissionRefused.Reason.UNKNOWN_PARENT
					|| ex.reason() == SubmissionRefused.Reason.PARENT_ON_OTHER_POST
					|| ex.reason() == SubmissionRefused.Reason.PARENT_NOT_PUBLISHED) {
				return seeOther(target.url(), "moderato=error&moderato-errors=parentId", "moderato-error");
			}
			throw ex;
		}
		return seeOther(target.url(), "moderato=awaiting&moderato-comment=" + id, "moderato-awaiting");
	}

	/** The post the form is for: by id, else by the page's URL; {@code null} if there is none and none may be made. */
	private @Nullable Target target(@Nullable String postId, SubmissionForm form) {
		String pageUrl = form.postUrl() == null || form.postUrl().isBlank() ? null : form.postUrl().strip();
		if (postId != null && !postId.isBlank()) {
			if (!PostId.isValid(postId)) {
				return null;
			}
			Optional<Post> post = this.posts.find(new PostId(postId));
			if (post.isPresent()) {
				return this.sites.find(post.get().siteId())
					.map(site -> new Target(post.get().id(), post.get().url(), site, true))
					.orElse(null);
			}
			return pageUrl == null ? null : page(pageUrl).filter(t -> t.id().value().equals(postId)).orElse(null);
		}
		return pageUrl == null ? null : page(pageUrl).orElse(null);
	}

	private Optional<Target> page(String url) {
		return this.firstUse.page(url)
			.flatMap(page -> this.sites.find(page.siteId())
				.map(site -> new Target(page.id(), page.url(), site, page.exists())));
	}

	/** The request's {@code Origin}, or the origin of its {@code Referer} when it has none. */
	private static @Nullable String originOf(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null) {
			return origin;
		}
		String referer = request.getHeader(HttpHeaders.REFERER);
		return referer == null ? null : Site.originOf(referer).orElse(null);
	}

	/** A 303 to the post's stored URL (without its fragment) with the notice's query and anchor. */
	private static ResponseEntity<?> seeOther(String storedUrl, String query, String anchor) {
		int hash = storedUrl.indexOf('#');
		String base = hash < 0 ? storedUrl : storedUrl.substring(0, hash);
		String location = base + (base.contains("?") ? "&" : "?") + query + "#" + anchor;
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
	}

	// as for JSON: a class-level check named isTextLength reports as field "textLength", which is "text"
	private static String fieldName(String field) {
		return field.endsWith("Length") ? field.substring(0, field.length() - "Length".length()) : field;
	}

	/** @param url the post's stored URL (or, before its first comment, its page's normalised URL) */
	private record Target(PostId id, String url, Site site, boolean exists) {
	}

}
