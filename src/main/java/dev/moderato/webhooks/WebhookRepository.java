package dev.moderato.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.sites.SiteId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registered webhooks, their secrets sealed by {@link SecretBox}.
 */
@Repository
class WebhookRepository {

	private static final String FIELDS = "id, site_id, url, events, description, created_at, secret_rotated_at";

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	WebhookRepository(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/** Where to call a webhook, and the secret to sign with. */
	record Target(UUID webhookId, String url, SigningSecret secret) {
	}

	void insert(Webhook webhook, SigningSecret secret) {
		this.jdbc.sql("""
				insert into webhook (id, site_id, url, events, description, secret_key_id, secret_ciphertext, created_at,
				  secret_rotated_at)
				values (:id, :site, :url, :events, :description, :keyId, :ciphertext, :created, :rotated)
				""")
			.param("id", webhook.id())
			.param("site", webhook.siteId().value())
			.param("url", webhook.url())
			.param("events", webhook.events().stream().map(EventType::wireValue).toArray(String[]::new))
			.param("description", webhook.description())
			.param("keyId", SecretBox.KEY_ID)
			.param("ciphertext", this.secrets.seal(webhook.id(), secret))
			.param("created", Timestamp.from(webhook.createdAt()))
			.param("rotated", Timestamp.from(webhook.secretRotatedAt()))
			.update();
	}

	List<Webhook> bySite(SiteId site) {
		return this.jdbc.sql("select " + FIELDS + " from webhook where site_id = ? order by created_at, id")
			.param(site.value())
			.query(WebhookRepository::webhook)
			.list();
	}

	int countBySite(SiteId site) {
		return this.jdbc.sql("select count(*) from webhook where site_id = ?").param(site.value()).query(Integer.class)
			.single();
	}

	Optional<Webhook> find(SiteId site, UUID id) {
		return this.jdbc.sql("select " + FIELDS + " from webhook where site_id = ? and id = ?")
			.params(site.value(), id)
			.query(WebhookRepository::webhook)
			.optional();
	}

	/** @return whether it existed; its deliveries go with it */
	boolean delete(SiteId site, UUID id) {
		return this.jdbc.sql("delete from webhook where site_id = ? and id = ?").params(site.value(), id).update() == 1;
	}

	/** @return whether the webhook exists (and now has the new secret) */
	boolean replaceSecret(SiteId site, UUID id, SigningSecret secret, Instant now) {
		return this.jdbc.sql("""
				update webhook set secret_key_id = :keyId, secret_ciphertext = :ciphertext, secret_rotated_at = :now
				where site_id = :site and id = :id
				""")
			.param("keyId", SecretBox.KEY_ID)
			.param("ciphertext", this.secrets.seal(id, secret))
			.param("now", Timestamp.from(now))
			.param("site", site.value())
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Where and how to call a webhook, if it still exists.
	 * @throws IllegalStateException if its secret cannot be decrypted
	 */
	Optional<Target> target(UUID id) {
		return this.jdbc.sql("select url, secret_key_id, secret_ciphertext from webhook where id = ?")
			.param(id)
			.query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.map(sealed -> new Target(id, sealed.url(), this.secrets.open(id, sealed.keyId(), sealed.ciphertext())));
	}

	private record Sealed(String url, String keyId, String ciphertext) {
	}

	private static Webhook webhook(ResultSet rs, int row) throws SQLException {
		return new Webhook(rs.getObject("id", UUID.class), new SiteId(rs.getString("site_id")), rs.getString("url"),
				events(rs.getArray("events")), rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("secret_rotated_at").toInstant());
	}

	private static List<EventType> events(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((String[]) array.getArray()).flatMap(value -> EventType.parse(value).stream()).toList();
	}

}
