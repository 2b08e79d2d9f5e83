package dev.moderato.accounts;

import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords gets 429 (per account, per network), the right password included, and a client sending the same
 * Basic credentials again is not made to wait for BCrypt each time. Clients are told apart by X-Forwarded-For from
 * the tests' trusted proxy, each test on networks of its own.
 */
@IntegrationTest
class SignInThrottleTests {

	static final String PASSWORD = "a-long-enough-password";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	String username;

	@BeforeEach
	void setUp() {
		this.username = "guess-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD).post("/api/v1/accounts",
				Moderators.form("username", this.username, "password", PASSWORD, "roles", List.of("MODERATOR")))
			.getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void anAccountWithManyWrongPasswordsIsThrottledTheRightOneToo() {
		int refused = 0;
		for (int i = 0; i < 40; i++) {
			// spread over networks, so only the account's own limit can stop them
			int status = queues(this.username, "wrong-" + i, "198.18." + i + ".1").getStatusCode().value();
			assertThat(status).isIn(401, 429);
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).isGreaterThanOrEqualTo(25);
		ResponseEntity<String> right = queues(this.username, PASSWORD, "198.18.99.1");
		assertThat(right.getStatusCode().value()).isEqualTo(429);
		assertThat(right.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(right.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(right.getBody()).contains("Too many failed sign-ins");
	}

	@Test
	void aNetworkGuessingManyAccountsIsThrottledOthersAreNot() {
		for (int i = 0; i < 40; i++) {
			assertThat(queues("nobody-" + i + "-" + this.username, "wrong", "198.19.7." + i).getStatusCode().value())
				.isIn(401, 429);
		}
		assertThat(queues(this.username, PASSWORD, "198.19.7.200").getStatusCode().value()).as("same /24").isEqualTo(429);
		assertThat(queues(this.username, PASSWORD, "198.19.8.1").getStatusCode().value()).as("another network")
			.isEqualTo(200);
	}

	@Test
	void repeatedBasicCallsVerifyThePasswordOnce() {
		double before = verifications();
		for (int i = 0; i < 5; i++) {
			assertThat(queues(this.username, PASSWORD, "198.19.20.1").getStatusCode().value()).isEqualTo(200);
		}
		assertThat(verifications() - before).isEqualTo(1.0);
	}

	private double verifications() {
		return this.meters.get("moderato.accounts.password.verifications").counter().count();
	}

	private ResponseEntity<String> queues(String user, String password, String client) {
		return RestClient.create("http://localhost:" + this.port).get().uri("/api/v1/moderation/queues")
			.headers(h -> {
				h.setBasicAuth(user, password);
				h.set("X-Forwarded-For", client);
			})
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

}
