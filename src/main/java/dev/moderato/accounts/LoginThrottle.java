package dev.moderato.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.moderato.privacy.CommenterPrivacy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per network (/24 or /48) in token buckets (bucket4j): each failure takes a
 * token, tokens come back over {@code failed-login-window}, and while either bucket is empty every sign-in to that
 * account or from that network is refused, the right password too. Kept in memory per instance.
 */
@Component
class LoginThrottle {

	private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();

	private final Map<String, Bucket> networks = new ConcurrentHashMap<>();

	private final AccountSettings settings;

	private final CommenterPrivacy privacy;

	LoginThrottle(AccountSettings settings, CommenterPrivacy privacy) {
		this.settings = settings;
		this.privacy = privacy;
	}

	/** @throws LoginThrottled if the account or the network has failed too often lately */
	void check(String username, @Nullable String remoteAddress) {
		long nanos = Math.max(wait(this.accounts.get(username)), wait(network(remoteAddress)));
		if (nanos > 0) {
			throw new LoginThrottled(Duration.ofNanos(nanos));
		}
	}

	void failed(String username, @Nullable String remoteAddress) {
		this.accounts.computeIfAbsent(username, u -> bucket(this.settings.failedLoginsPerAccount())).tryConsume(1);
		if (remoteAddress != null) {
			this.networks.computeIfAbsent(networkOf(remoteAddress), n -> bucket(this.settings.failedLoginsPerNetwork()))
				.tryConsume(1);
		}
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetRecovered() {
		this.accounts.values().removeIf(b -> b.getAvailableTokens() >= this.settings.failedLoginsPerAccount());
		this.networks.values().removeIf(b -> b.getAvailableTokens() >= this.settings.failedLoginsPerNetwork());
	}

	private @Nullable Bucket network(@Nullable String remoteAddress) {
		return remoteAddress == null ? null : this.networks.get(networkOf(remoteAddress));
	}

	private String networkOf(String remoteAddress) {
		return this.privacy.protect(remoteAddress).prefix();
	}

	private static long wait(@Nullable Bucket bucket) {
		if (bucket == null) {
			return 0;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
	}

	private Bucket bucket(int capacity) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, this.settings.failedLoginWindow()).build())
			.build();
	}

}
