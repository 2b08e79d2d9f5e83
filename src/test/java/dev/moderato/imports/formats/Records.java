package dev.moderato.imports.formats;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads fixtures whole, for tests: every record in file order, a {@link SourceReader.BadRecord} in its place.
 */
final class Records {

	private Records() {
	}

	static Path fixture(String name) {
		try {
			return Path.of(Objects.requireNonNull(Records.class.getResource("/imports/" + name), name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Object> readAll(SourceFormat format, Path file) throws IOException {
		try (SourceReader reader = format.open(file)) {
			List<Object> records = new ArrayList<>();
			while (true) {
				try {
					Object record = reader.next();
					if (record == null) {
						return records;
					}
					records.add(record);
				}
				catch (SourceReader.BadRecord bad) {
					records.add(bad);
				}
			}
		}
	}

	static List<SourceComment> comments(List<Object> records) {
		return records.stream().filter(SourceComment.class::isInstance).map(SourceComment.class::cast).toList();
	}

	static List<SourcePost> posts(List<Object> records) {
		return records.stream().filter(SourcePost.class::isInstance).map(SourcePost.class::cast).toList();
	}

	static List<SourceReader.BadRecord> bad(List<Object> records) {
		return records.stream()
			.filter(SourceReader.BadRecord.class::isInstance)
			.map(SourceReader.BadRecord.class::cast)
			.toList();
	}

	static SourceComment comment(List<Object> records, String sourceId) {
		return comments(records).stream().filter((c) -> c.sourceId().equals(sourceId)).findFirst().orElseThrow();
	}

	/** Every comment comes after the post it belongs to. */
	static boolean postsPrecedeTheirComments(List<Object> records) {
		List<String> seen = new ArrayList<>();
		for (Object record : records) {
			if (record instanceof SourcePost post) {
				seen.add(post.sourceId());
			}
			if (record instanceof SourceComment comment && !seen.contains(comment.postSourceId())) {
				return false;
			}
		}
		return true;
	}

}
