package dev.moderato.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error report, for what it refuses before Spring sees the request (an encoded slash or NUL in the path,
 * a malformed request line), as an RFC 9457 problem instead of Tomcat's HTML page. Written by hand from the status
 * alone: nothing of the request is echoed.
 */
class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType("application/problem+json"); // JSON is UTF-8; this body is ASCII anyway
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was already committed: nothing more to say
		}
	}

	static String body(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String detail = status == 400 ? "The request is malformed: its URL or headers are not allowed."
				: "The server could not answer this request.";
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
				+ "\"}";
	}

	/** Puts this valve in the place of the host's error report valves (Tomcat's, and the one Spring Boot adds). */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
				for (Valve valve : context.getParent().getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
						context.getParent().getPipeline().removeValve(valve);
					}
				}
				context.getParent().getPipeline().addValve(new ProblemReportValve());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer has added its valve
		}

	}

}
