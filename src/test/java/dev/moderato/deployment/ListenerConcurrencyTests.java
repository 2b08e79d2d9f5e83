package dev.moderato.deployment;

import java.util.Map;

import dev.moderato.IntegrationTest;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.intake.IntakeSettings;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.ModerationSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each consumer runs as many threads as configured (the embedded run: one per partition, as the defaults give one
 * instance of two its share), never more than its topic has partitions.
 */
@IntegrationTest
class ListenerConcurrencyTests {

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Autowired
	IntakeSettings intake;

	@Autowired
	ModerationSettings moderation;

	@Test
	void everyListenerRunsOneConsumerPerPartitionOfItsTopic() {
		Map<String, Integer> partitions = Map.of(CommentSubmitted.TOPIC, this.intake.partitions(),
				CommentSubmitted.FLOOD_TOPIC, this.intake.partitions(), CommentModerated.TOPIC, this.moderation.partitions());
		assertThat(this.registry.getListenerContainers()).isNotEmpty().allSatisfy(container -> {
			String topic = topic(container);
			assertThat(container).isInstanceOf(ConcurrentMessageListenerContainer.class);
			assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getConcurrency())
				.as("%s on %s", container.getListenerId(), topic).isEqualTo(partitions.get(topic));
		});
		assertThat(this.moderation.concurrency()).as("the setting the moderation listener reads").isEqualTo(this.intake.partitions());
	}

	/** The one topic a listener container reads. */
	static String topic(MessageListenerContainer container) {
		String[] topics = container.getContainerProperties().getTopics();
		assertThat(topics).as(container.getListenerId()).hasSize(1);
		return topics[0];
	}

}
