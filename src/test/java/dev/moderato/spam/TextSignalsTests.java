package dev.moderato.spam;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.repeatedOn;
import static dev.moderato.spam.Candidates.withAuthor;
import static dev.moderato.spam.Signals.inspect;
import static dev.moderato.spam.Signals.reasons;
import static org.assertj.core.api.Assertions.assertThat;

class TextSignalsTests {

	@Test
	void flagsPhoneNumbersWithoutQuotingThem() {
		assertThat(reasons(inspect(new ContactBait(), fromKnownCommenter("call me on +1 (555) 123-4567 today"))))
			.containsExactly("a phone number", "asks to be contacted off the blog");
	}

	@Test
	void doesNotTakeListsOfYearsForPhoneNumbers() {
		assertThat(inspect(new ContactBait(), fromKnownCommenter("I watched it in 2013 2014 2015"))).isEmpty();
	}

	@Test
	void flagsEmailAddressInText() {
		assertThat(reasons(inspect(new ContactBait(), fromKnownCommenter("write to deals@example.com"))))
			.containsExactly("an email address in the text");
	}

	@Test
	void flagsAuthorNameThatIsALink() {
		assertThat(reasons(inspect(new AuthorIdentity(), withAuthor("nice", "cheap-pills.example.com", null))))
			.containsExactly("author name is a link");
	}

	@Test
	void flagsKeywordStuffedAuthorNameAndWebsite() {
		assertThat(reasons(inspect(new AuthorIdentity(),
				withAuthor("nice", "Best Cheap SEO Services", "https://example.com/buy-cheap-seo-services-online"))))
			.containsExactly("author name is stuffed with keywords", "author website is stuffed with keywords");
	}

	@Test
	void acceptsOrdinaryAuthor() {
		assertThat(inspect(new AuthorIdentity(), withAuthor("nice", "Ann Lee", "https://ann.example.org"))).isEmpty();
	}

	@Test
	void holdsTextLeftOnManyOtherPosts() {
		Finding finding = inspect(new RepeatedText(), repeatedOn("great post, check my site", 4)).get(0);
		assertThat(finding.reason()).isEqualTo("same text left on 4 other posts");
		assertThat(finding.effect()).isEqualTo(Finding.Effect.HOLD);
	}

	@Test
	void ignoresShortRepeatedThanks() {
		assertThat(inspect(new RepeatedText(), repeatedOn("thanks!", 9))).isEmpty();
	}

	@Test
	void noticesShouting() {
		assertThat(reasons(inspect(new Shouting(), fromKnownCommenter("BUY NOW AND SAVE BIG TODAY"))))
			.containsExactly("written in capitals");
		assertThat(inspect(new Shouting(), fromKnownCommenter("I love NASA and the ESA"))).isEmpty();
	}

	@Test
	void countsInvisibleAndDirectionCharacters() {
		assertThat(reasons(inspect(new CharacterTricks(), fromKnownCommenter("fr\u200Bee mo\u202Eney"))))
			.containsExactly("2 invisible or direction-changing characters");
	}

	@Test
	void countsWordsMixingLatinAndLookalikes() {
		// "pаypal" and "vіagra" with Cyrillic а and і
		assertThat(reasons(inspect(new CharacterTricks(), fromKnownCommenter("p\u0430ypal v\u0456agra"))))
			.containsExactly("2 words mix Latin letters with look-alike letters");
	}

	@Test
	void leavesPlainCyrillicAlone() {
		assertThat(inspect(new CharacterTricks(), fromKnownCommenter("Спасибо за статью"))).isEmpty();
	}

	@Test
	void foldsLookalikesInsideMixedWordsOnly() {
		assertThat(TextFolding.fold("V\u0456AGRA Спасибо")).isEqualTo("viagra спасибо");
	}

}
