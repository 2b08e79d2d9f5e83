package dev.moderato.moderation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.moderato.comments.CommentStatus;
import org.jspecify.annotations.Nullable;

/**
 * The spam filter's reasons as a moderator or a post's author reads them next to its verdict: only the reasons that
 * pushed toward that verdict, and for a held comment the rule that held it first, in words. The engine's list is
 * kept as it is (API, export); this only filters and orders it for the moderation page and the mails.
 * <p>
 * A reason that carries the text model's probability ("classifier 0.10") counts toward holding or spam only from
 * 0.5 up; it is never listed for an approval (the page shows the score). Reasons the engine gives for an approval
 * ("no spam signals", a commenter's published comments, trust) are listed only for an approval. Any other reason is
 * taken to point toward spam.
 */
public final class VerdictReasons {

	/** A probability before any colon: "classifier 0.97: 'buy now'", "text model 0.10". */
	private static final Pattern MODEL = Pattern.compile("^\\p{L}[\\p{L} -]*?\\s([01]\\.\\d+)\\s*(?:[:;,(].*)?$",
			Pattern.DOTALL);

	private static final List<Pattern> TOWARD_APPROVAL = patterns("no spam signals", "commenter has \\d+ published comments?",
			"trusted commenter: hold skipped");

	private static final Pattern FIRST_COMMENT = Pattern.compile("first comment from this commenter");

	private static final Pattern NOT_YET_PUBLISHED = Pattern.compile("no published comment from this commenter yet");

	/** Rules that hold a comment whatever its score, so they say why it waits. */
	private static final List<Pattern> HOLD_RULES = patterns(FIRST_COMMENT.pattern(), NOT_YET_PUBLISHED.pattern(),
			"trusted commenter: held instead of spam", "commenter has .+ judged spam before", "hidden form field.*",
			"form submitted .+ after it was shown", "contains .+, a word held for review", "author name is a link");

	private VerdictReasons() {
	}

	/**
	 * The reasons for {@code verdict} worth reading, most telling first.
	 * @param verdict the spam filter's verdict ({@code APPROVED}, {@code HELD} or {@code SPAM})
	 * @param reasons the engine's reasons, as stored with the comment
	 */
	public static List<String> present(CommentStatus verdict, List<String> reasons) {
		List<String> holds = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (String reason : reasons) {
			String r = reason.strip();
			if (r.isEmpty()) {
				continue;
			}
			boolean approving = matchesAny(TOWARD_APPROVAL, r);
			Double p = modelProbability(r);
			if (verdict == CommentStatus.APPROVED) {
				if (approving) {
					others.add(r);
				}
			}
			else if (approving || (p != null && p < 0.5)) {
				continue;
			}
			else if (verdict == CommentStatus.HELD && matchesAny(HOLD_RULES, r)) {
				holds.add(inWords(r));
			}
			else {
				others.add(r);
			}
		}
		holds.addAll(others);
		return List.copyOf(holds);
	}

	/** The held-first-comment rule says what it means. */
	private static String inWords(String reason) {
		if (FIRST_COMMENT.matcher(reason).matches()) {
			return "first comment from this commenter: a first comment waits for a moderator";
		}
		if (NOT_YET_PUBLISHED.matcher(reason).matches()) {
			return "no published comment from this commenter yet: their comments wait for a moderator until one is";
		}
		return reason;
	}

	private static @Nullable Double modelProbability(String reason) {
		Matcher m = MODEL.matcher(reason);
		if (!m.matches()) {
			return null;
		}
		double p = Double.parseDouble(m.group(1));
		return p <= 1 ? p : null;
	}

	private static boolean matchesAny(List<Pattern> patterns, String reason) {
		return patterns.stream().anyMatch(p -> p.matcher(reason).matches());
	}

	private static List<Pattern> patterns(String... regexes) {
		return Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE)).toList();
	}

}
