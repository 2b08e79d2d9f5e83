package dev.moderato.spam.corpus;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled comments from CSV (RFC 4180: quoted fields with doubled quotes, embedded commas and line breaks).
 * The header names the columns: the text is {@code CONTENT}, {@code text} or {@code comment}; the label is
 * {@code CLASS}, {@code label} or {@code TAG} (1 or "spam" = spam, 0 or "ham" = ham), case-insensitive. Rows with an
 * empty label are skipped; every U+FEFF is removed (in the YouTube collection it leaks the label). These columns are
 * optional, in lower case exactly: the author's name ({@code author}, {@code name}, {@code author_name}), website
 * ({@code url}, {@code website}, {@code author_url}) and the post's title ({@code title}, {@code post_title}). Other
 * columns are ignored, the YouTube collection's upper-case {@code AUTHOR} among them (it leaks the label).
 */
public final class CommentCsv {

	private static final List<String> TEXT_COLUMNS = List.of("content", "text", "comment");

	private static final List<String> LABEL_COLUMNS = List.of("class", "label", "tag");

	private static final List<String> AUTHOR_COLUMNS = List.of("author", "name", "author_name");

	private static final List<String> URL_COLUMNS = List.of("url", "website", "author_url");

	private static final List<String> TITLE_COLUMNS = List.of("title", "post_title");

	private CommentCsv() {
	}

	/**
	 * @throws IllegalArgumentException if the header lacks a text or label column, or a label is not 0/1/ham/spam
	 */
	public static List<LabelledText> read(Reader reader) throws IOException {
		CsvRecords records = new CsvRecords(reader);
		List<String> header = records.next();
		if (header == null) {
			return List.of();
		}
		int text = column(header, TEXT_COLUMNS);
		int label = column(header, LABEL_COLUMNS);
		int author = optionalColumn(header, AUTHOR_COLUMNS);
		int url = optionalColumn(header, URL_COLUMNS);
		int title = optionalColumn(header, TITLE_COLUMNS);
		List<LabelledText> comments = new ArrayList<>();
		for (List<String> row = records.next(); row != null; row = records.next()) {
			String value = label < row.size() ? row.get(label).strip() : "";
			if (!value.isEmpty()) {
				String content = text < row.size() ? row.get(text) : "";
				comments.add(new LabelledText(content.replace("\uFEFF", ""), isSpam(value, records.line()),
						field(row, author), field(row, url), field(row, title)));
			}
		}
		return comments;
	}

	private static String field(List<String> row, int column) {
		return column >= 0 && column < row.size() ? row.get(column).replace("\uFEFF", "").strip() : "";
	}

	private static int optionalColumn(List<String> header, List<String> names) {
		for (int i = 0; i < header.size(); i++) {
			if (names.contains(header.get(i).replace("\uFEFF", "").strip())) {
				return i;
			}
		}
		return -1;
	}

	private static int column(List<String> header, List<String> names) {
		for (int i = 0; i < header.size(); i++) {
			if (names.contains(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		throw new IllegalArgumentException("CSV header " + header + " has none of the columns " + names);
	}

	private static boolean isSpam(String label, int line) {
		return switch (label.toLowerCase(Locale.ROOT)) {
			case "1", "spam" -> true;
			case "0", "ham" -> false;
			default -> throw new IllegalArgumentException("Label '" + label + "' near line " + line + " is not 0 or 1");
		};
	}

}
