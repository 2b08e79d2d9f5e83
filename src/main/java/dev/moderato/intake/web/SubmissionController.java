package dev.moderato.intake.web;

import java.net.URI;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endpoint behind the comment form. Answers 202 only once Kafka has the comment.
 */
@RestController
class SubmissionController {

	private final CommentIntake intake;

	private final IntakeSettings settings;

	SubmissionController(CommentIntake intake, IntakeSettings settings) {
		this.intake = intake;
		this.settings = settings;
	}

	@PostMapping(path = "/api/v1/posts/{postId}/comments", consumes = "application/json")
	ResponseEntity<Map<String, String>> submit(@PathVariable @Pattern(regexp = PostId.PATTERN) String postId,
			@Valid @RequestBody SubmissionForm form, HttpServletRequest request) {
		Submission submission = new Submission(new PostId(postId),
				form.parentId() == null ? null : new CommentId(UUID.fromString(form.parentId())), form.authorName().strip(),
				form.authorEmail().strip(), form.authorUrl() == null || form.authorUrl().isEmpty() ? null
						: AuthorUrl.Parser.normalise(form.authorUrl()).orElseThrow(),
				CommentText.normalise(form.text()), Boolean.TRUE.equals(form.notifyReplies()), request.getRemoteAddr(),
				form.honeypot() != null && !form.honeypot().isBlank(), form.timeToSubmitMs());
		CommentId id = this.intake.submit(submission);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/comments/" + id))
			.body(Map.of("id", id.toString(), "status", "pending"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(SubmissionRefused ex) {
		boolean unknownPost = ex.reason() == SubmissionRefused.Reason.UNKNOWN_POST;
		HttpStatus status = unknownPost ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(unknownPost ? "Unknown post" : "Cannot reply to that comment");
		if (!unknownPost) {
			problem.setProperty("errors", java.util.List.of(Map.of("field", "parentId", "message", ex.getMessage())));
		}
		return ResponseEntity.status(status).body(problem);
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

}
