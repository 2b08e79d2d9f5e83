package dev.moderato.comments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.comments.PublishedThread;
import dev.moderato.comments.ThreadComment;
import dev.moderato.comments.ThreadQuery;
import dev.moderato.posts.FirstUse;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public read side: a post's published thread, comment counts of many posts, and the status of one comment.
 * Never carries an email, an email hash or an address.
 * <p>
 * Thread and counts are made for a CDN: a strong {@code ETag} from the thread's version (changed in the same
 * transaction as anything the thread shows), {@code 304} for a matching {@code If-None-Match} without reading a
 * comment, and a short public {@code Cache-Control}. Absolute URLs start with the configured public URL, never with
 * the request's {@code Host}.
 */
@RestController
class ThreadController {

	/** How long an id minted at intake but not yet stored reads as pending. */
	private static final Duration PENDING_WINDOW = Duration.ofDays(1);

	/** How many posts one counts request may ask for. */
	static final int MAX_COUNTS = 50;

	/** Shared caches may keep a thread or counts 10 s, and serve it 30 s longer while they fetch it again. */
	static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(10))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofSeconds(30));

	private static final String PUBLIC_VALUE = PUBLIC.getHeaderValue();

	/** Bumped when the shape of a response changes, so no cache keeps an old one under a current ETag. */
	private static final String FORMAT = "thread-3";

	private final Comments comments;

	private final Posts posts;

	private final FirstUse firstUse;

	private final Clock clock;

	private final ThreadPages pages;

	private final JsonMapper json;

	private final String avatars;

	/** What besides the thread version a response depends on: the format and the public URL. */
	private final String representation;

	ThreadController(Comments comments, Posts posts, FirstUse firstUse, Clock clock, ThreadPages pages, JsonMapper json,
			@Value("${moderato.moderation.public-url}") String publicUrl) {
		this.comments = comments;
		this.posts = posts;
		this.firstUse = firstUse;
		this.clock = clock;
		this.pages = pages;
		this.json = json;
		this.avatars = publicUrl.replaceAll("/+$", "") + AvatarController.PATH;
		CRC32 crc = new CRC32();
		crc.update((FORMAT + " " + this.avatars).getBytes(StandardCharsets.UTF_8));
		this.representation = HexFormat.of().toHexDigits((int) crc.getValue());
	}

	@GetMapping("/api/v1/posts/{postId}/comments")
	ResponseEntity<?> thread(@PathVariable String postId, HttpServletRequest request, HttpServletResponse response)
			throws HttpMediaTypeNotAcceptableException, IOException {
		// the parameters read here rather than bound by @RequestParam, which cost a read a tenth of its CPU
		String limit = parameter(request, "limit");
		String cursor = parameter(request, "cursor");
		String order = parameter(request, "order");
		if (order == null || order.isEmpty()) {
			order = "oldest";
		}
		if (!PostId.isValid(postId)) { // checked here rather than by method validation, which costs a read a tenth more
			return invalidPostId();
		}
		if (!acceptsJson(request)) { // the page is sent as stored bytes, past content negotiation
			throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
		}
		List<String> problems = new ArrayList<>();
		ThreadQuery.Order sort = switch (order) {
			case "oldest" -> ThreadQuery.Order.OLDEST;
			case "newest" -> ThreadQuery.Order.NEWEST;
			default -> {
				problems.add("order: must be oldest or newest");
				yield null;
			}
		};
		int size = ThreadQuery.DEFAULT_LIMIT;
		if (limit != null) {
			size = limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : -1;
			if (size < 1 || size > ThreadQuery.MAX_LIMIT) {
				problems.add("limit: must be a number from 1 to " + ThreadQuery.MAX_LIMIT);
			}
		}
		ThreadQuery.Cursor after = null;
		if (cursor != null && sort != null) {
			try {
				after = ThreadQuery.Cursor.decode(cursor, sort);
			}
			catch (IllegalArgumentException ex) {
				problems.add("cursor: is not a cursor from a previous page of this order");
			}
		}
		if (!problems.isEmpty()) {
			return badRequest(problems);
		}
		PostId post = new PostId(postId);
		if (!this.posts.exists(post)) {
			return notFound("Unknown post", "No post with id '" + postId + "' is registered.");
		}
		boolean open = this.posts.commentsOpen(post);
		long version = this.comments.threadVersion(post);
		boolean conditional = request.getHeader(HttpHeaders.IF_NONE_MATCH) != null;
		if (conditional) {
			String current = eTag(version, open);
			if (matches(current, request)) {
				send(response, HttpStatus.NOT_MODIFIED, current, null);
				return null;
			}
		}
		ThreadQuery query = new ThreadQuery(sort, after, size);
		ThreadPages.Page page = this.pages.page(new ThreadPages.Key(postId, version, open, sort, cursor, size), () -> {
			PublishedThread thread = this.comments.thread(post, query);
			return new ThreadPages.Page(thread.version(),
					this.json.writeValueAsBytes(new Thread(postId, thread.count(), open,
							thread.comments().stream().map(this::entry).toList(),
							thread.next() == null ? null : thread.next().encode())));
		});
		String eTag = eTag(page.version(), open);
		boolean unchanged = conditional && page.version() != version && matches(eTag, request);
		send(response, unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK, eTag, unchanged ? null : page.json());
		return null;
	}

	/**
	 * A thread page (or its {@code 304}) written as it is stored, past content negotiation and the message converters:
	 * the same headers {@code ResponseEntity.ok().cacheControl(PUBLIC).eTag(..).contentType(JSON).body(bytes)} sends.
	 */
	private static void send(HttpServletResponse response, HttpStatus status, String eTag, byte @Nullable [] json)
			throws IOException {
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_VALUE);
		response.setHeader(HttpHeaders.ETAG, eTag);
		if (json != null) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(json.length);
			response.getOutputStream().write(json);
		}
	}

	/**
	 * Published counts by post id ({@code post=}) and by page URL ({@code url=}, the page's post, or the one it will
	 * get; 0 for a page no site takes comments for), each answered under the key it was asked by.
	 */
	@GetMapping("/api/v1/counts")
	ResponseEntity<?> counts(@RequestParam(name = "post", required = false) @Nullable List<String> ids,
			@RequestParam(name = "url", required = false) @Nullable List<String> urls, HttpServletRequest request) {
		Set<PostId> asked = new LinkedHashSet<>();
		Map<String, PostId> keys = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		int size = (ids == null ? 0 : ids.size()) + (urls == null ? 0 : urls.size());
		if (size == 0) {
			problems.add("post: give at least one post id (post=a&post=b) or page URL (url=)");
		}
		else if (size > MAX_COUNTS) {
			problems.add((ids == null || ids.isEmpty() ? "url" : "post") + ": at most " + MAX_COUNTS
					+ " post ids and URLs together");
		}
		else {
			for (String id : ids == null ? List.<String>of() : ids) {
				if (!PostId.isValid(id)) {
					problems.add("post: is not a post id");
					break;
				}
				asked.add(new PostId(id));
				keys.put(id, new PostId(id));
			}
			for (String url : urls == null ? List.<String>of() : urls) {
				if (dev.moderato.posts.PostUrl.normalise(url).isEmpty()) {
					problems.add("url: is not an absolute http or https URL");
					break;
				}
				this.firstUse.page(url).ifPresent(page -> {
					asked.add(page.id());
					keys.put(url, page.id());
				});
				keys.putIfAbsent(url, null);
			}
		}
		if (!problems.isEmpty()) {
			return badRequest(problems);
		}
		Map<PostId, Comments.PublishedCount> counts = this.comments.publishedCounts(asked);
		CRC32 crc = new CRC32();
		counts.forEach((p, c) -> crc.update((p.value() + ":" + c.version() + ";").getBytes(StandardCharsets.UTF_8)));
		keys.forEach((key, p) -> crc.update((key + "=" + p + ";").getBytes(StandardCharsets.UTF_8)));
		String eTag = "\"" + this.representation + "-" + HexFormat.of().toHexDigits((int) crc.getValue()) + "\"";
		if (matches(eTag, request)) {
			return notModified(eTag);
		}
		Map<String, Integer> body = new LinkedHashMap<>();
		keys.forEach((key, post) -> {
			Comments.PublishedCount count = post == null ? null : counts.get(post);
			body.put(key, count == null ? 0 : count.count());
		});
		return ResponseEntity.ok().cacheControl(PUBLIC).eTag(eTag).body(body);
	}

	@GetMapping("/api/v1/comments/{id}")
	ResponseEntity<?> status(@PathVariable String id) {
		CommentId commentId = CommentId.parse(id).orElse(null);
		if (commentId == null) {
			return notFound("Unknown comment", "'" + id + "' is not a comment id.");
		}
		return this.comments.find(commentId)
			.<ResponseEntity<?>>map(c -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
				.body(new CommentState(c.id().toString(), c.postId().value(), c.status().wireValue())))
			.orElseGet(() -> recentlyMinted(commentId)
					? ResponseEntity.ok().cacheControl(CacheControl.noStore())
						.body(new CommentState(commentId.toString(), null, CommentStatus.PENDING.wireValue()))
					: notFound("Unknown comment", "No comment with id " + commentId + "."));
	}

	private static boolean acceptsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank() || "application/json".equals(accept) || "*/*".equals(accept)) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Closing a post changes no comment, so whether it is open is part of the tag. */
	private String eTag(long version, boolean open) {
		return "\"" + this.representation + "-" + version + (open ? "" : "-closed") + "\"";
	}

	/** Whether the client's {@code If-None-Match} names this ETag (weak comparison, as RFC 9110 asks) or is {@code *}. */
	private static boolean matches(String eTag, HttpServletRequest request) {
		ETag current = ETag.create(eTag);
		for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
			for (ETag tag : ETag.parse(header)) {
				if (tag.isWildcard() || tag.compare(current, false)) {
					return true;
				}
			}
		}
		return false;
	}

	private static ResponseEntity<?> notModified(String eTag) {
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(PUBLIC).eTag(eTag).build();
	}

	private ThreadEntry entry(ThreadComment c) {
		return new ThreadEntry(c.id().toString(), c.parentId() == null ? null : c.parentId().toString(), c.authorName(),
				c.authorUrl(), c.text(), c.html(), c.avatarId() == null ? null : this.avatars + c.avatarId() + ".svg",
				c.submittedAt(), c.replies().stream().map(this::entry).toList());
	}

	private boolean recentlyMinted(CommentId id) {
		Instant now = this.clock.instant();
		return id.mintedAt().filter(at -> !at.isAfter(now.plusSeconds(60)) && at.isAfter(now.minus(PENDING_WINDOW))).isPresent();
	}

	private static ResponseEntity<ProblemDetail> notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/** The problem method validation of {@code @Pattern(regexp = PostId.PATTERN)} gives ({@code ApiProblems}). */
	/** A query parameter as {@code @RequestParam} binds it to a string: a repeated one's values joined by commas. */
	private static @Nullable String parameter(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? null : values.length == 1 ? values[0] : String.join(",", values);
	}

	private static ResponseEntity<ProblemDetail> invalidPostId() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid postId.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", "postId", "message", "is not a valid id")));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems.stream().map(p -> {
			int colon = p.indexOf(": ");
			return Map.of("field", p.substring(0, colon), "message", p.substring(colon + 2));
		}).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/** @param next the cursor of the next page ({@code cursor=}), {@code null} on the last page */
	/** @param commentsOpen whether the post takes comments (a closed post keeps its thread, shown without a form) */
	record Thread(String postId, int count, boolean commentsOpen, List<ThreadEntry> comments, @Nullable String next) {
	}

	/** @param avatar the commenter's identicon, {@code null} when none is stored */
	record ThreadEntry(String id, @Nullable String parentId, String authorName, @Nullable String authorUrl, String text,
			String html, @Nullable String avatar, Instant createdAt, List<ThreadEntry> replies) {
	}

	record CommentState(String id, @Nullable String postId, String status) {
	}

}
