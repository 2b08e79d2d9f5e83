package dev.moderato.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API gives is an RFC 9457 problem. Validation failures list each failing field and why, and never
 * echo the rejected value (it may be an email address).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", fieldName(error.getField()), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
		return invalid(errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			if (result instanceof ParameterErrors body) {
				body.getFieldErrors().forEach(error -> errors.add(Map.of("field", fieldName(error.getField()), "message",
						String.valueOf(error.getDefaultMessage()))));
				return;
			}
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(Map.of("field", name == null ? "parameter" : name, "message",
						name != null && name.endsWith("Id") ? "is not a valid id" : String.valueOf(error.getDefaultMessage())));
			}
		});
		return invalid(errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodySizeLimit.causedByTooLarge(ex)) {
			ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than the limit.");
			tooLarge.setTitle("Request body too large");
			return handleExceptionInternal(ex, tooLarge, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		if (ex instanceof StrictUtf8Body.MalformedEncoding) {
			return invalid(new ArrayList<>(List.of(Map.of("field", "body", "message", "is not well-formed UTF-8"))), headers,
					request);
		}
		String field = malformedStringField(ex);
		if (field != null) {
			return invalid(new ArrayList<>(List.of(Map.of("field", field, "message", WellFormedStrings.MESSAGE))), headers,
					request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not well-formed JSON of the expected shape.");
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * The database is unreachable (no connection within Hikari's wait, a connection lost, a transaction that cannot
	 * begin): the caller may retry; nothing was accepted. One WARN line without a stack trace, not an ERROR per request.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, NonTransientDataAccessResourceException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex, HttpServletRequest request) {
		log.atWarn()
			.addKeyValue("path", request.getRequestURI())
			.log("Storage unavailable; answered 503: {}", ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its storage right now. Nothing was changed; please try again shortly.");
		problem.setTitle("Temporarily unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A query parameter that is not valid percent-encoded UTF-8 (Tomcat refuses to decode it). */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException ex) {
		ProblemDetail problem = MalformedParameters.problem(MalformedParameters.nameIn(ex.getMessage()));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * What the firewall refuses only once the request's parameters are enumerated, as binding a form does: a parameter
	 * name with a control character (a raw or encoded CR/LF, ...). The request's own fault, so a 400, not a 500.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejectedParameter(RequestRejectedException ex) {
		// not its message: that quotes the name, which may be a whole body holding an email address
		log.debug("Request refused by the firewall while reading its parameters");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(RejectedRequests.parameterProblem());
	}

	/** Anything unexpected: a problem response without internals; the details go to the log. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error answering an API request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Nothing was accepted.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private @Nullable ResponseEntity<Object> invalid(List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request) {
		errors.sort(Comparator.comparing((Map<String, String> e) -> e.get("field")).thenComparing(e -> e.get("message")));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid " + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(new IllegalArgumentException("invalid"), problem, headers, HttpStatus.BAD_REQUEST,
				request);
	}

	/** The JSON field holding a string that is not well-formed Unicode, if that is what was wrong. */
	private static @Nullable String malformedStringField(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof InvalidFormatException invalid && invalid.getOriginalMessage() != null
				&& invalid.getOriginalMessage().startsWith(WellFormedStrings.MESSAGE)) {
			String path = invalid.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : Integer.toString(ref.getIndex()))
				.collect(java.util.stream.Collectors.joining("."));
			return path.isEmpty() ? "body" : path;
		}
		return null;
	}

	// a class-level check named isTextLength reports as field "textLength": report it as "text"
	private static String fieldName(String field) {
		return field.endsWith("Length") ? field.substring(0, field.length() - "Length".length()) : field;
	}

}
