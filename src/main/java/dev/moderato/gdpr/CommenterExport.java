package dev.moderato.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Everything Moderato stores about one email address, as exported to its owner (version 1 of the JSON shape).
 * Moderators' names are other people's data and are left out; who decided is given as a kind of actor.
 *
 * @param email the address asked about (normalised)
 * @param emailHash the keyed hash it is stored under
 * @param comments its comments, oldest first, each with what was decided about it
 * @param commenterPolicies trust or bans on the address
 */
public record CommenterExport(int version, String email, String emailHash, Instant exportedAt,
		List<ExportedComment> comments, List<ExportedPolicy> commenterPolicies) {

	/** One comment and everything kept with it. */
	public record ExportedComment(UUID id, String postId, @Nullable UUID parentId, String authorName,
			@Nullable String authorUrl, String text, String status, Instant submittedAt, @Nullable Instant moderatedAt,
			double spamScore, List<String> spamReasons, @Nullable String ipPrefix, @Nullable String ipHash,
			boolean notifyReplies, @Nullable String avatarId, List<ExportedDecision> decisions,
			List<ExportedFeedback> spamFeedback, List<ExportedLinkUse> emailLinksUsed) {
	}

	/** A decision from the audit log. */
	public record ExportedDecision(String action, String actorKind, String fromStatus, String toStatus, Instant at) {
	}

	/** A decision the spam filter learned from, with the name, url and text it learned. */
	public record ExportedFeedback(boolean spam, String authorName, @Nullable String authorUrl, String text) {
	}

	/** A one-click link in the post author's mail that was used on the comment. */
	public record ExportedLinkUse(String action, Instant usedAt) {
	}

	/** A trust or ban. */
	public record ExportedPolicy(String kind, @Nullable String reason, @Nullable Instant expiresAt, Instant createdAt) {
	}

}
