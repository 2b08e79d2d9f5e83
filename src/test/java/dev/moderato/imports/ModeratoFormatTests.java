package dev.moderato.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.moderato.imports.formats.SourceComment;
import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.imports.formats.SourcePost;
import dev.moderato.imports.formats.SourceReader;
import dev.moderato.imports.formats.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moderato's own export format read back record by record; the command line refuses bad usage before it starts.
 */
class ModeratoFormatTests {

	@TempDir
	Path dir;

	@Test
	void readsPostsAndCommentsAndReportsABadRecordWithItsPosition() throws Exception {
		Path file = Files.writeString(this.dir.resolve("export.json"), """
				{"format": "moderato-export", "version": 1, "site": {"id": "blog"},
				 "posts": [{"id": "p1", "url": "https://blog.example/p1/", "title": "One"}],
				 "comments": [
				  {"id": "c1", "postId": "p1", "authorName": "Ann", "createdAt": "2019-01-01T00:00:00Z", "status": "spam", "text": "x"},
				  {"id": "c2", "postId": "p1", "createdAt": "yesterday", "status": "approved", "text": "y"},
				  {"id": "c3", "postId": "p1", "parentId": "c1", "createdAt": "2019-01-02T00:00:00Z", "status": "held",
				   "kind": "pingback", "text": "z"}
				 ]}
				""");
		List<Object> records = new ArrayList<>();
		List<String> bad = new ArrayList<>();
		try (SourceReader reader = SourceFormat.MODERATO.open(file)) {
			while (true) {
				try {
					Object next = reader.next();
					if (next == null) {
						break;
					}
					records.add(next);
				}
				catch (SourceReader.BadRecord ex) {
					bad.add(ex.position() + ": " + ex.getMessage());
				}
			}
		}
		assertThat(records).hasSize(3);
		assertThat(((SourcePost) records.get(0)).url()).isEqualTo("https://blog.example/p1/");
		assertThat(((SourceComment) records.get(1)).status()).isEqualTo(SourceStatus.SPAM);
		SourceComment reply = (SourceComment) records.get(2);
		assertThat(reply.parentSourceId()).isEqualTo("c1");
		assertThat(reply.kind()).isEqualTo(SourceComment.Kind.PINGBACK);
		assertThat(bad).containsExactly("comments[1] (line 5): 'createdAt' is not an ISO-8601 instant");
	}

	@Test
	void aFileOfAnotherFormatIsBroken() throws Exception {
		Path file = Files.writeString(this.dir.resolve("other.json"), "{\"format\": \"disqus\", \"posts\": []}");
		assertThatThrownBy(() -> {
			try (SourceReader reader = SourceFormat.MODERATO.open(file)) {
				reader.next();
			}
		}).isInstanceOf(SourceReader.BrokenFile.class).hasMessageContaining("Not a Moderato export");
	}

	@Test
	void theCommandRefusesMissingArgumentsWithoutStarting() {
		assertThat(ImportCommand.handles(new String[] { "import" })).isTrue();
		assertThat(ImportCommand.handles(new String[] { "--server.port=9" })).isFalse();
		assertThat(ImportCommand.run(Object.class, new String[] { "import", "--format", "wxr", "file.xml" })).isEqualTo(2);
		assertThat(ImportCommand.run(Object.class, new String[] { "export", "--site", "blog", "--format", "csv", "f" }))
			.isEqualTo(2);
	}

}
