package dev.moderato.system;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every listener fails: a bounded exponential back-off, then the record goes to {@code <topic>.DLT} (same
 * partition) and the partition moves on. Unreadable records skip the retries; while the database is unreachable a
 * record is retried every 5 seconds until it is back, so an outage never sends good comments to the dead-letter
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

	public static final String DLT_SUFFIX = ".DLT";

	@Bean
	CommonErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record, ex) -> {
			log.atError()
				.addKeyValue("topic", record.topic())
				.addKeyValue("partition", record.partition())
				.addKeyValue("offset", record.offset())
				.log("Record sent to the dead-letter topic: {}", rootMessage(ex));
			return new TopicPartition(record.topic() + DLT_SUFFIX, record.partition());
		});
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(3);
		backOff.setMaxInterval(5_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UnreadableRecord.class);
		// the database or Kafka being away is no reason to give up on a record: wait for it, holding the partition
		handler.setBackOffFunction((record, ex) -> dependencyUnavailable(ex) ? DEPENDENCY_BACK_OFF : null);
		return handler;
	}

	private static final FixedBackOff DEPENDENCY_BACK_OFF = new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS);

	static boolean dependencyUnavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
					|| t instanceof java.sql.SQLTransientException || t instanceof java.net.ConnectException
					|| t instanceof org.apache.kafka.common.errors.RetriableException) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, scrubbed of anything shaped like an address (a database error may quote a row). */
	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return ScrubbedError.scrub(t.getClass().getSimpleName() + ": " + t.getMessage());
	}

}
