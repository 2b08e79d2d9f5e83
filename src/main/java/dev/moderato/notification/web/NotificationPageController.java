package dev.moderato.notification.web;

import dev.moderato.notification.AuthorPreference;
import dev.moderato.notification.AuthorPreferences;
import dev.moderato.notification.Delivery;
import dev.moderato.notification.NotificationLinkProblem;
import dev.moderato.notification.NotificationLinks;
import dev.moderato.notification.ReplyNotifications;
import dev.moderato.notification.Unsubscribes;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the links in notification mails: unsubscribe (RFC 8058 one-click POST, or a confirm page on GET),
 * reply-notification confirmation, and an author's preferences. The signed token is the permission; opening a link
 * (GET) never changes anything, so mail scanners that follow links do no harm.
 */
@Controller
class NotificationPageController {

	private final Unsubscribes unsubscribes;

	private final ReplyNotifications replies;

	private final AuthorPreferences preferences;

	private final NotificationLinks links;

	NotificationPageController(Unsubscribes unsubscribes, ReplyNotifications replies, AuthorPreferences preferences,
			NotificationLinks links) {
		this.unsubscribes = unsubscribes;
		this.replies = replies;
		this.preferences = preferences;
		this.links = links;
	}

	@GetMapping("/notifications/unsubscribe/{token}")
	String confirmUnsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("what", Unsubscribes.describe(this.unsubscribes.check(token)));
			model.addAttribute("token", token);
			return "notifications/unsubscribe";
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	/** One-click (RFC 8058): the mail client POSTs {@code List-Unsubscribe=One-Click}; the confirm page posts the same. */
	@PostMapping("/notifications/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			String what = Unsubscribes.describe(this.unsubscribes.unsubscribe(token));
			return result(model, response, HttpStatus.OK, "Unsubscribed", "You will get no more " + what + ".");
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	@GetMapping("/notifications/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			this.replies.check(token);
			model.addAttribute("token", token);
			return "notifications/confirm";
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	@PostMapping("/notifications/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			return switch (this.replies.confirm(token)) {
				case CONFIRMED -> result(model, response, HttpStatus.OK, "Confirmed",
						"You will get a mail when a reply to your comments is published.");
				case ALREADY_CONFIRMED -> result(model, response, HttpStatus.OK, "Already confirmed",
						"This address was confirmed before; nothing changed.");
				case EXPIRED -> result(model, response, HttpStatus.GONE, "Link expired",
						"This request expired. Ask for reply notifications again with your next comment.");
			};
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	@GetMapping("/notifications/preferences/{token}")
	String preferences(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			NotificationLinks.Link link = this.links.read(token, NotificationLinks.Purpose.PREFERENCES);
			model.addAttribute("preference", this.preferences.of(link.recipient()));
			model.addAttribute("token", token);
			return "notifications/preferences";
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	@PostMapping("/notifications/preferences/{token}")
	String savePreferences(@PathVariable String token, @RequestParam(defaultValue = "immediate") String delivery,
			@RequestParam(defaultValue = "false") boolean newComment, @RequestParam(defaultValue = "false") boolean held,
			@RequestParam(defaultValue = "false") boolean nothingAtAll, Model model, HttpServletResponse response) {
		try {
			NotificationLinks.Link link = this.links.read(token, NotificationLinks.Purpose.PREFERENCES);
			Delivery chosen = Delivery.parse(delivery).orElse(null);
			if (chosen == null) {
				return result(model, response, HttpStatus.BAD_REQUEST, "Not saved", "Choose immediate, hourly or daily.");
			}
			model.addAttribute("preference",
					this.preferences.save(link.recipient(), new AuthorPreference(chosen, newComment, held, nothingAtAll)));
			model.addAttribute("token", token);
			model.addAttribute("saved", true);
			return "notifications/preferences";
		}
		catch (NotificationLinkProblem ex) {
			return problem(ex, model, response);
		}
	}

	private static String problem(NotificationLinkProblem ex, Model model, HttpServletResponse response) {
		return ex.isExpired() ? result(model, response, HttpStatus.GONE, "Link expired", ex.getMessage())
				: result(model, response, HttpStatus.BAD_REQUEST, "Invalid link", ex.getMessage());
	}

	private static String result(Model model, HttpServletResponse response, HttpStatus status, String title,
			String message) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "result";
	}

}
