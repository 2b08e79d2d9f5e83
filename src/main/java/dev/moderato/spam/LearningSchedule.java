package dev.moderato.spam;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's spam model up to date with the shared decision log, on the instances that score comments
 * ({@code moderation}); others neither score nor poll. Per instance, no lock: each instance has its own model.
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class LearningSchedule {

	private final SpamLearning learning;

	LearningSchedule(SpamLearning learning) {
		this.learning = learning;
	}

	/** Catches up with the decisions logged since the starting model was saved. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		this.learning.applyNew();
	}

	@Scheduled(fixedDelayString = "${moderato.spam.learning.interval:1s}",
			initialDelayString = "${moderato.spam.learning.interval:1s}")
	void applyNew() {
		this.learning.applyNew();
	}

}
