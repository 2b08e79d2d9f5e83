package dev.moderato.spam.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold-start training data shipped on the classpath under {@code spam/corpus/}: the YouTube Spam Collection
 * (Alberto, Lochter and Almeida, ICMLA 2015; CC BY 4.0, see {@code ATTRIBUTION.md} there) and blog comments written
 * for this project.
 */
public final class BundledCorpus {

	/** The bundled files, in order. */
	public static final List<String> FILES = List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv",
			"Youtube03-LMFAO.csv", "Youtube04-Eminem.csv", "Youtube05-Shakira.csv");

	/**
	 * Blog-style comments written for this project (ham and spam): without them the YouTube-trained model takes
	 * ordinary blog comments ("Great article, thanks!") for spam.
	 */
	public static final String BLOG_SEED = "blog-seed.csv";

	/**
	 * Blog comments written for this project as they really look, across topics and languages, with author and
	 * website columns: readers' questions, errors and tracebacks, corrections, disagreement, links to references; and
	 * training-institute, essay, casino, crypto-recovery, pharma, SEO and flattery-with-a-website spam. Another part
	 * of the same work is kept out of training as the evaluation set ({@code src/test/resources/spam/eval}).
	 */
	public static final String BLOG_COMMENTS = "blog-comments.csv";

	private static final String LOCATION = "spam/corpus/";

	private BundledCorpus() {
	}

	/** All labelled comments of the bundled files, the blog seed included: the default model's training data. */
	public static List<LabelledText> load() {
		List<LabelledText> all = new ArrayList<>();
		for (String file : FILES) {
			all.addAll(load(file));
		}
		all.addAll(load(BLOG_SEED));
		all.addAll(load(BLOG_COMMENTS));
		return all;
	}

	public static List<LabelledText> load(String file) {
		try (InputStream in = BundledCorpus.class.getClassLoader().getResourceAsStream(LOCATION + file)) {
			if (in == null) {
				throw new IllegalStateException("Bundled spam corpus file missing: " + LOCATION + file);
			}
			return CommentCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
