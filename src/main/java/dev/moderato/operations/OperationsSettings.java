package dev.moderato.operations;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an instance is run.
 *
 * @param roles the parts this instance runs: {@code intake}, {@code moderation}, {@code notification} (all by default)
 * @param metricsRefresh how often consumer lag, dead-letter and queue gauges are read from Kafka and the database
 * @param kafkaTimeout how long a health check or an admin call waits for Kafka
 */
@Validated
@ConfigurationProperties("moderato.operations")
public record OperationsSettings(@DefaultValue({ "intake", "moderation", "notification" }) @NotEmpty Set<Role> roles,
		@DefaultValue("15s") @NotNull Duration metricsRefresh, @DefaultValue("3s") @NotNull Duration kafkaTimeout) {

	public boolean runs(Role role) {
		return this.roles.contains(role);
	}

}
