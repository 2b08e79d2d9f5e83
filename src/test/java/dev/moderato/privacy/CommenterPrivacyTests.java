package dev.moderato.privacy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CommenterPrivacyTests {

	static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);

	static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static final String HASH_KEY = Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-hash!".getBytes());

	final CommenterPrivacy privacy = new CommenterPrivacy(new PrivacySettings(Map.of("k1", KEY_1), "k1", HASH_KEY));

	@Test
	void encryptsSoTheCiphertextRevealsNothingAndDecryptsBack() {
		EncryptedEmail one = this.privacy.encrypt("Ann@Example.org");
		EncryptedEmail two = this.privacy.encrypt("Ann@Example.org");
		assertThat(one.keyId()).isEqualTo("k1");
		assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext()).doesNotContainIgnoringCase("ann");
		assertThat(this.privacy.decrypt(one)).isEqualTo("ann@example.org");
		assertThat(one.toString()).doesNotContain(one.ciphertext());
	}

	@Test
	void oldKeysStillDecryptAfterRotation() {
		EncryptedEmail underOldKey = this.privacy.encrypt("bob@example.org");
		CommenterPrivacy rotated = new CommenterPrivacy(new PrivacySettings(Map.of("k1", KEY_1, "k2", KEY_2), "k2", HASH_KEY));
		assertThat(rotated.decrypt(underOldKey)).isEqualTo("bob@example.org");
		assertThat(rotated.encrypt("bob@example.org").keyId()).isEqualTo("k2");
	}

	@Test
	void tamperedCiphertextIsRefused() {
		EncryptedEmail sealed = this.privacy.encrypt("carl@example.org");
		byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
		bytes[bytes.length - 1] ^= 1;
		assertThatIllegalStateException()
			.isThrownBy(() -> this.privacy.decrypt(new EncryptedEmail("k1", Base64.getEncoder().encodeToString(bytes))));
	}

	@Test
	void hashIsKeyedAndIgnoresCaseAndSpaces() {
		CommenterPrivacy otherKey = new CommenterPrivacy(new PrivacySettings(Map.of("k1", KEY_1), "k1", KEY_2));
		assertThat(this.privacy.hash(" Dee@Example.org ")).isEqualTo(this.privacy.hash("dee@example.org"));
		assertThat(otherKey.hash("dee@example.org")).isNotEqualTo(this.privacy.hash("dee@example.org"));
	}

	@Test
	void keepsOnlyTheNetworkPrefixOfAnAddress() {
		assertThat(this.privacy.protect("203.0.113.77").prefix()).isEqualTo("203.0.113.0/24");
		assertThat(this.privacy.protect("2001:db8:abcd:12:1:2:3:4").prefix()).isEqualTo("2001:db8:abcd:0:0:0:0:0/48");
		assertThat(this.privacy.protect("not an address").prefix()).isEqualTo("unknown");
		assertThat(this.privacy.protect("203.0.113.77").hash()).hasSize(64).doesNotContain("203");
	}

	@Test
	void tellsProxyNetworksFromPublicOnes() {
		assertThat(IpAddress.isPrivateNetwork("127.0.0.0/24")).isTrue();
		assertThat(IpAddress.isPrivateNetwork("10.1.2.0/24")).isTrue();
		assertThat(IpAddress.isPrivateNetwork("192.168.1.0/24")).isTrue();
		assertThat(IpAddress.isPrivateNetwork("fd12:3456:789a:0:0:0:0:0/48")).isTrue();
		assertThat(IpAddress.isPrivateNetwork("unknown")).isTrue();
		assertThat(IpAddress.isPrivateNetwork("203.0.113.0/24")).isFalse();
		assertThat(IpAddress.isPrivateNetwork("2001:db8:abcd:0:0:0:0:0/48")).isFalse();
	}

	@Test
	void refusesAnActiveKeyThatIsNotConfigured() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new CommenterPrivacy(new PrivacySettings(Map.of("k1", KEY_1), "k9", HASH_KEY)));
	}

}
