package dev.moderato.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's webhooks: register one (its signing secret is shown once), list, delete, rotate its secret, and look at
 * and replay its deliveries.
 */
@Service
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private final WebhookRepository webhooks;

	private final DeliveryLog deliveries;

	private final Sites sites;

	private final TargetPolicy targets;

	private final Clock clock;

	private final int maxPerSite;

	@Autowired
	Webhooks(WebhookRepository webhooks, DeliveryLog deliveries, Sites sites, WebhookSettings settings, Clock clock) {
		this(webhooks, deliveries, sites, new TargetPolicy(settings.allowPrivateTargets()), clock, settings.maxPerSite());
	}

	Webhooks(WebhookRepository webhooks, DeliveryLog deliveries, Sites sites, TargetPolicy targets, Clock clock,
			int maxPerSite) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.sites = sites;
		this.targets = targets;
		this.clock = clock;
		this.maxPerSite = maxPerSite;
	}

	/** A webhook just registered, or given a new secret, with the secret: the only time it is shown. */
	public record WithSecret(Webhook webhook, String secret) {

		@Override
		public String toString() {
			return "WithSecret[" + this.webhook.id() + "]";
		}

	}

	/** What a replay did. */
	public enum ReplayOutcome {

		/** Queued to be sent now. */
		QUEUED,

		/** A sender is calling the receiver with it right now. */
		BEING_SENT,

		/** No such delivery of that webhook. */
		NOT_FOUND

	}

	/**
	 * Registers a webhook. Every method throws {@link UnknownSite} if the site is not registered.
	 * @throws InvalidWebhook if the URL may not be called or the events are not known
	 */
	public WithSecret register(SiteId site, String url, List<String> events, @Nullable String description) {
		requireSite(site);
		this.targets.refusal(url).ifPresent(why -> {
			throw new InvalidWebhook("url", why);
		});
		List<EventType> types = new ArrayList<>();
		for (String event : events) {
			EventType type = EventType.parse(event).orElseThrow(() -> new InvalidWebhook("events",
					"must each be one of comment.published, comment.held, comment.decided"));
			if (!types.contains(type)) {
				types.add(type);
			}
		}
		if (types.isEmpty()) {
			throw new InvalidWebhook("events", "must name at least one event");
		}
		if (this.webhooks.countBySite(site) >= this.maxPerSite) {
			throw new InvalidWebhook("site", "already has " + this.maxPerSite + " webhooks, the most a site may have");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Webhook webhook = new Webhook(UUID.randomUUID(), site, url, types, description, now, now);
		SigningSecret secret = SigningSecret.generate();
		this.webhooks.insert(webhook, secret);
		log.atInfo()
			.addKeyValue("webhookId", webhook.id())
			.addKeyValue("siteId", site.value())
			.log("Webhook registered for {}", types.stream().map(EventType::wireValue).toList());
		return new WithSecret(webhook, secret.value());
	}

	@Transactional(readOnly = true)
	public List<Webhook> list(SiteId site) {
		requireSite(site);
		return this.webhooks.bySite(site);
	}

	@Transactional(readOnly = true)
	public Optional<Webhook> find(SiteId site, UUID id) {
		requireSite(site);
		return this.webhooks.find(site, id);
	}

	/** Deletes a webhook and its deliveries. @return whether it existed */
	@Transactional
	public boolean delete(SiteId site, UUID id) {
		requireSite(site);
		boolean deleted = this.webhooks.delete(site, id);
		if (deleted) {
			log.atInfo().addKeyValue("webhookId", id).addKeyValue("siteId", site.value()).log("Webhook deleted");
		}
		return deleted;
	}

	/** Gives a webhook a new signing secret, used from its next call on. */
	@Transactional
	public Optional<WithSecret> rotateSecret(SiteId site, UUID id) {
		requireSite(site);
		SigningSecret secret = SigningSecret.generate();
		if (!this.webhooks.replaceSecret(site, id, secret, this.clock.instant().truncatedTo(ChronoUnit.MICROS))) {
			return Optional.empty();
		}
		log.atInfo().addKeyValue("webhookId", id).addKeyValue("siteId", site.value()).log("Webhook secret rotated");
		return this.webhooks.find(site, id).map(webhook -> new WithSecret(webhook, secret.value()));
	}

	/**
	 * A webhook's deliveries, newest first.
	 * @param state one of {@link WebhookDelivery#STATES}, or {@code null} for all
	 * @return empty if the site has no such webhook
	 */
	@Transactional(readOnly = true)
	public Optional<List<WebhookDelivery>> deliveries(SiteId site, UUID id, @Nullable String state, int limit) {
		requireSite(site);
		return this.webhooks.find(site, id).map(webhook -> this.deliveries.of(webhook.id(), state, limit));
	}

	/** Sends a delivery again now, with fresh attempts: a failed one, or one the receiver lost. */
	@Transactional
	public ReplayOutcome replay(SiteId site, UUID id, UUID deliveryId) {
		requireSite(site);
		if (this.webhooks.find(site, id).isEmpty()) {
			return ReplayOutcome.NOT_FOUND;
		}
		return switch (this.deliveries.replay(id, deliveryId, this.clock.instant())) {
			case QUEUED -> ReplayOutcome.QUEUED;
			case BEING_SENT -> ReplayOutcome.BEING_SENT;
			case NOT_FOUND -> ReplayOutcome.NOT_FOUND;
		};
	}

	private void requireSite(SiteId site) {
		if (this.sites.find(site).isEmpty()) {
			throw new UnknownSite(site);
		}
	}

}
