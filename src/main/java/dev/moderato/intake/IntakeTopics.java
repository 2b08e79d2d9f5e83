package dev.moderato.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topic intake writes to.
 */
@Configuration(proxyBeanMethods = false)
class IntakeTopics {

	@Bean
	NewTopic commentsSubmittedTopic(IntakeSettings settings) {
		return TopicBuilder.name(CommentSubmitted.TOPIC)
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
			.build();
	}

	/** The flood lane: as many partitions, so a flood spread by comment id keeps every moderation consumer busy. */
	@Bean
	NewTopic commentsSubmittedFloodTopic(IntakeSettings settings) {
		return TopicBuilder.name(CommentSubmitted.FLOOD_TOPIC)
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
			.build();
	}

}
