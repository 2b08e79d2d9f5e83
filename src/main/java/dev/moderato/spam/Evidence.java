package dev.moderato.spam;

/**
 * What the signals read: the candidate, its analysed text, and what the engine has learned about domains.
 */
record Evidence(Candidate candidate, Analysis text, DomainReputation domains) {
}
