package dev.moderato.deployment;

import java.util.Map;
import java.util.TreeMap;

import dev.moderato.intake.CommentSubmitted;
import dev.moderato.intake.IntakeSettings;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.ModerationSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics the service declares, whichever module declares them ({@code *Topics} configurations), follow one rule:
 * each has its settings' partitions and replicas, a dead-letter topic its source's, and every one of them
 * {@code min.insync.replicas} 2 once it is replicated (1 on a single broker), so acks=all means two copies.
 */
class TopicDeclarationsTests {

	@ParameterizedTest
	@CsvSource({ "1, 1", "3, 2", "2, 2" })
	void everyTopicAndDeadLetterTopicRequiresTwoInSyncReplicasOnceReplicated(short replicas, String minInSync) {
		new ApplicationContextRunner().withUserConfiguration(Settings.class)
			.withInitializer(context -> {
				ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner((BeanDefinitionRegistry) context, false);
				scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Topics")
						&& reader.getAnnotationMetadata().hasAnnotation(Configuration.class.getName()));
				scanner.scan("dev.moderato");
			})
			.withPropertyValues("moderato.intake.partitions=4", "moderato.intake.replicas=" + replicas,
					"moderato.moderation.partitions=5", "moderato.moderation.replicas=" + replicas,
					"moderato.moderation.public-url=https://comments.blog.example")
			.run(context -> {
				Map<String, NewTopic> topics = new TreeMap<>();
				context.getBeansOfType(NewTopic.class).values().forEach(t -> topics.put(t.name(), t));
				assertThat(topics).containsOnlyKeys(CommentSubmitted.TOPIC, CommentSubmitted.TOPIC + ".DLT",
						CommentSubmitted.FLOOD_TOPIC, CommentSubmitted.FLOOD_TOPIC + ".DLT", CommentModerated.TOPIC,
						CommentModerated.TOPIC + ".DLT");
				topics.forEach((name, topic) -> {
					assertThat(topic.numPartitions()).as(name).isEqualTo(name.startsWith(CommentSubmitted.TOPIC) ? 4 : 5);
					assertThat(topic.replicationFactor()).as(name).isEqualTo(replicas);
					assertThat(topic.configs()).as(name).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync);
				});
			});
	}

	/** Not a {@code @Configuration}: component scanning in the dev run must not find it. */
	@EnableConfigurationProperties({ IntakeSettings.class, ModerationSettings.class })
	static class Settings {

	}

}
