package dev.moderato.operations;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run once per cluster, not once per instance, take a named lock first (ShedLock,
 * {@code @SchedulerLock} on the job): a row in the {@code shedlock} table, claimed with an atomic update and held until
 * {@code lockAtLeastFor} has passed, so instances whose schedules fire at the same instant, or a few seconds apart
 * through clock skew, run the job once. Lock times are PostgreSQL's clock ({@code usingDbTime}), never an instance's.
 * A crashed holder's lock expires after {@code lockAtMostFor}.
 * <p>
 * Jobs per instance (the local spam model's refresh, in-memory housekeeping, gauges every instance of a role exports,
 * the mail sender whose rows are claimed one by one) take no lock; every job is gated by the role that needs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

	@Bean
	LockProvider schedulerLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
