package dev.moderato.system;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), replacing Spring Boot's: whatever ends up here (a firewall
 * rejection, a CSRF refusal, an undecodable parameter, a {@code sendError} from a filter) is answered as an RFC 9457
 * problem, in every media type the client asked for. Nothing of the request is echoed.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ProblemDetail problem = problemFor(status(request), error);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			try {
				problem.setInstance(new URI(uri));
			}
			catch (URISyntaxException ex) {
				// not echoed
			}
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ProblemDetail problemFor(HttpStatus status, Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof InvalidParameterException invalid) {
				return MalformedParameters.problem(MalformedParameters.nameIn(invalid.getMessage()));
			}
			if (t instanceof RequestRejectedException) {
				return RejectedRequests.problem();
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
			case BAD_REQUEST -> "The request is malformed.";
			case UNAUTHORIZED -> "Authentication required.";
			case FORBIDDEN -> "This request is not allowed (for a form: its CSRF token is missing or stale).";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take that method.";
			default -> status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase() + ".";
		});
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
