package dev.moderato.spam.corpus;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 4180 record reader: one character at a time, so quoted fields may hold commas, doubled quotes and line
 * breaks. Accepts CRLF or LF line ends.
 */
final class CsvRecords {

	private final Reader reader;

	private int pushedBack = -2;

	private int line = 1;

	CsvRecords(Reader reader) {
		this.reader = reader;
	}

	/** The next record's fields, or {@code null} at the end of input. Blank lines are skipped. */
	@Nullable List<String> next() throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		while (true) {
			int c = read();
			if (c < 0) {
				if (!any) {
					return null;
				}
				fields.add(field.toString());
				return fields;
			}
			any = true;
			if (quoted) {
				if (c == '"') {
					int following = read();
					if (following == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						unread(following);
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r') {
					int following = read();
					if (following != '\n') {
						unread(following);
					}
				}
				if (fields.isEmpty() && field.isEmpty()) {
					any = false;
					continue; // blank line
				}
				fields.add(field.toString());
				return fields;
			}
			else {
				field.append((char) c);
			}
		}
	}

	int line() {
		return this.line;
	}

	private int read() throws IOException {
		int c;
		if (this.pushedBack != -2) {
			c = this.pushedBack;
			this.pushedBack = -2;
			return c;
		}
		c = this.reader.read();
		if (c == '\n') {
			this.line++;
		}
		return c;
	}

	private void unread(int c) {
		this.pushedBack = c;
	}

}
