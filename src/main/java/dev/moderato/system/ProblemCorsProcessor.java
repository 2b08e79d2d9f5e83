package dev.moderato.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * A request from an origin the public API does not allow (neither configured nor a site's) is refused with a 403
 * problem, like every other refusal of the API; the plain HTML form from another site gets the same.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

	private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"status\":403,\"title\":\"Origin not allowed\","
			+ "\"detail\":\"Pages from this origin may not call this API: it is not one of a registered site's origins.\"}")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getBody().write(PROBLEM);
		response.flush();
	}

}
