package dev.moderato.spam.corpus;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommentCsvTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
		String csv = "\uFEFFCOMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\r\n"
				+ "1,a,2013,\"Hello, \"\"world\"\"\r\nsecond line\uFEFF\",1\r\n" + "2,b,2014,plain text,0\n";
		assertThat(CommentCsv.read(new StringReader(csv))).containsExactly(
				new LabelledText("Hello, \"world\"\r\nsecond line", true), new LabelledText("plain text", false));
	}

	@Test
	void acceptsOtherColumnNamesAndSkipsUnlabelledRows() throws IOException {
		String csv = "label,comment\nspam,buy now\n,no label\nham,nice\n\n0,\"ok\"";
		assertThat(CommentCsv.read(new StringReader(csv))).containsExactly(new LabelledText("buy now", true),
				new LabelledText("nice", false), new LabelledText("ok", false));
		assertThat(CommentCsv.read(new StringReader("TAG,text\n1,x"))).containsExactly(new LabelledText("x", true));
	}

	@Test
	void rejectsMissingColumnsAndUnknownLabels() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommentCsv.read(new StringReader("id,body\n1,x")));
		assertThatIllegalArgumentException().isThrownBy(() -> CommentCsv.read(new StringReader("text,label\nx,maybe")));
	}

	@Test
	void readsOptionalAuthorWebsiteAndTitleColumnsButNotYouTubesAuthor() throws Exception {
		assertThat(CommentCsv.read(new StringReader("text,label,author,url,title\nhi,0,Ann,https://ann.example,Sourdough\n")))
			.containsExactly(new LabelledText("hi", false, "Ann", "https://ann.example", "Sourdough"));
		assertThat(CommentCsv.read(new StringReader("AUTHOR,CONTENT,CLASS\nCheck my channel,hi,1\n")))
			.containsExactly(new LabelledText("hi", true));
	}

	@Test
	void loadsTheBundledCorpus() {
		List<LabelledText> youtube = new java.util.ArrayList<>();
		BundledCorpus.FILES.forEach(file -> youtube.addAll(BundledCorpus.load(file)));
		assertThat(youtube).hasSize(1956);
		assertThat(youtube.stream().filter(LabelledText::spam)).hasSize(1005);
		assertThat(youtube).noneMatch((c) -> c.text().contains("\uFEFF"));
		List<LabelledText> seed = BundledCorpus.load(BundledCorpus.BLOG_SEED);
		assertThat(seed).hasSizeGreaterThan(100).anyMatch(LabelledText::spam).anyMatch(c -> !c.spam());
		List<LabelledText> blog = BundledCorpus.load(BundledCorpus.BLOG_COMMENTS);
		assertThat(blog).hasSizeGreaterThan(100).anyMatch(LabelledText::spam)
			.anyMatch((c) -> c.url() != null && c.postTitle() != null);
		assertThat(BundledCorpus.load()).hasSize(youtube.size() + seed.size() + blog.size());
	}

}
