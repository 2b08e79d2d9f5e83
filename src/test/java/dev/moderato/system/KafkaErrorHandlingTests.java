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
		assertThat(KafkaErrorHandling.storageUnavailable(new ListenerExecutionFailedException("x",
				new CannotGetJdbcConnectionException("down", new SQLTransientConnectionException("refused"))))).isTrue();
		assertThat(KafkaErrorHandling.storageUnavailable(new QueryTimeoutException("slow"))).isTrue();
	}

	@Test
	void otherFailuresAreNotStorageOutages() {
		assertThat(KafkaErrorHandling.storageUnavailable(new UnreadableRecord("garbage"))).isFalse();
		assertThat(KafkaErrorHandling.storageUnavailable(new IllegalStateException("bug"))).isFalse();
	}

}
