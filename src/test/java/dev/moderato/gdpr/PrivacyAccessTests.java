package dev.moderato.gdpr;

import java.util.Map;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin privacy endpoints are for admins only; the key rotation is one of them.
 */
@IntegrationTest
class PrivacyAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void anonymousCallersGet401AndModerators403() {
		Moderators anonymous = Moderators.anonymous(this.port, this.json);
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		Map<String, Object> body = Map.of("email", "someone@example.org");
		for (String path : new String[] { "/api/v1/privacy/export", "/api/v1/privacy/erase", "/api/v1/privacy/rotate-keys" }) {
			assertThat(anonymous.post(path, body).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(moderator.post(path, body).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void adminRotatesKeysAndGetsTheCounts() {
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		var response = admin.post("/api/v1/privacy/rotate-keys");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(admin.json(response).get("activeKeyId").asString()).isEqualTo("dev1");
		assertThat(admin.json(response).has("reencrypted")).isTrue();
	}

	@Test
	void anAddressIsRequiredAndNeverEchoed() {
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		var response = admin.post("/api/v1/privacy/export", Map.of("email", "not-an-address@"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("email").doesNotContain("not-an-address@");
	}

}
