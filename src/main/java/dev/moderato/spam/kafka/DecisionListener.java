package dev.moderato.spam.kafka;

import java.util.UUID;

import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.spam.Candidate;
import dev.moderato.spam.Feedback;
import dev.moderato.spam.SpamLearning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} (group {@code moderato-spam}) and logs every decision a person made about spam:
 * mark spam teaches "spam"; approve and not-spam teach "not spam". The spam filter's own verdicts teach nothing.
 * Reads the contract's JSON with its own view of it, so the spam module does not depend on moderation.
 */
@Component
class DecisionListener {

	static final String TOPIC = "comments.moderated";

	private final JsonMapper json;

	private final SpamLearning learning;

	private final Posts posts;

	DecisionListener(JsonMapper json, SpamLearning learning, Posts posts) {
		this.json = json;
		this.learning = learning;
		this.posts = posts;
	}

	/** The fields of {@code CommentModerated} v1 this module reads. */
	record Decision(int version, @Nullable UUID eventId, @Nullable UUID commentId, @Nullable String postId,
			@Nullable String status, @Nullable String actorKind, @Nullable String authorName, @Nullable String authorUrl,
			@Nullable String text) {
	}

	/**
	 * Most verdicts are the engine's, skipped at once: a fetch waits for 64 KiB (200 ms at most), so under load a
	 * poll, and its offset commit, carries tens of them rather than a few (as notifications and webhooks fetch).
	 */
	@KafkaListener(id = "moderation-spam-learning", groupId = "moderato-spam", topics = TOPIC,
			properties = { "fetch.min.bytes=65536", "fetch.max.wait.ms=200" })
	void on(ConsumerRecord<String, byte[]> record) {
		Decision decision;
		try {
			decision = record.value() == null ? null : this.json.readValue(record.value(), Decision.class);
		}
		catch (JacksonException ex) {
			return; // not ours to judge: the notification consumer dead-letters unreadable verdicts
		}
		if (decision == null || decision.eventId() == null || decision.commentId() == null || decision.postId() == null
				|| decision.text() == null || decision.authorName() == null || "engine".equals(decision.actorKind())) {
			return;
		}
		Boolean spam = switch (String.valueOf(decision.status())) {
			case "spam" -> true;
			case "approved" -> false;
			default -> null; // held, rejected (not a spam judgement), deleted
		};
		if (spam != null) {
			// a decision teaches the layer of the post's site; a post is never deleted, so it is there
			String site = PostId.isValid(decision.postId()) ? this.posts.find(new PostId(decision.postId()))
				.map(post -> post.siteId().value())
				.orElse(Candidate.DEFAULT_SITE) : Candidate.DEFAULT_SITE;
			this.learning.record(new Feedback(site, decision.eventId(), decision.commentId(), decision.postId(),
					decision.authorName(), decision.authorUrl(), decision.text(), spam));
		}
	}

}
