package dev.moderato.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.moderato.OwnDatabase;
import dev.moderato.privacy.EmailHash;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies in force for a poll's commenters, asked in one statement, are those asked one commenter at a time: a
 * trust, a ban, a ban that expired, none.
 */
class CommenterPoliciesTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@Test
	void thePoliciesOfManyCommentersAreThoseOfEachAskedAlone() {
		OwnDatabase database = OwnDatabase.create("policies").migrate();
		CommenterPolicies policies = new CommenterPolicies(JdbcClient.create(database.dataSource()),
				Clock.fixed(NOW, ZoneOffset.UTC));
		EmailHash trusted = hash('a'), banned = hash('b'), expired = hash('c'), bannedForAWhile = hash('d'),
				none = hash('e');
		policies.trust(trusted, "mod", "regular");
		policies.ban(banned, "mod", "abuse", null);
		policies.ban(expired, "mod", "cooled off", NOW.minusSeconds(60));
		policies.ban(bannedForAWhile, "mod", "heated", NOW.plusSeconds(3600));

		List<EmailHash> asked = List.of(trusted, banned, expired, bannedForAWhile, none, banned);
		Map<EmailHash, CommenterPolicies.Kind> together = policies.inForce(asked);

		assertThat(together).containsOnly(Map.entry(trusted, CommenterPolicies.Kind.TRUSTED),
				Map.entry(banned, CommenterPolicies.Kind.BANNED),
				Map.entry(bannedForAWhile, CommenterPolicies.Kind.BANNED));
		for (EmailHash commenter : asked) {
			assertThat(policies.inForce(commenter)).as(commenter.value())
				.isEqualTo(Optional.ofNullable(together.get(commenter)));
		}
		assertThat(policies.inForce(List.of())).isEmpty();
	}

	private static EmailHash hash(char c) {
		return new EmailHash(String.valueOf(c).repeat(64));
	}

}
