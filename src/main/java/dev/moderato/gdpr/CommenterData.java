package dev.moderato.gdpr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.gdpr.CommenterExport.ExportedComment;
import dev.moderato.gdpr.CommenterExport.ExportedDecision;
import dev.moderato.gdpr.CommenterExport.ExportedFeedback;
import dev.moderato.gdpr.CommenterExport.ExportedLinkUse;
import dev.moderato.gdpr.CommenterExport.ExportedPolicy;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.AuditLog;
import dev.moderato.moderation.CommenterPolicies;
import dev.moderato.privacy.CommenterErased;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import dev.moderato.spam.Feedback;
import dev.moderato.spam.SpamLearning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commenter's GDPR rights over what Moderato stores about their email address: export it all, or erase it. The
 * comments stay, anonymised; see README, "Privacy and GDPR".
 */
@Service
public class CommenterData {

	private static final Logger log = LoggerFactory.getLogger(CommenterData.class);

	private static final int AUDIT_ENTRIES_PER_COMMENT = 100;

	private final Comments comments;

	private final CommenterPolicies policies;

	private final AuditLog audit;

	private final ActionLinks links;

	private final SpamLearning spam;

	private final CommenterPrivacy privacy;

	private final ApplicationEventPublisher events;

	private final PrivacyRequests requests;

	private final Clock clock;

	CommenterData(Comments comments, CommenterPolicies policies, AuditLog audit, ActionLinks links, SpamLearning spam,
			CommenterPrivacy privacy, ApplicationEventPublisher events, PrivacyRequests requests, Clock clock) {
		this.requests = requests;
		this.comments = comments;
		this.policies = policies;
		this.audit = audit;
		this.links = links;
		this.spam = spam;
		this.privacy = privacy;
		this.events = events;
		this.clock = clock;
	}

	/** Everything stored about this address; empty lists if nothing is. */
	@Transactional(readOnly = true)
	public CommenterExport export(String email) {
		EmailHash hash = this.privacy.hash(email);
		List<Comment> stored = this.comments.byCommenter(hash);
		List<UUID> ids = stored.stream().map(c -> c.id().value()).toList();
		Map<UUID, List<Feedback>> feedback = this.spam.feedbackAbout(ids).stream()
			.collect(Collectors.groupingBy(Feedback::commentId));
		Map<UUID, List<ActionLinks.Use>> uses = this.links.usesOn(ids).stream()
			.collect(Collectors.groupingBy(ActionLinks.Use::commentId));
		List<ExportedComment> exported = stored.stream()
			.map(c -> exported(c, feedback.getOrDefault(c.id().value(), List.of()), uses.getOrDefault(c.id().value(), List.of())))
			.toList();
		List<ExportedPolicy> policies = this.policies.of(hash).stream()
			.map(p -> new ExportedPolicy(p.kind().name().toLowerCase(Locale.ROOT), p.reason(), p.expiresAt(), p.createdAt()))
			.toList();
		return new CommenterExport(1, email.strip().toLowerCase(Locale.ROOT), hash.value(), this.clock.instant(), exported,
				policies);
	}

	/**
	 * Erases this address: its comments are anonymised (author "deleted", no url, email, IP data or avatar, a random
	 * hash that links them to nothing; the text stays unless {@code removeText}), its trust and bans deleted, and the
	 * spam filter's log forgets the author, and its self-service requests forget the address. Publishes {@link CommenterErased} so other modules delete what they keep.
	 * Erasing an unknown or already erased address changes nothing.
	 */
	@Transactional
	public Erasure erase(String email, boolean removeText) {
		EmailHash hash = this.privacy.hash(email);
		List<UUID> ids = this.comments.byCommenter(hash).stream().map(c -> c.id().value()).toList();
		int anonymised = this.comments.anonymise(hash, removeText);
		int policies = this.policies.forget(hash);
		int feedback = this.spam.anonymise(ids, removeText);
		this.requests.forget(hash);
		this.events.publishEvent(new CommenterErased(hash, ids, this.clock.instant()));
		log.atInfo()
			.addKeyValue("comments", anonymised)
			.addKeyValue("commenterPolicies", policies)
			.addKeyValue("spamFeedback", feedback)
			.log("Commenter erased: {} comments anonymised, {} policies and {} spam log entries cleared", anonymised,
					policies, feedback);
		return new Erasure(anonymised, policies, feedback, removeText);
	}

	private ExportedComment exported(Comment c, List<Feedback> feedback, List<ActionLinks.Use> uses) {
		List<ExportedDecision> decisions = new ArrayList<>();
		for (AuditLog.Entry e : this.audit.find(c.id().value(), null, null, AUDIT_ENTRIES_PER_COMMENT)) {
			decisions.add(0, new ExportedDecision(e.action(), e.actorKind(), e.fromStatus(), e.toStatus(), e.at()));
		}
		return new ExportedComment(c.id().value(), c.postId().value(), c.parentId() == null ? null : c.parentId().value(),
				c.author().name(), c.author().url(), c.text(), c.status().wireValue(), c.submittedAt(), c.moderatedAt(),
				c.spamScore(), c.reasons(), c.ipPrefix(), c.ipHash(), c.notifyReplies(), c.avatarId(), decisions,
				feedback.stream().map(f -> new ExportedFeedback(f.spam(), f.authorName(), f.authorUrl(), f.text())).toList(),
				uses.stream().map(u -> new ExportedLinkUse(u.action(), u.usedAt())).toList());
	}

}
