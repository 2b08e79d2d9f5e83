package dev.moderato.faults;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.moderato.EmbeddedServices;
import dev.moderato.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database whose daily retention fires at the same instant: it runs once in the cluster.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterJobLockTests {

	@Test
	void aOncePerClusterJobFiredOnTwoInstancesAtOnceRunsOnce(CapturedOutput output) throws Exception {
		OwnDatabase database = OwnDatabase.create("cluster_lock");
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				// no consumers: they would join the shared context's groups on the shared broker
				instances.add(Instances.start(EmbeddedServices.kafka(), database, "moderato.operations.roles=moderation",
						"spring.kafka.listener.auto-startup=false", "moderato.system.outbox-resubmission=false"));
			}
			CyclicBarrier sameInstant = new CyclicBarrier(instances.size());
			// a thread per instance: the common pool may have a single thread on two cores, and the barrier needs both
			ExecutorService schedulers = Executors.newFixedThreadPool(instances.size());
			try {
				List<CompletableFuture<Void>> runs = instances.stream()
					.map(instance -> CompletableFuture.runAsync(() -> fire(instance.getBean("retention"), sameInstant),
							schedulers))
					.toList();
				CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			}
			finally {
				schedulers.shutdownNow();
			}

			assertThat(output.getAll().split("Retention: IP data dropped", -1)).as("retention ran once").hasSize(2);
			assertThat(instances.get(0).getBean(JdbcClient.class)
				.sql("select count(*) from shedlock where name = 'gdpr-retention' and lock_until > timezone('utc', now())")
				.query(Integer.class).single()).as("and holds its lock for the rest of the window").isOne();
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	/** What the scheduler does at 03:30 UTC: calls the job through its bean, the lock and all. */
	private static void fire(Object retention, CyclicBarrier sameInstant) {
		Method daily = ReflectionUtils.findMethod(retention.getClass(), "daily");
		ReflectionUtils.makeAccessible(daily);
		try {
			sameInstant.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		ReflectionUtils.invokeMethod(daily, retention);
	}

}
