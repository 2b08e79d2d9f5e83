package dev.moderato.deployment;

import java.util.List;
import java.util.Properties;

import dev.moderato.IntegrationTest;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.CommentModerated;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static dev.moderato.deployment.ListenerConcurrencyTests.topic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission is fetched for its verdict as soon as it is on Kafka; what follows a verdict (mail, webhooks, spam
 * learning) waits for 64 KiB of verdicts (200 ms at most), so that under load its polls, transactions and offset
 * commits are shared by tens of verdicts rather than a few.
 */
@IntegrationTest
class ListenerFetchTests {

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Test
	void theVerdictPathFetchesAtOnceAndWhatFollowsAVerdictFetchesInBatches() {
		List<MessageListenerContainer> containers = List.copyOf(this.registry.getListenerContainers());
		assertThat(containers).filteredOn(c -> topic(c).equals(CommentModerated.TOPIC))
			.extracting(MessageListenerContainer::getListenerId)
			.containsExactlyInAnyOrder("notification-verdicts", "notification-webhooks", "moderation-spam-learning");
		assertThat(containers).allSatisfy(container -> {
			Properties consumer = container.getContainerProperties().getKafkaConsumerProperties();
			String minBytes = consumer.getProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
			String maxWait = consumer.getProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
			if (topic(container).equals(CommentModerated.TOPIC)) {
				assertThat(minBytes).as(container.getListenerId()).isEqualTo("65536");
				assertThat(maxWait).as(container.getListenerId()).isEqualTo("200");
			}
			else {
				assertThat(topic(container)).isIn(CommentSubmitted.TOPIC, CommentSubmitted.FLOOD_TOPIC);
				assertThat(minBytes).as("%s: Kafka's default, a fetch answered with the first record", container.getListenerId())
					.isNull();
				assertThat(maxWait).as(container.getListenerId()).isNull();
			}
		});
	}

}
