package dev.moderato;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Set;

import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.Role;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Seeds the embedded run with a demo post and says where everything is.
 */
class DevSeed {

	private static final Logger log = LoggerFactory.getLogger(DevSeed.class);

	private final Posts posts;

	private final Environment environment;

	private final GreenMail greenMail;

	private final Accounts accounts;

	static final String MODERATOR = "moderator";

	static final String MODERATOR_PASSWORD = "moderator-dev-password";

	DevSeed(Posts posts, Accounts accounts, Environment environment, GreenMail greenMail) {
		this.posts = posts;
		this.accounts = accounts;
		this.environment = environment;
		this.greenMail = greenMail;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (this.accounts.find(MODERATOR).isEmpty()) {
			this.accounts.create(MODERATOR, MODERATOR_PASSWORD, Set.of(Role.MODERATOR), Set.of());
		}
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		// the demo post lives on the demo page, so "Read it in the thread" in the author's mail opens it there
		this.posts.register(new Post(new PostId(DemoPage.POST_ID), DemoPage.POST_TITLE, base + "/demo", "Demo Author",
				"author@example.com"));
		log.info("""

				=== Moderato is running on its embedded default ===
				  Demo blog post: {}/demo   (a film review with the comment embed: comment, moderate, see it appear)
				  Public API:     {}/api/v1/posts/demo/comments   (demo post 'demo', author Demo Author <author@example.com>)
				  Moderation:     {}/moderation   (log in as a moderator or the admin)
				  Admin account:  {} / {}   (HTTP Basic, e.g. PUT {}/api/v1/posts/{id})
				  Moderator:      {} / {}
				  Caught mail:    {}/dev/mail   (SMTP on 127.0.0.1:{})
				  Health:         {}/actuator/health
				""", base, base, base, this.environment.getProperty("moderato.accounts.admin-username"),
				this.environment.getProperty("moderato.accounts.admin-password"), base, MODERATOR, MODERATOR_PASSWORD, base,
				this.greenMail.getSmtp().getPort(), base);
	}

}
