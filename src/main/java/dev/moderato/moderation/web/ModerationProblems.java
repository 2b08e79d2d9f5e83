package dev.moderato.moderation.web;

import dev.moderato.comments.StatusConflict;
import dev.moderato.moderation.CommentNotFound;
import dev.moderato.moderation.NotAllowed;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Moderation failures as RFC 9457 problems: 404 unknown comment, 403 not yours to moderate, 409 with the current
 * status when the comment was already decided.
 */
@RestControllerAdvice(basePackageClasses = ModerationProblems.class)
class ModerationProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(StatusConflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Already decided");
		problem.setProperty("commentId", ex.commentId().toString());
		problem.setProperty("currentStatus", ex.current().wireValue());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(CommentNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown comment");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(NotAllowed ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Not allowed");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

}
