package dev.moderato.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.moderato.DevServices;
import dev.moderato.Moderators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the OIDC switch on, a JWT from the identity provider is accepted, its {@code roles} claim deciding what the
 * caller may do; a JWT signed by anyone else is not, and personal tokens and Basic still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "moderato.accounts.jwt-enabled=true", "spring.kafka.listener.auto-startup=false",
				"moderato.system.outbox-resubmission=false" })
@Import(DevServices.class)
@ActiveProfiles("embedded")
@DirtiesContext
class JwtLoginTests {

	static final KeyPair ISSUER = rsa();

	static final KeyPair STRANGER = rsa();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
		Path pem = Files.createTempFile("moderato-jwt", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@Test
	void aModeratorJwtFromTheIssuerIsAccepted() throws Exception {
		Moderators caller = Moderators.withToken(this.port, this.json, jwt(ISSUER, List.of("moderator")));
		assertThat(caller.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(200);
		assertThat(caller.get("/api/v1/accounts").getStatusCode().value()).as("not an admin").isEqualTo(403);
	}

	@Test
	void aJwtWithoutTheRoleOrFromAStrangerIsRefused() throws Exception {
		assertThat(Moderators.withToken(this.port, this.json, jwt(ISSUER, List.of())).get("/api/v1/moderation/queues")
			.getStatusCode().value()).isEqualTo(403);
		assertThat(Moderators.withToken(this.port, this.json, jwt(STRANGER, List.of("moderator")))
			.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void basicStillWorksBesideJwts() {
		assertThat(Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD)
			.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(200);
	}

	private static String jwt(KeyPair key, List<String> roles) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("sso-user-1")
			.claim("preferred_username", "sso.moderator")
			.claim("roles", roles)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
