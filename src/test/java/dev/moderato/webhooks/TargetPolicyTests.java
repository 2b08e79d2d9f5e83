package dev.moderato.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook cannot be pointed into the service's own network (SSRF) unless private targets are allowed: only https,
 * and only hosts whose every address is public.
 */
class TargetPolicyTests {

	/** A DNS of the test's own: names to addresses, anything else unknown. */
	private static TargetPolicy.Resolver dns(Map<String, String[]> names) {
		return host -> {
			String[] addresses = names.get(host);
			if (addresses == null) {
				return InetAddress.getAllByName(host); // IP literals are parsed, never looked up
			}
			InetAddress[] resolved = new InetAddress[addresses.length];
			for (int i = 0; i < addresses.length; i++) {
				resolved[i] = InetAddress.getByName(addresses[i]);
			}
			return resolved;
		};
	}

	private final TargetPolicy production = new TargetPolicy(false, dns(Map.of(
			"hooks.example", new String[] { "93.184.215.14" },
			"intranet.example", new String[] { "10.1.2.3" },
			"rebound.example", new String[] { "93.184.215.14", "127.0.0.1" },
			"metadata.google.internal", new String[] { "169.254.169.254" },
			"localhost", new String[] { "127.0.0.1", "::1" })));

	@Test
	void anHttpsUrlOfAPublicHostIsAllowed() {
		assertThat(this.production.refusal("https://hooks.example/moderato?site=blog")).isEmpty();
		assertThat(this.production.refusal("https://93.184.215.14:8443/hook")).isEmpty();
		assertThat(this.production.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://localhost/hook", "https://127.0.0.1/hook", "https://127.1.2.3/hook",
			"https://0.0.0.0/hook", "https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://172.31.255.255/hook",
			"https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data/", "https://100.100.100.200/",
			"https://100.64.0.1/", "https://224.0.0.1/", "https://255.255.255.255/", "https://[::1]/hook",
			"https://[::]/hook", "https://[fe80::1]/hook", "https://[fd00:ec2::254]/", "https://[fc00::1]/",
			"https://[::ffff:127.0.0.1]/hook", "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a00:1]/",
			"https://[2002:c0a8:0101::1]/", "https://[ff02::1]/", "https://intranet.example/hook",
			"https://metadata.google.internal/computeMetadata/v1/", "https://rebound.example/hook" })
	void aPrivateLoopbackLinkLocalOrMetadataTargetIsRefused(String url) {
		assertThat(this.production.refusal(url)).as(url).contains(TargetPolicy.NOT_PUBLIC);
	}

	@Test
	void plainHttpIsRefusedEvenToAPublicHost() {
		assertThat(this.production.refusal("http://hooks.example/hook")).contains("must be an absolute https URL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.example/", "hooks.example/hook", "/relative", "https://user:pw@hooks.example/",
			"https://hooks.example/#frag", "https://hooks.example/a b", "javascript:alert(1)", "https:///nohost" })
	void aUrlThatIsNotAPlainAbsoluteHttpsAddressIsRefused(String url) {
		assertThat(this.production.refusal(url)).as(url).isPresent();
	}

	@Test
	void aHostThatDoesNotResolveIsRefused() {
		TargetPolicy policy = new TargetPolicy(false, host -> {
			throw new UnknownHostException(host);
		});
		assertThat(policy.refusal("https://nowhere.example/hook")).contains("names a host that cannot be resolved");
	}

	@Test
	void withPrivateTargetsAllowedLocalHttpReceiversAreFine() {
		TargetPolicy dev = new TargetPolicy(true, host -> {
			throw new AssertionError("no lookup is needed when private targets are allowed");
		});
		assertThat(dev.refusal("http://localhost:4000/hook")).isEmpty();
		assertThat(dev.refusal("http://127.0.0.1:4000/hook")).isEmpty();
		assertThat(dev.refusal("ftp://127.0.0.1/hook")).contains("must be an absolute http or https URL");
	}

}
