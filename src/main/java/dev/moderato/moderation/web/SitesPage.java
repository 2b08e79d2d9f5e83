package dev.moderato.moderation.web;

import java.util.List;

import dev.moderato.posts.PostId;
import dev.moderato.posts.PostStatus;
import dev.moderato.posts.Posts;
import dev.moderato.sites.Site;
import dev.moderato.sites.Sites;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admins' "Sites" view of the moderation page: every site with its posts, and a button to close or reopen a
 * post's comments. Sites themselves are registered through the API.
 */
@Controller
class SitesPage {

	/** Posts shown per site; the API pages through the rest. */
	static final int POSTS_SHOWN = 100;

	private final Sites sites;

	private final Posts posts;

	SitesPage(Sites sites, Posts posts) {
		this.sites = sites;
		this.posts = posts;
	}

	@GetMapping("/moderation/sites")
	String sites(Model model) {
		model.addAttribute("sites", this.sites.list().stream()
			.map(site -> new SiteRow(site, this.posts.ofSite(site.id(), null, POSTS_SHOWN)))
			.toList());
		return "moderation/sites";
	}

	@PostMapping("/moderation/sites/posts/{postId}/close")
	String close(@PathVariable String postId) {
		return closeComments(postId, true);
	}

	@PostMapping("/moderation/sites/posts/{postId}/reopen")
	String reopen(@PathVariable String postId) {
		return closeComments(postId, false);
	}

	private String closeComments(String postId, boolean closed) {
		if (!PostId.isValid(postId) || !this.posts.closeComments(new PostId(postId), closed)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such post");
		}
		return "redirect:/moderation/sites";
	}

	record SiteRow(Site site, List<PostStatus> posts) {
	}

}
