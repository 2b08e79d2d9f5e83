package dev.moderato.spam;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.fromNewCommenter;
import static dev.moderato.spam.Candidates.withAuthor;
import static dev.moderato.spam.Signals.inspect;
import static dev.moderato.spam.Signals.reasons;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped engine on blog comments: a reader is never marked spam for what readers do (a link to a reference, a
 * question with a traceback, another language, disagreement), spam is marked on specific evidence, abuse is held.
 */
class BlogCommentsTests {

	private static SpamFilter shipped;

	@BeforeAll
	static void trainDefaultModel() {
		shipped = SpamFilter.withDefaultModel(SpamSettings.defaults());
	}

	@Test
	void firstTimeReaderWithOneReferenceLinkIsHeldNotSpam() {
		for (String text : List.of("Great review! My thoughts are here: https://letterboxd.com/ann/film/past-lives/",
				"Small correction, see the credits: https://www.imdb.com/title/tt13238346/fullcredits",
				"Ebert's site liked it too: https://www.rogerebert.com/reviews/past-lives-movie-review-2023",
				"The trailer: https://www.youtube.com/watch?v=kA244xewjcI",
				"Background: https://en.wikipedia.org/wiki/Past_Lives_(film)")) {
			Assessment assessment = shipped.assess(fromNewCommenter(text).onPost("Review: Past Lives (2023)", null));
			assertThat(assessment.verdict()).as(text).isEqualTo(Verdict.HELD);
			assertThat(assessment.reasons()).as(text).contains("first comment from this commenter");
		}
	}

	@Test
	void readersQuestionsWithErrorsAreNotSpam() {
		for (String text : List.of("please help me out, I get this error: KeyError: 'Age'",
				"can you please check my code? Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\nValueError: bad input",
				"The data moved to https://raw.githubusercontent.com/owner/data/master/titanic.csv",
				"Bind for 0.0.0.0:5432 failed: port is already allocated, server 192.168.10.20",
				"Me encantó la reseña, gracias por escribirla.", "बहुत अच्छा लेख है, धन्यवाद।",
				"I think you're being a bit too generous with it, the last act dragged.")) {
			assertThat(shipped.assess(fromKnownCommenter(text)).verdict()).as(text).isNotEqualTo(Verdict.SPAM);
		}
	}

	@Test
	void reasonsDoNotMentionTheTextModelWhenItSeesNothing() {
		Assessment assessment = shipped.assess(fromNewCommenter("Thanks, the diagram made it click for me."));
		assertThat(assessment.reasons()).containsExactly("first comment from this commenter");
	}

	@Test
	void marksSeoLinkSpamAndSaysItIsTheWording() {
		Assessment assessment = shipped.assess(withAuthor(
				"Very informative blog. Python Training in Chennai with 100% placement: https://www.best-python-training-chennai.in",
				"Python Training", "https://www.best-python-training-chennai.in"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(assessment.reasons()).contains("links to a site whose name is stuffed with sales keywords");
	}

	@Test
	void holdsFlatteryWhosePayloadIsTheAuthorsWebsite() {
		Candidate flattery = withAuthor("I truly enjoyed reading this. You have a real talent for writing.", "John",
				"https://cheap-roofing-contractors-dallas.com");
		assertThat(reasons(inspect(new GenericPraise(), flattery)))
			.containsExactly("praise that fits any post, from an author who leaves a website");
		assertThat(shipped.assess(flattery).verdict()).isNotEqualTo(Verdict.APPROVED);
		assertThat(inspect(new GenericPraise(), withAuthor("Great post!", "Ann", null))).isEmpty();
	}

	@Test
	void judgesLinksByWhatTheyPointTo() {
		assertThat(LinkTargets.of("en.wikipedia.org", "wikipedia.org")).isEqualTo(LinkTargets.Kind.REFERENCE);
		assertThat(LinkTargets.of("raw.githubusercontent.com", "githubusercontent.com"))
			.isEqualTo(LinkTargets.Kind.REFERENCE);
		assertThat(LinkTargets.of("best-essay-writing-service.com", "best-essay-writing-service.com"))
			.isEqualTo(LinkTargets.Kind.COMMERCIAL);
		assertThat(LinkTargets.of("pythontrainingcourses.co.in", "pythontrainingcourses.co.in"))
			.isEqualTo(LinkTargets.Kind.COMMERCIAL);
		assertThat(LinkTargets.of("bit.ly", "bit.ly")).isEqualTo(LinkTargets.Kind.SHORTENER);
		assertThat(LinkTargets.of("anna-bakes.blogspot.com", "blogspot.com")).isEqualTo(LinkTargets.Kind.OTHER);
		assertThat(reasons(inspect(new LinkJudgement(),
				fromKnownCommenter("<a href=\"https://example.biz\">cheap flights</a> and more"))))
			.contains("links hidden behind anchor text");
		assertThat(reasons(inspect(new LinkJudgement(), fromKnownCommenter("https://watch-free.example.online/x"))))
			.contains("only a link, nothing said");
	}

	@Test
	void ipAddressesDatesAndTracebacksAreNotPhoneNumbers() {
		assertThat(Contacts.phoneNumbers("server 192.168.100.200 and 10.0.0.12:9092")).isZero();
		assertThat(Contacts.phoneNumbers("at 2024-01-15 10:23:45 it failed, version 3.11.4.1234")).isZero();
		assertThat(Contacts.phoneNumbers("File \"x.py\", line 912, in read_csv (Collectors.java:135) 0x7ffe12345678"))
			.isZero();
		assertThat(Contacts.phoneNumbers("call +1 (312) 555-0199 or 555.123.4567")).isEqualTo(2);
	}

	@Test
	void greekLettersInAFormulaAreNoLookalikeTrick() {
		assertThat(CharacterTricks.mixedScriptWords("θ = (XᵀX)⁻¹Xᵀy, αx + βy, φ₁y_{t-1}")).isZero();
		assertThat(CharacterTricks.mixedScriptWords("p\u0430ypal")).isEqualTo(1);
	}

	@Test
	void holdsAbuseAimedAtPeopleButNotWordsThePostUses() {
		List<Finding> insult = inspect(new Abuse(), fromKnownCommenter("You are an idiot, this review is garbage"));
		assertThat(reasons(insult)).containsExactly("insults someone ('idiot'): abuse is for a person to judge");
		assertThat(insult.get(0).effect()).isEqualTo(Finding.Effect.HOLD);
		assertThat(shipped.assess(fromKnownCommenter("You are an idiot, this review is garbage")).verdict())
			.isEqualTo(Verdict.HELD);
		assertThat(inspect(new Abuse(),
				fromKnownCommenter("The idiot brother is the best character, you nailed it").onPost("Review: The Idiot", null)))
			.isEmpty();
		assertThat(inspect(new Abuse(), fromKnownCommenter("Stupid question maybe, but which port?"))).isEmpty();
	}

	@Test
	void engagingWithThePostLowersTheScore() {
		Candidate onTopic = fromKnownCommenter("How long should the sourdough starter rest before baking?")
			.onPost("Sourdough Bread for Beginners", "https://blog.example/2024/sourdough-bread");
		assertThat(reasons(inspect(new PostContext(), onTopic))).containsExactly("talks about what the post is about");
		assertThat(inspect(new PostContext(), fromKnownCommenter("How long should it rest before baking?")
			.onPost("Sourdough Bread for Beginners", null))).isEmpty();
	}

	@Test
	void eachSiteLearnsApartFromTheBundledPrior() {
		SpamFilter site = SpamFilter.withDefaultModel(SpamSettings.defaults());
		SpamFilter other = SpamFilter.withDefaultModel(SpamSettings.defaults());
		String pattern = "Win a free %s T-shirt in our raffle today";
		for (String name : new String[] { "Olga", "Marta", "Frieda", "Greta" }) {
			site.learn(fromKnownCommenter(pattern.formatted(name)), true);
		}
		Assessment later = site.assess(fromKnownCommenter(pattern.formatted("Ilse")));
		assertThat(later.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(later.reasons()).contains("resembles comments this site's moderators marked spam");
		assertThat(other.assess(fromKnownCommenter(pattern.formatted("Ilse"))).verdict()).isEqualTo(Verdict.HELD);
	}

}
