package dev.moderato.gdpr.web;

import dev.moderato.gdpr.RequestKind;
import dev.moderato.gdpr.RequestLinkProblem;
import dev.moderato.gdpr.SelfService;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The confirmation link in a commenter's mail. Opening it (GET) only asks, so mail scanners that follow links change
 * nothing; the button (POST) performs the request, once: the export is shown on the page as JSON, an erase says
 * what it changed.
 */
@Controller
class ConfirmationController {

	private final SelfService selfService;

	private final JsonMapper json;

	ConfirmationController(SelfService selfService, JsonMapper json) {
		this.selfService = selfService;
		this.json = json;
	}

	@GetMapping("/privacy/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("kind", this.selfService.check(token).wireValue());
			model.addAttribute("token", token);
			return "privacy/confirm";
		}
		catch (RequestLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	@PostMapping("/privacy/confirm/{token}")
	String perform(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			SelfService.Done done = this.selfService.confirm(token);
			if (done.kind() == RequestKind.EXPORT) {
				model.addAttribute("json", this.json.writerWithDefaultPrettyPrinter().writeValueAsString(done.export()));
				return "privacy/export";
			}
			return result(model, response, HttpStatus.OK, "Erased",
					"Done: " + done.erasure().comments() + " comments are now shown as by \"deleted\", without your "
							+ "email, name, website or network address. Nothing else is stored about this address (only a one-way "
							+ "key, if you asked never to be mailed, so that you are not).");
		}
		catch (RequestLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	private static String problem(RequestLinkProblem ex, Model model, HttpServletResponse response) {
		return switch (ex.kind()) {
			case TAMPERED -> result(model, response, HttpStatus.BAD_REQUEST, "Invalid link", ex.getMessage());
			case EXPIRED -> result(model, response, HttpStatus.GONE, "Link expired", ex.getMessage());
			case USED -> result(model, response, HttpStatus.CONFLICT, "Link already used", ex.getMessage());
		};
	}

	private static String result(Model model, HttpServletResponse response, HttpStatus status, String title,
			String message) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "result";
	}

}
