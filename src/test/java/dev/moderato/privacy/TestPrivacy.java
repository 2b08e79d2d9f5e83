package dev.moderato.privacy;

import java.util.Map;

/**
 * A {@link CommenterPrivacy} with keys a test chooses, for tests outside this package (key rotation).
 */
public final class TestPrivacy {

	private TestPrivacy() {
	}

	public static CommenterPrivacy with(Map<String, String> emailKeys, String activeKeyId, String hashKey) {
		return new CommenterPrivacy(new PrivacySettings(emailKeys, activeKeyId, hashKey));
	}

}
