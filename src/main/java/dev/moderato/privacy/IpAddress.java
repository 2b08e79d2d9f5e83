package dev.moderato.privacy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What Moderato keeps of a client address: the network prefix (/24 for IPv4, /48 for IPv6) and a keyed hash
 * of the full address. The full address itself is never stored or logged.
 *
 * @param prefix e.g. {@code 203.0.113.0/24}
 * @param hash keyed hash of the full address, for velocity checks
 */
public record IpAddress(String prefix, String hash) {

	/** The characters of a literal IPv4 or IPv6 address (compiled once: intake and the verdict path ask per comment). */
	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.%]+");

	/**
	 * Whether a stored prefix is a loopback, private or link-local network: the address of a proxy rather than of a
	 * commenter (when forwarded headers are not set up), so it says nothing about who sent a comment.
	 */
	public static boolean isPrivateNetwork(String prefix) {
		int slash = prefix.indexOf('/');
		InetAddress network = parse(slash < 0 ? prefix : prefix.substring(0, slash));
		if (network == null) {
			return true;
		}
		byte[] bytes = network.getAddress();
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
		return network.isLoopbackAddress() || network.isSiteLocalAddress() || network.isLinkLocalAddress()
				|| network.isAnyLocalAddress() || uniqueLocalV6;
	}

	static String prefixOf(String address) {
		InetAddress inet = parse(address);
		if (inet == null) {
			return "unknown";
		}
		byte[] bytes = inet.getAddress();
		int keep = bytes.length == 4 ? 3 : 6;
		for (int i = keep; i < bytes.length; i++) {
			bytes[i] = 0;
		}
		try {
			String network = InetAddress.getByAddress(bytes).getHostAddress();
			return network + (bytes.length == 4 ? "/24" : "/48");
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	private static @Nullable InetAddress parse(String address) {
		// only literal addresses: never trigger a DNS lookup
		if (address == null || address.isBlank() || !LITERAL.matcher(address).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
