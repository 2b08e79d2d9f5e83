package dev.moderato.imports;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.Topics;
import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.sites.Site;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports over the admin endpoint into the running service, and exports back out: the history lands in the public
 * thread and the moderation queues, without a mail or a Kafka record, and only once.
 */
@IntegrationTest
class ImportTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Sites sites;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	GreenMail greenMail;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	Importer importer;

	@Autowired
	dev.moderato.comments.Comments comments;

	@TempDir
	Path dir;

	String run;

	String ann;

	String bob;

	@BeforeEach
	void names() {
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.ann = "Ann.Archive-" + this.run + "@Mail.Example";
		this.bob = "bob-" + this.run + "@mail.example";
	}

	@Test
	void importsAHistoryIntoThePublicThreadAndTheQueuesWithoutMailOrKafka() {
		String site = site("hist");
		Topics topics = new Topics(this.consumers);
		long submitted = topics.size("comments.submitted");
		long moderated = topics.size("comments.moderated");
		int mails = this.greenMail.getReceivedMessages().length;

		JsonNode job = importFile(site, "moderato", history(site).json(), false);

		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("read").asLong()).isEqualTo(9);
		assertThat(job.get("imported").asLong()).isEqualTo(8); // of ten records: one deleted, one bad
		assertThat(job.get("skipped").asLong()).isEqualTo(1);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		List<String> errors = new ArrayList<>();
		job.get("errors").forEach(e -> errors.add(e.get("position").asString() + ": " + e.get("message").asString()));
		assertThat(errors).anyMatch(e -> e.startsWith("comments[8]") && e.contains("'text' is missing"))
			.anyMatch(e -> e.contains("c-orphan") || e.contains("missing-parent"));

		String post = postWithUrl(site, "https://" + site + ".example/2019/hello-world/");
		JsonNode thread = new Api(this.port, this.json).json(new Api(this.port, this.json).get("/api/v1/posts/" + post + "/comments"));
		JsonNode roots = thread.get("comments");
		assertThat(roots).extracting(c -> c.get("text").asString())
			.containsExactly("First! <b>Lovely</b> post.", "A reply to a deleted comment", "Orphan reply", "Pingback from elsewhere");
		JsonNode first = roots.get(0);
		assertThat(first.get("authorName").asString()).isEqualTo("Ann");
		assertThat(first.get("createdAt").asString()).isEqualTo("2019-03-02T08:00:00Z");
		assertThat(first.get("html").asString()).contains("&lt;b&gt;Lovely&lt;/b&gt;").doesNotContain("<b>");
		assertThat(first.get("replies")).extracting(r -> r.get("text").asString())
			.containsExactly("Thanks Ann! Ünïcödé ☃");
		assertThat(first.get("replies").get(0).get("replies")).extracting(r -> r.get("text").asString())
			.containsExactly("A reply written before its parent in the file");

		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		assertThat(moderator.json(moderator.get("/api/v1/moderation/queues/held?post=" + post)).toString())
			.contains("Is this held?").doesNotContain("Buy cheap");
		assertThat(moderator.json(moderator.get("/api/v1/moderation/queues/spam?post=" + post)).toString())
			.contains("Buy cheap pills");

		// no mail to anyone, no Kafka record; the commenter's history counts the imported comments
		assertThat(this.greenMail.getReceivedMessages()).hasSize(mails);
		assertThat(topics.size("comments.submitted")).isEqualTo(submitted);
		assertThat(topics.size("comments.moderated")).isEqualTo(moderated);
		assertThat(this.jdbc.queryForMap("select approved, held from commenter_stats where email_hash = ?",
				this.privacy.hash(this.ann).value())).containsEntry("approved", 1).containsEntry("held", 1);
		// the email exists only encrypted and hashed; the IP of a comment from 2019 not at all (see below)
		String stored = this.jdbc.queryForList("select c::text from comment c where post_id = ?", String.class, post).toString();
		assertThat(stored).doesNotContainIgnoringCase(this.ann).doesNotContainIgnoringCase(this.bob)
			.doesNotContain("198.51.100.77").doesNotContain("198.51.100.0");
	}

	@Test
	void anImportedCommentKeepsItsAddressOnlyAsAPrefixAndOnlyWithinTheIpRetention() {
		String site = site("ips");
		Instant now = Instant.now();
		ImportFiles history = new ImportFiles().post("a", "https://" + site + ".example/a/", "A")
			.comment("recent", "a", null, "Ann", this.ann, "approved", "Written last week", now.minus(Duration.ofDays(7)).toString())
			// older than moderato.privacy.ip-retention (30 days): the daily retention would forget it at its next run
			.comment("old", "a", null, "Ann", this.ann, "approved", "Written long ago", "2019-04-01T08:00:00Z");
		importFile(site, "moderato", history.json(), false);

		Map<String, Map<String, Object>> byText = new HashMap<>();
		this.jdbc.queryForList("""
				select c.text, c.ip_prefix, c.ip_hash, c::text as row from comment c join post p on p.id = c.post_id
				where p.site_id = ?
				""", site).forEach(row -> byText.put((String) row.get("text"), row));
		assertThat(byText.get("Written last week")).containsEntry("ip_prefix", "198.51.100.0/24");
		assertThat((String) byText.get("Written last week").get("ip_hash")).hasSize(64);
		assertThat((String) byText.get("Written last week").get("row")).doesNotContain("198.51.100.77");
		assertThat(byText.get("Written long ago")).containsEntry("ip_prefix", null).containsEntry("ip_hash", null);
	}

	@Test
	void anImportedSpammerIsKnownToTheVerdictPathAsASubmittedOneWouldBe() {
		String site = site("spammer");
		String spammer = "spammer-" + this.run + "@spam.example";
		String pitch = "Cheap watches for sale " + this.run + " visit my shop today for the best deals";
		ImportFiles history = new ImportFiles().post("a", "https://" + site + ".example/a/", "A")
			.post("b", "https://" + site + ".example/b/", "B");
		java.time.Instant now = java.time.Instant.now();
		for (int i = 0; i < 3; i++) { // within the near-duplicate window
			history.comment("s" + i, i % 2 == 0 ? "a" : "b", null, "Seller", spammer, "spam", pitch + (i == 2 ? "!" : ""),
					now.minus(java.time.Duration.ofDays(3 - i)).toString());
		}
		// and the same pitch years ago: no verdict compares it any more
		history.comment("s-old", "a", null, "Seller", spammer, "spam", pitch, "2019-04-01T08:00:00Z");
		importFile(site, "moderato", history.json(), false);

		// the near-duplicate fingerprint and its bands, as the verdict path stores them with a submitted comment
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select c.text, c.fingerprint, c.fp_band0, c.fp_band3 from comment c join post p on p.id = c.post_id
				where p.site_id = ? and c.submitted_at > ?
				""", site, java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(30))));
		// history older than the window is stored without one, so it costs no band-index entries
		assertThat(this.jdbc.queryForObject("""
				select c.fingerprint from comment c join post p on p.id = c.post_id
				where p.site_id = ? and c.submitted_at < '2020-01-01'
				""", Long.class, site)).isZero();
		assertThat(rows).hasSize(3).allSatisfy(row -> {
			long expected = dev.moderato.spam.TextFingerprint.of((String) row.get("text"));
			assertThat(expected).isNotZero();
			assertThat(row.get("fingerprint")).isEqualTo(expected);
			assertThat(row.get("fp_band0")).isEqualTo((int) (expected & 0xFFFF));
			assertThat(row.get("fp_band3")).isEqualTo((int) ((expected >>> 48) & 0xFFFF));
		});
		// a new comment with the same pitch on another post finds the imported ones, and its author's spam history
		assertThat(this.comments.nearDuplicatesElsewhere(dev.moderato.spam.TextFingerprint.of(pitch + "?"),
				new dev.moderato.posts.PostId("another-post-" + this.run),
				now.minus(dev.moderato.spam.TextFingerprint.NEAR_DUPLICATE_WINDOW),
				dev.moderato.spam.TextFingerprint.NEAR_DUPLICATE_BITS))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForMap("select approved, spam from commenter_stats where email_hash = ?",
				this.privacy.hash(spammer).value())).containsEntry("approved", 0).containsEntry("spam", 4);
	}

	@Test
	void importingTheSameHistoryAgainAddsOnlyWhatIsNew() {
		String site = site("again");
		ImportFiles history = history(site);
		importFile(site, "moderato", history.json(), false);

		JsonNode again = importFile(site, "moderato", history.json(), false);
		assertThat(again.get("imported").asLong()).isZero();
		assertThat(again.get("skipped").asLong()).isEqualTo(9); // eight imported before, one deleted

		history.comment("c-new", "hello", "c1", "Dee", "dee@mail.example", "approved", "Newer comment", "2020-01-01T00:00:00Z");
		JsonNode newer = importFile(site, "moderato", history.json(), false);
		assertThat(newer.get("imported").asLong()).isEqualTo(1);
		assertThat(newer.get("result").get("postsExisting").asLong()).isEqualTo(1);
		assertThat(commentsOfSite(site)).isEqualTo(9);
	}

	@Test
	void aDryRunReportsWhatWouldHappenAndWritesNothing() {
		String site = site("dry");
		JsonNode job = importFile(site, "moderato", history(site).json(), true);

		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("result").get("dryRun").asBoolean()).isTrue();
		assertThat(job.get("result").get("postsNew").asLong()).isEqualTo(1);
		assertThat(job.get("imported").asLong()).isEqualTo(8);
		assertThat(commentsOfSite(site)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from post where site_id = ?", Long.class, site)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from import_source where site_id = ?", Long.class, site)).isZero();
	}

	@Test
	void aDryRunIntoASiteWithoutADefaultAuthorReportsThePostsItWouldCreate() {
		String site = site("dry-no-author");
		this.sites.save(new Site(new SiteId(site), "Blog " + site, List.of("https://" + site + ".example"),
				List.of("https://" + site + ".example/"), null, null, false, null));
		JsonNode job = importFile(site, "moderato", history(site).json(), true);

		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("result").get("postsNew").asLong()).isEqualTo(1);
		assertThat(job.get("imported").asLong()).isEqualTo(8);
		assertThat(this.jdbc.queryForObject("select count(*) from post where site_id = ?", Long.class, site)).isZero();
	}

	@Test
	void anEmptyThreadWithoutAnAddressIsNoPostButOneWithCommentsIs() {
		String site = site("threads");
		String disqus = """
				<?xml version="1.0"?>
				<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
				  <thread dsq:id="10"><id>hello</id><link>https://%1$s.example/hello/</link><title>Hello</title>
				    <createdAt>2012-12-12T12:12:12Z</createdAt></thread>
				  <thread dsq:id="11"><id/></thread>
				  <thread dsq:id="12"><id>no-link</id><title>Lost page</title></thread>
				  <post dsq:id="20"><message><![CDATA[<p>On hello</p>]]></message><createdAt>2013-10-10T19:20:29Z</createdAt>
				    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Ann</name><email>%2$s</email></author>
				    <thread dsq:id="10"/></post>
				  <post dsq:id="21"><message>On the page without an address</message><createdAt>2013-10-11T06:51:33Z</createdAt>
				    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Ann</name><email>%2$s</email></author>
				    <thread dsq:id="12"/></post>
				</disqus>
				""".formatted(site, this.ann);

		JsonNode job = importFile(site, "disqus", disqus, false);

		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("imported").asLong()).isEqualTo(2);
		assertThat(job.get("result").get("postsNew").asLong()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select title from post where site_id = ? order by title", String.class, site))
			.containsExactly("Hello", "Lost page");
	}

	@Test
	void onlyAnAdminImportsOrExportsAndBadParametersAreNamed() {
		String site = site("access");
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		assertThat(moderator.post("/api/v1/imports?site=" + site + "&format=moderato", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(moderator.get("/api/v1/sites/" + site + "/export").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		ResponseEntity<String> bad = admin.post("/api/v1/imports?site=" + site + "&format=csv", Map.of());
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(admin.json(bad).get("errors").get(0).get("field").asString()).isEqualTo("format");
		assertThat(admin.post("/api/v1/imports?site=nosuch-" + this.run + "&format=moderato", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aBrokenFileStopsWithAClearErrorAndImportsNothing() {
		String site = site("broken");
		String whole = history(site).json();
		JsonNode job = importFile(site, "moderato", whole.substring(0, whole.length() - 40), false);

		assertThat(job.get("state").asString()).isEqualTo("failed");
		assertThat(job.get("message").asString()).contains("cannot be read as moderato").contains("nothing was imported");
		assertThat(commentsOfSite(site)).isZero();
	}

	@Test
	void exportAndImportIntoAnotherSiteAndExportAgainGiveTheSameHistory() throws Exception {
		String from = site("from");
		importFile(from, "moderato", history(from).json(), false);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		ResponseEntity<String> first = admin.get("/api/v1/sites/" + from + "/export?format=moderato&emails=true");
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).containsIgnoringCase(this.ann);
		assertThat(this.jdbc.queryForObject("select count(*) from export_audit where site_id = ? and actor = 'admin'",
				Long.class, from)).isEqualTo(1);

		String to = site("to");
		JsonNode job = importFile(to, "moderato", first.getBody(), false);
		assertThat(job.get("failed").asLong()).isZero();
		String second = admin.get("/api/v1/sites/" + to + "/export?format=moderato&emails=true").getBody();

		assertThat(normalised(second)).isEqualTo(normalised(first.getBody()));

		String withoutEmails = admin.get("/api/v1/sites/" + to + "/export").getBody();
		assertThat(withoutEmails).doesNotContainIgnoringCase(this.ann).doesNotContain("authorEmail");
		assertThat(this.jdbc.queryForObject("select count(*) from export_audit where site_id = ?", Long.class, to))
			.isEqualTo(1);
	}

	@Test
	void exportsASiteAsWordPressWxr() throws Exception {
		String site = site("wxr");
		importFile(site, "moderato", history(site).json(), false);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		ResponseEntity<String> wxr = admin.get("/api/v1/sites/" + site + "/export?format=wxr");

		assertThat(wxr.getHeaders().getContentType().toString()).startsWith("application/rss+xml");
		XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(wxr.getBody()));
		Map<String, String> approved = new HashMap<>();
		Map<String, String> parents = new LinkedHashMap<>();
		String id = null;
		while (xml.hasNext()) {
			if (xml.next() == XMLStreamReader.START_ELEMENT && "http://wordpress.org/export/1.2/".equals(xml.getNamespaceURI())) {
				switch (xml.getLocalName()) {
					case "comment_id" -> id = xml.getElementText();
					case "comment_approved" -> approved.put(id, xml.getElementText());
					case "comment_parent" -> parents.put(id, xml.getElementText());
					default -> {
					}
				}
			}
		}
		assertThat(approved.values()).containsExactlyInAnyOrder("1", "1", "1", "1", "1", "1", "0", "spam");
		assertThat(parents.values()).filteredOn(p -> !p.equals("0")).hasSize(2).allMatch(parents::containsKey);
	}

	@Test
	void learningFromTheHistoryReportsTheEngineBeforeAndAfterOnAHeldOutSlice() throws Exception {
		String site = site("learn");
		ImportFiles files = new ImportFiles().post("p", "https://" + site + ".example/p/", "Gardening notes");
		for (int i = 0; i < 40; i++) {
			files.comment("h" + i, "p", null, "Gardener " + i, "g" + i + "@mail.example", "approved",
					"My tomatoes " + i + " grew well after mulching, thanks for the tip about watering.", "2020-01-01T00:00:00Z");
			files.comment("s" + i, "p", null, "Casino " + i, "s" + i + "@spam.example", "spam",
					"Best online casino bonus " + i + " click here now https://casino-" + i + ".example", "2020-01-02T00:00:00Z");
		}
		Path file = files.write(this.dir);
		ImportReport report = this.importer.run(new ImportRequest(new SiteId(site), SourceFormat.MODERATO, false, true,
				"test"), file, new ImportProgress());

		ImportReport.LearningReport learning = report.learning();
		assertThat(learning).isNotNull();
		assertThat(learning.learnedHam() + learning.learnedSpam() + learning.heldOut()).isEqualTo(80);
		assertThat(learning.heldOut()).isPositive();
		System.out.println("Learning from the import: " + learning);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from spam_feedback f join import_source s on s.target_id = f.comment_id::text
				where s.site_id = ?""", Long.class, site)).isEqualTo(learning.learnedHam() + learning.learnedSpam());
	}

	@Test
	void aLargeGeneratedHistoryStreamsThroughInBoundedMemory() throws Exception {
		String site = site("large");
		// 20,000 by default to keep the suite short; -Dmoderato.imports.large-test-comments=100000 for the README figures
		int comments = Integer.getInteger("moderato.imports.large-test-comments", 20_000);
		Path file = ImportFiles.generated(this.dir, "https://" + site + ".example/", Math.max(1, comments / 200), comments);
		Runtime runtime = Runtime.getRuntime();
		long[] peak = { 0 };
		ImportProgress progress = new ImportProgress();
		java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory()), 0,
				100, java.util.concurrent.TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
		ImportReport report = this.importer.run(new ImportRequest(new SiteId(site), SourceFormat.MODERATO, false, false,
				"test"), file, progress);
		double seconds = (System.nanoTime() - started) / 1e9;
		sampler.shutdownNow();

		assertThat(report.imported()).isEqualTo(comments);
		assertThat(report.failed()).isZero();
		assertThat(commentsOfSite(site)).isEqualTo(comments);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from comment c join post p on p.id = c.post_id where p.site_id = ? and c.parent_id is not null
				""", Long.class, site)).isEqualTo(comments / 5);
		System.out.printf("Imported %d comments (%d MB file) in %.1f s: %.0f comments/s, peak heap %d MB (max %d MB)%n",
				comments, Files.size(file) >> 20, seconds, comments / seconds, peak[0] >> 20, runtime.maxMemory() >> 20);
	}

	@Test
	void repliesToTheBatchesBeingStoredMeanwhileKeepTheirParentsAndDuplicatesOfThemAreSkipped() throws Exception {
		String site = site("pipeline");
		String unstorable = "x".repeat(301); // longer than a source id may be: it fails when stored, not when read
		ImportFiles files = new ImportFiles().post("p", "https://" + site + ".example/p/", "P");
		Map<String, String> expectedParents = new HashMap<>();
		java.time.Instant start = java.time.Instant.parse("2016-01-01T00:00:00Z");
		for (int c = 0; c < 2 * Importer.BATCH + 100; c++) {
			String id = c == Importer.BATCH - 1 ? unstorable : "c" + c;
			String parent = null;
			if (c == Importer.BATCH || c == 2 * Importer.BATCH) {
				parent = "c" + (c - 2); // a reply to the batch stored meanwhile
			}
			else if (c == Importer.BATCH + 1 || c == 2 * Importer.BATCH + 2) {
				parent = unstorable; // a reply to a record of the batch (or the one before) that cannot be stored
			}
			else if (c == 2 * Importer.BATCH + 1) {
				parent = "c5"; // a reply to a batch stored before, or still being stored (Importer.WRITERS > 2)
			}
			files.comment(id, "p", parent, "Reader", "reader" + (c % 7) + "@pipeline.example", "approved",
					"Words number " + c, start.plusSeconds(60L * c).toString());
			if (!id.equals(unstorable)) {
				expectedParents.put(id, parent == null || parent.equals(unstorable) ? "" : parent);
			}
			if (c == Importer.BATCH + 10 || c == 2 * Importer.BATCH + 10) {
				// a record of the batch before, and of the one before that
				files.comment("c" + (c == Importer.BATCH + 10 ? Importer.BATCH - 2 : Importer.BATCH - 10), "p", null,
						"Again", "again@pipeline.example", "approved",
						"The same record twice, one or two batches after", start.toString());
			}
		}

		ImportProgress progress = new ImportProgress();
		ImportReport report = this.importer.run(new ImportRequest(new SiteId(site), SourceFormat.MODERATO, false, false,
				"test"), files.write(this.dir), progress);

		assertThat(report.imported()).isEqualTo(2 * Importer.BATCH + 99);
		assertThat(report.alreadyImported()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.errors()).extracting(ImportProgress.Problem::message)
			.anyMatch(m -> m.startsWith("could not be stored"))
			.anyMatch(m -> m.startsWith("its parent '" + unstorable + "' is not in the file"));
		Map<String, String> parents = new HashMap<>();
		this.jdbc.query("""
				select s.source_id, coalesce(ps.source_id, '') from comment c
				join import_source s on s.site_id = ? and s.kind = 'COMMENT' and s.target_id = cast(c.id as varchar)
				left join import_source ps on ps.site_id = ? and ps.kind = 'COMMENT'
				  and ps.target_id = cast(c.parent_id as varchar)
				""", rs -> {
			parents.put(rs.getString(1), rs.getString(2));
		}, site, site);
		assertThat(parents).isEqualTo(expectedParents);
		assertThat(commentsOfSite(site)).isEqualTo(2 * Importer.BATCH + 99);
	}

	private ImportFiles history(String site) {
		return new ImportFiles().post("hello", "https://" + site + ".example/2019/hello-world/", "Hello <em>world</em>")
			.comment("c1", "hello", null, "Ann", this.ann, "approved", "First! <b>Lovely</b> post.", "2019-03-02T08:00:00Z")
			.comment("c3", "hello", "c2", "Cat", null, "approved", "A reply written before its parent in the file",
					"2019-03-02T10:00:00Z")
			.comment("c2", "hello", "c1", "", this.bob, "approved", "Thanks Ann! Ünïcödé ☃", "2019-03-02T09:00:00Z")
			.comment("c4", "hello", null, "Ann", this.ann, "held", "Is this held?", "2019-03-03T08:00:00Z")
			.comment("c5", "hello", null, "Spammer", "spam@spam.example", "spam", "Buy cheap pills", "2019-03-03T09:00:00Z")
			.comment("c6", "hello", null, "Gone", "gone@mail.example", "deleted", "Deleted words", "2019-03-03T10:00:00Z")
			.comment("c7", "hello", "c6", "Eve", "eve@mail.example", "approved", "A reply to a deleted comment",
					"2019-03-03T11:00:00Z")
			.comment("c-orphan", "hello", "missing-parent", "Fay", "fay@mail.example", "approved", "Orphan reply",
					"2019-03-04T08:00:00Z")
			.raw(pingbackWithoutText())
			.raw(Map.of("id", "c9", "postId", "hello", "authorName", "Pinger", "createdAt", "2019-03-05T08:00:00Z",
					"status", "approved", "kind", "pingback", "text", "Pingback from elsewhere"));
	}

	private static Map<String, Object> pingbackWithoutText() {
		return Map.of("id", "c8", "postId", "hello", "authorName", "NoText", "createdAt", "2019-03-04T09:00:00Z",
				"status", "approved");
	}

	private String site(String name) {
		String id = name + "-" + this.run;
		this.sites.save(new Site(new SiteId(id), "Blog " + id, List.of("https://" + id + ".example"),
				List.of("https://" + id + ".example/"), "Author " + id, "author-" + id + "@blog.example", false, null));
		return id;
	}

	private JsonNode importFile(String site, String format, String body, boolean dryRun) {
		ResponseEntity<String> started = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/imports?site={site}&format={format}&dryRun={dry}", site, format, dryRun)
			.headers(h -> h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.retrieve()
			.toEntity(String.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String location = started.getHeaders().getLocation().toString();
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> admin.json(admin.get(location)), j -> !j.get("state").asString().equals("running"));
	}

	private String postWithUrl(String site, String url) {
		return this.jdbc.queryForObject("select id from post where site_id = ? and url = ?", String.class, site, url);
	}

	private long commentsOfSite(String site) {
		return this.jdbc.queryForObject("select count(*) from comment c join post p on p.id = c.post_id where p.site_id = ?",
				Long.class, site);
	}

	/** The export without its ids: posts and parents by their position, the site and time of export left out. */
	private List<Object> normalised(String export) {
		JsonNode root = this.json.readTree(export);
		Map<String, Integer> postIndex = new HashMap<>();
		Map<String, Integer> commentIndex = new HashMap<>();
		List<Object> out = new ArrayList<>();
		root.get("posts").forEach(p -> {
			postIndex.put(p.get("id").asString(), postIndex.size());
			out.add(List.of(p.get("url").asString().replaceFirst("//[^.]+\\.", "//"), p.get("title").asString()));
		});
		root.get("comments").forEach(c -> {
			commentIndex.put(c.get("id").asString(), commentIndex.size());
			out.add(List.of(postIndex.get(c.get("postId").asString()),
					c.get("parentId").isNull() ? -1 : commentIndex.getOrDefault(c.get("parentId").asString(), -2),
					c.get("authorName").asString(), String.valueOf(c.get("authorEmail")), String.valueOf(c.get("authorUrl")),
					c.get("createdAt").asString(), c.get("status").asString(), c.get("kind").asString(),
					c.get("text").asString()));
		});
		return out;
	}

}
