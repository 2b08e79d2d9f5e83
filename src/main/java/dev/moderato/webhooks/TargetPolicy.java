package dev.moderato.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may call. Unless private targets are allowed (the dev run and tests), only {@code https}, and
 * only hosts whose every address is public: never loopback, private (RFC 1918, unique local), carrier-grade NAT,
 * link-local (where cloud metadata services live, {@code 169.254.169.254}), multicast, reserved or documentation
 * ranges, nor IPv6 forms that embed such an IPv4 address (mapped, 6to4, NAT64), so a webhook cannot be pointed at the
 * service's own network (SSRF). Checked when a webhook is registered and again before every call, as DNS may change.
 */
final class TargetPolicy {

	/** Resolves a host to its addresses; a test can stand in its own. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	static final String NOT_PUBLIC = "must not point at a loopback, private, link-local or metadata address";

	private final boolean allowPrivate;

	private final Resolver resolver;

	TargetPolicy(boolean allowPrivate) {
		this(allowPrivate, InetAddress::getAllByName);
	}

	TargetPolicy(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/** Why a webhook may not call this URL, or empty if it may. */
	Optional<String> refusal(String url) {
		Optional<String> form = formRefusal(url);
		if (form.isPresent() || this.allowPrivate) {
			return form;
		}
		return addressRefusal(URI.create(url).getHost());
	}

	/** Why the URL is not one a webhook may have, without looking its host up. */
	Optional<String> formRefusal(String url) {
		if (url.length() > 2000) {
			return Optional.of("must be at most 2000 characters");
		}
		if (!url.matches("[!-~]+")) {
			return Optional.of("must be an absolute URL of printable ASCII characters, without spaces");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute https URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(this.allowPrivate && scheme.equals("http"))) {
			return Optional.of(this.allowPrivate ? "must be an absolute http or https URL" : "must be an absolute https URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return Optional.of("must name a host, without user information or fragment");
		}
		return Optional.empty();
	}

	private Optional<String> addressRefusal(String host) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("names a host that cannot be resolved");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return Optional.of(NOT_PUBLIC);
			}
		}
		return addresses.length == 0 ? Optional.of("names a host that cannot be resolved") : Optional.empty();
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicV4(b);
		}
		if (address instanceof Inet6Address) {
			return isPublicV6(b);
		}
		return false;
	}

	private static boolean isPublicV4(byte[] b) {
		int b0 = b[0] & 0xff;
		int b1 = b[1] & 0xff;
		int b2 = b[2] & 0xff;
		return !(b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224 // this network, private, loopback, multicast, reserved
				|| (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT (and some clouds' metadata, 100.100.100.200)
				|| (b0 == 169 && b1 == 254) // link-local: cloud metadata
				|| (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168) // private
				|| (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, documentation
				|| (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay
				|| (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
				|| (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)); // documentation
	}

	private static boolean isPublicV6(byte[] b) {
		boolean zeroTo80 = true;
		for (int i = 0; i < 10; i++) {
			zeroTo80 &= b[i] == 0;
		}
		if (zeroTo80 && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
			return isPublicV4(new byte[] { b[12], b[13], b[14], b[15] }); // IPv4-compatible, IPv4-mapped
		}
		int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
		int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
		if (first == 0x0064 && second == 0xff9b) { // NAT64: 64:ff9b::/96 embeds an IPv4 address, 64:ff9b:1::/48 is local
			return b[4] == 0 && b[5] == 0 && isPublicV4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (first == 0x2002) { // 6to4 embeds an IPv4 address
			return isPublicV4(new byte[] { b[2], b[3], b[4], b[5] });
		}
		return !((first & 0xfe00) == 0xfc00 // unique local
				|| (first & 0xffc0) == 0xfe80 || (first & 0xffc0) == 0xfec0 // link-local, site-local
				|| (first & 0xff00) == 0xff00 // multicast
				|| (first == 0x2001 && second == 0x0db8) // documentation
				|| (first == 0x2001 && second == 0x0000) // Teredo tunnels
				|| (first == 0x0100 && second == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0)); // discard
	}

}
