package dev.moderato.system;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaErrorHandlingTests {

	@Test
	void aDatabaseOutageIsWaitedForNotDeadLettered() {
		assertThat(KafkaErrorHandling.dependencyUnavailable(new ListenerExecutionFailedException("x",
				new CannotGetJdbcConnectionException("down", new SQLTransientConnectionException("refused"))))).isTrue();
		assertThat(KafkaErrorHandling.dependencyUnavailable(new QueryTimeoutException("slow"))).isTrue();
	}

	@Test
	void aVerdictKafkaDidNotAcknowledgeIsWaitedForNotDeadLettered() {
		assertThat(KafkaErrorHandling.dependencyUnavailable(new IllegalStateException("not announced",
				new org.apache.kafka.common.errors.TimeoutException("expired")))).isTrue();
	}

	@Test
	void otherFailuresAreNotOutages() {
		assertThat(KafkaErrorHandling.dependencyUnavailable(new UnreadableRecord("garbage"))).isFalse();
		assertThat(KafkaErrorHandling.dependencyUnavailable(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void aDeadLetterLogLineCarriesNoAddressEvenWhenTheErrorQuotesARow() {
		String logged = KafkaErrorHandling.rootMessage(new IllegalStateException("poll failed",
				new IllegalArgumentException("Failing row contains (ann@example.org, Ann)")));
		assertThat(logged).startsWith("IllegalArgumentException: Failing row contains (").contains("[address]")
			.doesNotContain("ann@example.org");
	}

}
