package dev.moderato.spam;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.moderato.OwnDatabase;
import dev.moderato.spam.corpus.CommentCsv;
import dev.moderato.spam.corpus.LabelledText;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Site layers live in PostgreSQL, one per site with the log position it includes: an instance loads a site's layer
 * when the site is first judged (its saved layer and the site's decisions after it), keeps a bounded number in memory,
 * and a site's history can be learned with a report of what it changed.
 */
class SiteMemoryTests {

	static final OwnDatabase database = OwnDatabase.create("spam_sites").migrate();

	static final String PATTERN = SiteLearningTests.PATTERN;

	final JdbcClient jdbc = JdbcClient.create(database.dataSource());

	final SpamMemory memory = new SpamMemory(this.jdbc, Clock.systemUTC());

	@Test
	void anInstanceLoadsEachSitesOwnLayerFromItsSavedLayerAndTheDecisionsAfterIt() {
		String knitting = "knitting-" + UUID.randomUUID().toString().substring(0, 8);
		String cooking = "cooking-" + UUID.randomUUID().toString().substring(0, 8);
		SpamLearning first = startInstance(1);
		for (String name : new String[] { "Olga", "Marta", "Frieda", "Greta" }) {
			first.record(spam(knitting, PATTERN.formatted(name)));
		}
		first.applyNew();
		assertThat(verdict(first, knitting)).isEqualTo(Verdict.SPAM);
		first.save();
		first.record(new Feedback(knitting, UUID.randomUUID(), UUID.randomUUID(), "post-1", "Rosa", null,
				"Lovely pattern, I knitted it in merino and it came out a little loose, so I went down a needle size.",
				false));
		first.applyNew();
		assertThat(verdict(first, cooking)).as("the other site has the prior alone").isNotEqualTo(Verdict.SPAM);
		assertThat(verdict(first, knitting)).as("loaded again after the other site took its place in memory")
			.isEqualTo(Verdict.SPAM);

		SpamLearning second = startInstance(4);
		Model fresh = second.filterForTests().newSiteModel();
		assertThat(second.filterForTests().assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite(knitting)))
			.as("a new instance loads the saved layer and the decision after it")
			.isEqualTo(first.filterForTests().assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite(knitting)));
		assertThat(second.filterForTests().assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite(cooking)))
			.isEqualTo(second.filterForTests().assess(fresh, fromKnownCommenter(PATTERN.formatted("Ilse"))));
		assertThat(this.jdbc.sql("select count(*) from spam_model where site_id = ?").param(knitting)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void learningASitesHistoryReportsTheHeldBackSliceBeforeAndAfterAndTeachesOnlyThatSite() throws Exception {
		String site = "imported-" + UUID.randomUUID().toString().substring(0, 8);
		List<LabelledComment> history = history();
		SpamLearning instance = startInstance(4);

		HistoryReport report = instance.learnFromHistory(site, history, 0.3);

		int held = (int) Math.round(history.size() * 0.3);
		assertThat(report.learned()).isEqualTo(history.size() - held);
		assertThat(report.before().n()).isEqualTo(held);
		assertThat(report.after().n()).isEqualTo(held);
		assertThat(report.after().mcc()).as("learning the site's history helps on its newest comments")
			.isGreaterThan(report.before().mcc());
		assertThat(report.after().fpr()).as("and hides no reader").isZero();
		assertThat(this.jdbc.sql("select count(*) from spam_feedback where site_id = ?").param(site)
			.query(Integer.class).single()).as("the learned part is logged as the site's decisions")
			.isEqualTo(report.learned());

		List<LabelledComment> slice = history.subList(history.size() - held, history.size());
		SpamLearning other = startInstance(4);
		assertThat(figures(other.filterForTests(), site, slice))
			.as("another instance's layer of that site, loaded from the log, judges as the report says")
			.isEqualTo(report.after());
		assertThat(figures(other.filterForTests(), "elsewhere", slice)).as("another site learned nothing")
			.isEqualTo(report.before());

		HistoryReport again = instance.learnFromHistory(site, history, 0.3);
		assertThat(this.jdbc.sql("select count(*) from spam_feedback where site_id = ?").param(site)
			.query(Integer.class).single()).as("importing the same history again logs nothing twice")
			.isEqualTo(report.learned());
		assertThat(again.learned()).isEqualTo(report.learned());
	}

	@Test
	void aDecisionWhoseTextWasErasedTeachesALaterLoadedSiteNothing() {
		String site = "erased-" + UUID.randomUUID().toString().substring(0, 8);
		SpamLearning first = startInstance(4);
		Feedback decision = spam(site, PATTERN.formatted("Olga"));
		first.record(decision);
		first.anonymise(List.of(decision.commentId()), true);
		first.applyNew();

		SpamLearning later = startInstance(4);
		Candidate erased = fromKnownCommenter(SpamMemory.ERASED_TEXT);
		assertThat(later.filterForTests().assess(erased.onSite(site)))
			.isEqualTo(later.filterForTests().assess(later.filterForTests().newSiteModel(), erased));
	}

	private static HistoryReport.Figures figures(SpamFilter filter, String site, List<LabelledComment> slice) {
		List<Boolean> spam = new ArrayList<>();
		List<Verdict> verdicts = new ArrayList<>();
		for (LabelledComment comment : slice) {
			spam.add(comment.spam());
			verdicts.add(filter.assess(comment.candidate(site)).verdict());
		}
		return HistoryReport.Figures.of(spam, verdicts);
	}

	/**
	 * The held-out blog set as a site's history with this site's own spam campaign in it (a pitch the prior does not
	 * know as spam), in a fixed shuffled order (the file is sorted by post).
	 */
	private static List<LabelledComment> history() throws Exception {
		List<LabelledText> texts;
		try (var in = SiteMemoryTests.class.getResourceAsStream("/spam/eval/blog-holdout.csv")) {
			texts = new ArrayList<>(CommentCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		String[] names = { "Olga", "Marta", "Frieda", "Greta", "Helga", "Ilse", "Anke", "Berta", "Clara", "Doris",
				"Edda", "Fenja", "Gisela", "Hanne", "Irma", "Jutta", "Karin", "Lotte", "Mia", "Nora" };
		for (String name : names) {
			texts.add(new LabelledText(PATTERN.formatted(name), true, name, null, null));
		}
		Collections.shuffle(texts, new Random(13));
		return texts.stream()
			.map(t -> new LabelledComment(UUID.randomUUID(), "post-1", t.author(), t.url(), t.text(), t.postTitle(),
					null, t.spam()))
			.toList();
	}

	private Verdict verdict(SpamLearning instance, String site) {
		return instance.filterForTests().assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite(site)).verdict();
	}

	private static Feedback spam(String site, String text) {
		return new Feedback(site, UUID.randomUUID(), UUID.randomUUID(), "post-1", "Sam", null, text, true);
	}

	/** An instance as the application starts one: the prior, reading the log from its end. */
	private SpamLearning startInstance(int sitesInMemory) {
		return new SpamLearning(new SpamConfiguration.StartingModel(SpamFilter.withDefaultModel(SpamSettings.defaults()),
				this.memory.end()), this.memory, new SimpleMeterRegistry(), 50, sitesInMemory);
	}

}
