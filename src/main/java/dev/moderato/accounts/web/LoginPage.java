package dev.moderato.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form of the moderation pages; Spring Security handles its post.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
