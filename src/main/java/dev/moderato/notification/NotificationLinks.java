package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import dev.moderato.moderation.ModerationSettings;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.Hmac;
import dev.moderato.privacy.SignedToken;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The signed links in mails: unsubscribe, preferences and reply-notification confirmation. Each names a recipient by
 * keyed email hash (never an address), is signed with HMAC-SHA256 under a key id (so keys can rotate), and, for
 * confirmations, expires. Unsubscribe and preferences links do not expire: they must work from any old mail.
 */
@Component
public class NotificationLinks {

	/** What a link is for. */
	public enum Purpose {

		UNSUBSCRIBE, PREFERENCES, CONFIRM;

		String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * A verified link.
	 * @param scope for unsubscribe links: {@code all}, {@code thread:<comment id>} or {@code kind:<kind>}
	 */
	public record Link(Purpose purpose, EmailHash recipient, String scope, @Nullable Instant expiresAt) {
	}

	private static final Pattern SCOPE = Pattern.compile("all|thread:[0-9a-f-]{36}|kind:(new-comment|held)|-");

	private static final String KEY_ID = "d1";

	private final SecretKeySpec key;

	private final String baseUrl;

	private final Clock clock;

	NotificationLinks(CommenterPrivacy privacy, ModerationSettings moderation, Clock clock) {
		this.key = Hmac.key(privacy.deriveKey("notification links v1"));
		this.baseUrl = moderation.publicUrl().replaceAll("/+$", "") + "/notifications/";
		this.clock = clock;
	}

	/** One-click unsubscribe from {@code all}, {@code thread:<comment id>} or {@code kind:<kind>}. */
	String unsubscribe(EmailHash recipient, String scope) {
		return url(Purpose.UNSUBSCRIBE, recipient, scope, null);
	}

	String preferences(EmailHash author) {
		return url(Purpose.PREFERENCES, author, "-", null);
	}

	String confirm(EmailHash commenter, Instant expiresAt) {
		return url(Purpose.CONFIRM, commenter, "-", expiresAt);
	}

	/**
	 * Reads a link's token.
	 * @throws NotificationLinkProblem if it was not signed here, is for another purpose, or has expired
	 */
	public Link read(String token, Purpose expected) {
		List<String> fields = SignedToken.open(token, id -> KEY_ID.equals(id) ? this.key : null)
			.filter(f -> f.size() == 4 && expected.wire().equals(f.get(0)) && SCOPE.matcher(f.get(2)).matches())
			.orElseThrow(NotificationLinkProblem::invalid);
		EmailHash recipient;
		Instant expires;
		try {
			recipient = new EmailHash(fields.get(1));
			expires = "0".equals(fields.get(3)) ? null : Instant.ofEpochSecond(Long.parseLong(fields.get(3)));
		}
		catch (IllegalArgumentException ex) {
			throw NotificationLinkProblem.invalid();
		}
		if (expires != null && !this.clock.instant().isBefore(expires)) {
			throw NotificationLinkProblem.pastExpiry();
		}
		return new Link(expected, recipient, fields.get(2), expires);
	}

	private String url(Purpose purpose, EmailHash recipient, String scope, @Nullable Instant expiresAt) {
		return this.baseUrl + purpose.wire() + "/" + SignedToken.seal(KEY_ID, this.key, purpose.wire(), recipient.value(),
				scope, expiresAt == null ? "0" : Long.toString(expiresAt.getEpochSecond()));
	}


}
