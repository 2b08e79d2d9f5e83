package dev.moderato.intake.web;

import java.beans.PropertyEditorSupport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.comments.CommentId;
import dev.moderato.intake.AuthorUrl;
import dev.moderato.intake.CommentIntake;
import dev.moderato.intake.CommentText;
import dev.moderato.intake.IntakeSettings;
import dev.moderato.intake.IntakeUnavailable;
import dev.moderato.intake.Submission;
import dev.moderato.intake.SubmissionRefused;
import dev.moderato.posts.PostId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endpoint behind the comment form, for JSON from a script and for a plain HTML form
 * ({@link FormSubmissions}). Answers 202 (or the form's 303) only once Kafka has the comment.
 */
@RestController
class SubmissionController {

	/** The problem type of a comment on a post whose comments are closed. */
	static final URI COMMENTS_CLOSED = URI.create("urn:moderato:problem:comments-closed");

	private final CommentIntake intake;

	private final IntakeSettings settings;

	private final FormSubmissions forms;

	SubmissionController(CommentIntake intake, IntakeSettings settings, FormSubmissions forms) {
		this.intake = intake;
		this.settings = settings;
		this.forms = forms;
	}

	@PostMapping(path = "/api/v1/posts/{postId}/comments", consumes = "application/json")
	ResponseEntity<Map<String, String>> submit(@PathVariable @Pattern(regexp = PostId.PATTERN) String postId,
			@Valid @RequestBody SubmissionForm form, HttpServletRequest request) {
		CommentIntake.Page page = form.postUrl() == null || form.postUrl().isBlank() ? null
				: new CommentIntake.Page(form.postUrl().strip(), form.postTitle(), request.getHeader(HttpHeaders.ORIGIN));
		CommentId id = this.intake.submit(submission(new PostId(postId), form, request), page);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/comments/" + id))
			.body(Map.of("id", id.toString(), "status", "pending"));
	}

	@PostMapping(path = "/api/v1/posts/{postId}/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> submitForm(@PathVariable String postId, @Valid @ModelAttribute SubmissionForm form,
			BindingResult errors, HttpServletRequest request) {
		return this.forms.submit(postId, form, errors, request);
	}

	@PostMapping(path = "/api/v1/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> submitFormByPage(@RequestParam(required = false) String postId,
			@Valid @ModelAttribute SubmissionForm form, BindingResult errors, HttpServletRequest request) {
		return this.forms.submit(postId, form, errors, request);
	}

	/** In a plain HTML form an optional field left empty is absent, as in JSON without it. */
	@InitBinder
	void emptyOptionalFieldsAreAbsent(WebDataBinder binder) {
		PropertyEditorSupport emptyIsNull = new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isEmpty() ? null : text);
			}

		};
		for (String field : List.of("parentId", "authorUrl", "honeypot", "postUrl", "postTitle")) {
			binder.registerCustomEditor(String.class, field, emptyIsNull);
		}
	}

	/** The submission a valid form makes. */
	static Submission submission(PostId postId, SubmissionForm form, HttpServletRequest request) {
		return new Submission(postId,
				form.parentId() == null || form.parentId().isEmpty() ? null
						: new CommentId(UUID.fromString(form.parentId())),
				form.authorName().strip(), form.authorEmail().strip(),
				form.authorUrl() == null || form.authorUrl().isEmpty() ? null
						: AuthorUrl.Parser.normalise(form.authorUrl()).orElseThrow(),
				CommentText.normalise(form.text()), Boolean.TRUE.equals(form.notifyReplies()), request.getRemoteAddr(),
				form.honeypot() != null && !form.honeypot().isBlank(), form.timeToSubmitMs());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(SubmissionRefused ex) {
		return switch (ex.reason()) {
			case UNKNOWN_POST -> problem(HttpStatus.NOT_FOUND, "Unknown post", ex.getMessage());
			case COMMENTS_CLOSED -> {
				ResponseEntity<ProblemDetail> closed = problem(HttpStatus.FORBIDDEN, "Comments are closed",
						ex.getMessage());
				closed.getBody().setType(COMMENTS_CLOSED);
				yield closed;
			}
			case SITE_WITHOUT_AUTHOR -> fieldProblem("Cannot create the post", "postUrl", ex.getMessage());
			default -> fieldProblem("Cannot reply to that comment", "parentId", ex.getMessage());
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(IntakeUnavailable ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The comment could not be stored right now and was not accepted. Please try again shortly.");
		problem.setTitle("Comment intake unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.settings.retryAfter().toSeconds())))
			.body(problem);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<ProblemDetail> fieldProblem(String title, String field, String detail) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
		response.getBody().setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		return response;
	}

}
