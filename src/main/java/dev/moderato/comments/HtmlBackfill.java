package dev.moderato.comments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills in the stored HTML of comments kept from before the column existed, once, in the background after startup,
 * in small batches. Until then the thread renders those few on read. Idempotent: several instances doing it at once
 * write the same HTML.
 */
@Component
class HtmlBackfill {

	private static final Logger log = LoggerFactory.getLogger(HtmlBackfill.class);

	static final int BATCH = 500;

	private final Comments comments;

	HtmlBackfill(Comments comments) {
		this.comments = comments;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread worker = new Thread(this::fillAll, "comment-html-backfill");
		worker.setDaemon(true);
		worker.start();
	}

	/** @return how many comments were looked at */
	int fillAll() {
		int total = 0;
		try {
			for (int done = this.comments.fillMissingHtml(BATCH); done > 0; done = this.comments.fillMissingHtml(BATCH)) {
				total += done;
			}
			if (total > 0) {
				log.info("Stored the HTML of {} comments kept from before it was stored", total);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Filling in stored comment HTML stopped ({}); the thread renders the rest on read until the next start",
					ex.toString());
		}
		return total;
	}

}
