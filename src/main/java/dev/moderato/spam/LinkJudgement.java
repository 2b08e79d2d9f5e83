package dev.moderato.spam;

import java.util.List;

/**
 * Signal: what the comment's links point to and how they are written. A link to a host name stuffed with sales
 * keywords, a link hidden behind anchor text ({@code <a href=…>cheap flights</a>}, {@code [url=…]}) and a comment
 * that is nothing but a link are evidence of spam; a comment whose links all go to widely used reference sites
 * (documentation, code, Wikipedia, IMDb, Letterboxd, news) is a reader citing a source, and counts slightly for it.
 */
final class LinkJudgement implements Signal {

	/** Fewer letters than this outside the links: the comment says nothing but its links. */
	static final int LINK_ONLY_LETTERS = 12;

	/**
	 * A link to a site that is neither a reference nor keyword-stuffed: evidence only where the wording is near-certain
	 * spam ({@link VerdictPolicy#NEAR_CERTAIN}), since readers link their own blogs and small project sites too.
	 */
	static final Finding ELSEWHERE = Finding.score("links to a site that is not a well-known reference", 0);

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		if (text.domains.isEmpty() && text.anchorLinks == 0) {
			return;
		}
		int reference = 0;
		String referenceDomain = null;
		boolean commercial = false;
		boolean other = false;
		for (int i = 0; i < text.domains.size(); i++) {
			LinkTargets.Kind kind = LinkTargets.of(text.hosts.get(i), text.domains.get(i));
			if (kind == LinkTargets.Kind.REFERENCE) {
				reference++;
				referenceDomain = referenceDomain == null ? text.domains.get(i) : referenceDomain;
			}
			commercial |= kind == LinkTargets.Kind.COMMERCIAL;
			other |= kind == LinkTargets.Kind.OTHER;
		}
		if (commercial) {
			// the link is the payload: never approved, whatever the wording
			findings.add(Finding.heldEvidence("links to a site whose name is stuffed with sales keywords", 1.5));
		}
		else if (other) {
			findings.add(ELSEWHERE);
		}
		if (text.anchorLinks > 0) {
			findings.add(Finding.evidence("links hidden behind anchor text", 1.0));
		}
		boolean allReference = reference == text.domains.size() && text.anchorLinks == 0;
		if (text.lettersOutsideLinks() < LINK_ONLY_LETTERS) {
			findings.add(allReference ? Finding.hold("only a link, nothing said", 0)
					: Finding.heldEvidence("only a link, nothing said", 1.0));
		}
		else if (allReference) {
			findings.add(Finding.score("links to a well-known site (" + referenceDomain + ")", -0.5));
		}
	}

}
