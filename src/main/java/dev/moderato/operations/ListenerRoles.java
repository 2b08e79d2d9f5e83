package dev.moderato.operations;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts only the Kafka listeners of the roles this instance runs. It runs just before the listener registry starts
 * its containers and turns off auto-start for the others, so a consumer of another role never joins its group here.
 * A listener whose id names no role stops the start-up (see {@link Role#ofListener}).
 * <p>
 * The registry is looked up, not injected: a lifecycle bean that depends on the registry is stopped together with it,
 * and its immediate stop would release the shutdown phase before the registry's containers have finished their
 * in-flight records.
 */
@Component
class ListenerRoles implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ListenerRoles.class);

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final OperationsSettings settings;

	private volatile boolean running;

	ListenerRoles(ObjectProvider<KafkaListenerEndpointRegistry> registry, OperationsSettings settings) {
		this.registry = registry;
		this.settings = settings;
	}

	@Override
	public void start() {
		List<String> started = new ArrayList<>();
		List<String> idle = new ArrayList<>();
		for (MessageListenerContainer container : this.registry.getObject().getListenerContainers()) {
			String id = container.getListenerId();
			if (id == null) {
				continue;
			}
			if (this.settings.runs(Role.ofListener(id))) {
				started.add(id);
			}
			else {
				container.setAutoStartup(false);
				idle.add(id);
			}
		}
		log.atInfo()
			.addKeyValue("roles", this.settings.roles())
			.log("Instance roles {}: Kafka listeners started {}, not run here {}", this.settings.roles(), started, idle);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Just before the registry starts its containers. */
	@Override
	public int getPhase() {
		return this.registry.getObject().getPhase() - 1;
	}

}
