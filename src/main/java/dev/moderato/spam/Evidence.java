package dev.moderato.spam;

/**
 * What the signals read: the candidate, its analysed text, what the engine has learned about domains, and the words
 * of the post the comment is under.
 */
record Evidence(Candidate candidate, Analysis text, DomainReputation domains, PostTopic topic) {

	Evidence(Candidate candidate, Analysis text, DomainReputation domains) {
		this(candidate, text, domains, PostTopic.of(candidate));
	}

}
