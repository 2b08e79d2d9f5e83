package dev.moderato.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param postsNew posts created (would be created)
 * @param postsExisting posts of the file already in the site (imported before, or registered with the same URL)
 * @param read comments read from the file
 * @param imported comments stored (would be stored)
 * @param alreadyImported comments an earlier import of this site and format stored: left as they are
 * @param deleted comments the source had deleted: not stored, as Moderato deletes them (their replies stay)
 * @param failed bad records and records whose write failed, not imported
 * @param errors the first problems, with their position in the file
 * @param learning what teaching the spam engine changed, when asked
 */
public record ImportReport(boolean dryRun, long postsNew, long postsExisting, long read, long imported,
		long alreadyImported, long deleted, long failed, List<ImportProgress.Problem> errors,
		@Nullable LearningReport learning) {

	public long skipped() {
		return this.alreadyImported + this.deleted;
	}

	/**
	 * The spam engine's quality on the slice of the import kept out of learning, before and after it learned.
	 *
	 * @param learnedHam approved comments learned as ham
	 * @param learnedSpam spam comments learned as spam
	 * @param heldOut comments (approved or spam) kept out of learning to measure on
	 */
	public record LearningReport(long learnedHam, long learnedSpam, long heldOut, Quality before, Quality after) {
	}

	/**
	 * @param mcc Matthews correlation coefficient of spam verdicts against the site's decisions (0 when undefined)
	 * @param hamMarkedSpam the share of approved comments the engine would mark spam
	 * @param spamApproved the share of spam comments the engine would approve
	 */
	public record Quality(double mcc, double hamMarkedSpam, double spamApproved) {
	}

}
