package dev.moderato.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.moderato.privacy.TestPrivacy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets are 32 random bytes behind {@code whsec_}; a signature is what a receiver computes with the five lines the
 * README shows; a stored secret is encrypted and bound to its webhook.
 */
class SigningSecretTests {

	@Test
	void aSecretIsThirtyTwoRandomBytesBehindItsPrefix() {
		SigningSecret one = SigningSecret.generate();
		assertThat(one.value()).matches("whsec_[A-Za-z0-9_-]{43}");
		assertThat(SigningSecret.generate()).isNotEqualTo(one);
		assertThat(one.toString()).doesNotContain(one.value().substring(6));
	}

	@Test
	void theSignatureIsTheHmacOfTheTimestampADotAndTheBody() throws Exception {
		SigningSecret secret = SigningSecret.generate();
		byte[] body = "{\"id\":\"e1\",\"type\":\"comment.published\"}".getBytes(StandardCharsets.UTF_8);

		String header = secret.signature(1_780_000_000L, body);

		// as a receiver checks it
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal(
				("1780000000." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
		assertThat(header).isEqualTo("t=1780000000,v1=" + expected);
	}

	@Test
	void aStoredSecretOpensOnlyForItsOwnWebhook() {
		SecretBox box = new SecretBox(TestPrivacy.with(Map.of("k1", "HxYFt11YaBYAdW/qHqwDWfooKoCt+agPgxsWVSXlGcw="), "k1",
				"n221HCTkJjN25mNTVsSdPR0GpwBTZt6HZAKTJUqU4qA="));
		SigningSecret secret = SigningSecret.generate();
		UUID webhook = UUID.randomUUID();

		String sealed = box.seal(webhook, secret);

		assertThat(sealed).doesNotContain(secret.value().substring(6));
		assertThat(box.open(webhook, SecretBox.KEY_ID, sealed)).isEqualTo(secret);
		assertThatThrownBy(() -> box.open(UUID.randomUUID(), SecretBox.KEY_ID, sealed))
			.isInstanceOf(IllegalStateException.class);
	}

}
