package dev.moderato.privacy;

import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedTokenTests {

	static final SecretKeySpec K1 = Hmac.key("one-key-one-key-one-key-one-key!".getBytes());

	static final SecretKeySpec K2 = Hmac.key("two-key-two-key-two-key-two-key!".getBytes());

	@Test
	void opensWhatItSealedWithTheKeyItsIdNames() {
		String token = SignedToken.seal("k1", K1, "comment", "approve", "123");
		assertThat(SignedToken.open(token, Map.of("k1", K1, "k2", K2)::get)).contains(List.of("comment", "approve", "123"));
	}

	@Test
	void refusesAlteredTruncatedOrUnknownKeyTokens() {
		String token = SignedToken.seal("k1", K1, "comment", "approve");
		String other = SignedToken.seal("k1", K1, "comment", "spam");
		String swapped = token.substring(0, token.indexOf('.')) + other.substring(other.indexOf('.'));
		for (String bad : List.of(swapped, token.substring(0, token.length() - 3), token + "A", "no-dot", "a.b.c", "!!.??")) {
			assertThat(SignedToken.open(bad, Map.of("k1", K1)::get)).as(bad).isEmpty();
		}
		assertThat(SignedToken.open(token, Map.of("k2", K2)::get)).as("key id no longer configured").isEmpty();
		assertThat(SignedToken.open(SignedToken.seal("k1", K2, "x"), Map.of("k1", K1)::get)).as("wrong key under that id")
			.isEmpty();
	}

}
