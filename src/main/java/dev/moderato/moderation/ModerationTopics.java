package dev.moderato.moderation;

import dev.moderato.intake.CommentSubmitted;
import dev.moderato.intake.IntakeSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the verdict topic and the dead-letter topic for submissions that cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class ModerationTopics {

	@Bean
	NewTopic commentsModeratedTopic(ModerationSettings settings) {
		return TopicBuilder.name(CommentModerated.TOPIC)
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
			.build();
	}

	/** Same partition count as its source: a dead record keeps its partition. */
	@Bean
	NewTopic commentsSubmittedDeadLetterTopic(IntakeSettings intake) {
		return TopicBuilder.name(CommentSubmitted.TOPIC + ".DLT")
			.partitions(intake.partitions())
			.replicas(intake.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, intake.minInSyncReplicas())
			.build();
	}

	@Bean
	NewTopic commentsSubmittedFloodDeadLetterTopic(IntakeSettings intake) {
		return TopicBuilder.name(CommentSubmitted.FLOOD_TOPIC + ".DLT")
			.partitions(intake.partitions())
			.replicas(intake.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, intake.minInSyncReplicas())
			.build();
	}

}
