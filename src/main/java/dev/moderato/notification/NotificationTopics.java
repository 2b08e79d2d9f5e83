package dev.moderato.notification;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.ModerationSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the dead-letter topic for verdicts that cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTopics {

	@Bean
	NewTopic commentsModeratedDeadLetterTopic(ModerationSettings moderation) {
		return TopicBuilder.name(CommentModerated.TOPIC + ".DLT")
			.partitions(moderation.partitions())
			.replicas(moderation.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, moderation.minInSyncReplicas())
			.build();
	}

}
