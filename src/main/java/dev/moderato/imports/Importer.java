package dev.moderato.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommentTransfer;
import dev.moderato.comments.CommentTransfer.ImportedComment;
import dev.moderato.gdpr.IpRetention;
import dev.moderato.imports.SourceIds.Kind;
import dev.moderato.imports.SourceIds.Mapping;
import dev.moderato.imports.formats.SourceComment;
import dev.moderato.imports.formats.SourcePost;
import dev.moderato.imports.formats.SourceReader;
import dev.moderato.imports.formats.SourceStatus;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.PostUrl;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.IpAddress;
import dev.moderato.sites.Site;
import dev.moderato.sites.Sites;
import dev.moderato.spam.TextFingerprint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one file into a site in two passes. The first reads the whole file without writing anything: a broken file
 * stops the import there, with nothing stored; it also collects the posts (few) so comments may come before their
 * post. The second creates or matches the posts, then stores the comments in batches of {@value #BATCH}, one
 * transaction each, with their source ids; a batch that fails is retried record by record, so one bad record is
 * reported and skipped, never half-imported. Batches are stored by {@value #WRITERS} writer threads, each on a
 * connection of its own (so PostgreSQL works on every core), while the next is read and converted: a batch's look-ups
 * wait until at most {@value #WRITERS} - 1 batches are still being stored, and what those hold (their source ids) is
 * known in memory; a batch with a reply to a comment of one of them is stored after that one. Memory holds the posts
 * and {@value #WRITERS} + 1 batches, plus the replies whose parent comes later in the file (attached at the end).
 */
@Service
class Importer {

	static final int BATCH = 1000;

	/** Beyond the near-duplicate window: a submission waiting this long in a backlog still finds imported history. */
	static final Duration FINGERPRINT_MARGIN = Duration.ofDays(1);

	/**
	 * Batches stored at once, each on a connection of its own: three keep both cores of a small server busy, a commit's
	 * wait for the disk and the next batch's look-ups overlapping the others' work (two left a fifth of the CPU idle).
	 */
	static final int WRITERS = 3;

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	private final Sites sites;

	private final Posts posts;

	private final CommentTransfer transfer;

	private final SourceIds ids;

	private final CommenterPrivacy privacy;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final HistoryLearning learning;

	private final IpRetention ipRetention;

	Importer(Sites sites, Posts posts, CommentTransfer transfer, SourceIds ids, CommenterPrivacy privacy,
			TransactionTemplate tx, Clock clock, HistoryLearning learning, IpRetention ipRetention) {
		this.sites = sites;
		this.posts = posts;
		this.transfer = transfer;
		this.ids = ids;
		this.privacy = privacy;
		this.tx = tx;
		this.clock = clock;
		this.learning = learning;
		this.ipRetention = ipRetention;
	}

	/** @throws ImportFailed if nothing can be imported (unknown site, no default author, a broken file) */
	ImportReport run(ImportRequest request, Path file, ImportProgress progress) {
		Site site = this.sites.find(request.site())
			.orElseThrow(() -> new ImportFailed("There is no site '" + request.site() + "'"));
		if (!request.dryRun() && (site.authorName() == null || site.authorEmail() == null)) {
			throw new ImportFailed("Site '" + site.id() + "' has no default author (name and email) for the posts it imports");
		}
		Map<String, SourcePost> sourcePosts = check(request, file, progress);
		Run run = new Run(request, site, progress, this.clock.instant());
		try {
			run.posts(sourcePosts.values());
			progress.phase("importing");
			read(request, file, record -> {
				if (record instanceof SourceComment comment) {
					run.add(comment);
				}
			}, null);
			run.flush();
			run.awaitWrites(0);
		}
		finally {
			run.writer.shutdown(); // after an error, a batch being written still completes, in its own transaction
		}
		run.attachLateParents();
		ImportReport.LearningReport learned = null;
		if (request.learn() && !request.dryRun()) {
			progress.phase("learning");
			learned = this.learning.learnFrom(site.id(), request.format(), run.startedAt);
		}
		progress.phase(request.dryRun() ? "dry run done" : "done");
		log.info("Import into site {} from {} {}: {} posts new, {} comments read, {} imported, {} skipped, {} failed",
				site.id(), request.format().id(), request.dryRun() ? "(dry run)" : "", run.postsNew, progress.read(),
				progress.imported(), progress.skipped(), progress.failed());
		return new ImportReport(request.dryRun(), run.postsNew, run.postsExisting, progress.read(), progress.imported(),
				run.alreadyImported, run.deleted, progress.failed(), progress.errors(), learned);
	}

	/**
	 * The first pass: the whole file is readable; bad records are reported here (once) and skipped in the second. The
	 * posts to create or match: those with an address, and those without one that comments belong to (a Disqus thread
	 * with neither is an empty record, not a page of the blog).
	 */
	private Map<String, SourcePost> check(ImportRequest request, Path file, ImportProgress progress) {
		Map<String, SourcePost> found = new LinkedHashMap<>();
		Set<String> commented = new HashSet<>();
		read(request, file, record -> {
			if (record instanceof SourcePost post) {
				found.putIfAbsent(post.sourceId(), post);
			}
			else if (record instanceof SourceComment comment) {
				commented.add(comment.postSourceId());
			}
		}, progress);
		found.values().removeIf(post -> (post.url() == null || post.url().isBlank()) && !commented.contains(post.sourceId()));
		return found;
	}

	private void read(ImportRequest request, Path file, java.util.function.Consumer<Object> each,
			@Nullable ImportProgress badRecords) {
		try (SourceReader reader = request.format().open(file)) {
			while (true) {
				Object record;
				try {
					record = reader.next();
				}
				catch (SourceReader.BadRecord ex) {
					if (badRecords != null) {
						badRecords.fail(ex.position(), ex.getMessage());
					}
					continue;
				}
				if (record == null) {
					return;
				}
				each.accept(record);
			}
		}
		catch (SourceReader.BrokenFile ex) {
			throw new ImportFailed("The file cannot be read as " + request.format().id() + ": " + ex.getMessage()
					+ "; nothing was imported");
		}
		catch (IOException ex) {
			throw new ImportFailed("The file cannot be read: " + ex.getMessage() + "; nothing was imported");
		}
	}

	/** The second pass's state. */
	private final class Run {

		private final ImportRequest request;

		private final Site site;

		private final ImportProgress progress;

		private final Instant startedAt;

		/**
		 * A comment written before this is stored without a near-duplicate fingerprint (0, as for a text without
		 * words): no verdict ever compares it, and so it costs no entries in the four band indexes (a sixth of an
		 * import's time) and no fingerprint to compute.
		 */
		private final Instant fingerprintsFrom;

		/**
		 * A comment written before this is stored without its IP prefix and hash: the daily retention would forget them
		 * at its next run (rewriting every such row), so they are never stored, nor entered in the two indexes on them.
		 */
		private final Instant ipsFrom;

		private final Map<String, PostId> postIds = new HashMap<>();

		/** the values of {@link #postIds}, to look up in constant time */
		private final Set<String> postIdsTaken = new HashSet<>();

		/** the URLs of the posts this import created: URL → post id */
		private final Map<String, String> urlsCreated = new HashMap<>();

		private final List<SourceComment> batch = new ArrayList<>(BATCH);

		private final CommentTransfer.Identities identities = new CommentTransfer.Identities();

		/** Stores batches while the next is read and converted. */
		private final ExecutorService writer = Executors.newFixedThreadPool(WRITERS, r -> new Thread(r, "import-writer"));

		/** the batches handed to the writers and not yet known stored, oldest first */
		private final ArrayDeque<Write> writing = new ArrayDeque<>();

		/** replies whose parent was not stored yet when they were: child id, parent source id, position */
		private final List<String[]> late = Collections.synchronizedList(new ArrayList<>());

		long postsNew;

		long postsExisting;

		long alreadyImported;

		long deleted;

		Run(ImportRequest request, Site site, ImportProgress progress, Instant startedAt) {
			this.request = request;
			this.site = site;
			this.progress = progress;
			this.startedAt = startedAt;
			this.fingerprintsFrom = startedAt.minus(TextFingerprint.NEAR_DUPLICATE_WINDOW).minus(FINGERPRINT_MARGIN);
			this.ipsFrom = Importer.this.ipRetention.keptSince(startedAt);
		}

		void posts(java.util.Collection<SourcePost> sourcePosts) {
			List<SourcePost> all = new ArrayList<>(sourcePosts);
			for (int i = 0; i < all.size(); i += BATCH) {
				posts(all.subList(i, Math.min(all.size(), i + BATCH)));
			}
		}

		/**
		 * One chunk of the file's posts: what the database knows of them read in three statements (mapped before, a
		 * post with the same URL, the ids a new one would take), the new ones and the mappings stored in one
		 * transaction.
		 */
		private void posts(List<SourcePost> chunk) {
			Map<String, Optional<String>> known = Importer.this.ids.find(this.site.id(), this.request.format(),
					Kind.POST, chunk.stream().map(SourcePost::sourceId).toList());
			Map<SourcePost, String> unmapped = new LinkedHashMap<>();
			for (SourcePost post : chunk) {
				Optional<String> mapped = known.get(post.sourceId());
				if (mapped != null && mapped.isPresent()) {
					this.postIds.put(post.sourceId(), new PostId(mapped.get()));
					this.postIdsTaken.add(mapped.get());
					this.postsExisting++;
				}
				else {
					unmapped.put(post, url(post));
				}
			}
			Map<String, String> sameUrl = Importer.this.ids.postsWithUrls(this.site.id(), unmapped.values());
			Set<String> taken = Importer.this.ids.postIdsTaken(unmapped.values().stream()
				.flatMap(url -> Stream.of(derivedId(url), slug(url)))
				.filter(java.util.Objects::nonNull)
				.toList());
			List<Post> created = new ArrayList<>();
			Set<PostId> closed = new HashSet<>();
			List<Mapping> mappings = new ArrayList<>();
			unmapped.forEach((post, url) -> {
				// a post of the site with this URL, stored before or earlier in this file, is matched
				String existing = sameUrl.containsKey(url) ? sameUrl.get(url) : this.urlsCreated.get(url);
				PostId id;
				if (existing != null) {
					id = new PostId(existing);
					this.postsExisting++;
				}
				else {
					id = new PostId(newPostId(post, url, taken));
					this.postsNew++;
					this.urlsCreated.put(url, id.value());
					if (!this.request.dryRun()) { // a dry run may name a site without a default author
						created.add(new Post(id, this.site.id(), title(post, url), url, this.site.authorName(),
								this.site.authorEmail()));
					}
					if (post.commentsClosed()) {
						closed.add(id);
					}
				}
				this.postIds.put(post.sourceId(), id);
				this.postIdsTaken.add(id.value());
				mappings.add(new Mapping(post.sourceId(), id.value()));
			});
			if (this.request.dryRun() || mappings.isEmpty()) {
				return;
			}
			Importer.this.tx.executeWithoutResult(status -> {
				Importer.this.posts.createAll(created, closed);
				Importer.this.ids.record(this.site.id(), this.request.format(), Kind.POST, mappings, this.startedAt);
			});
		}

		void add(SourceComment comment) {
			this.progress.read.incrementAndGet();
			this.batch.add(comment);
			if (this.batch.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (this.batch.isEmpty()) {
				return;
			}
			List<String> sourceIds = new ArrayList<>(this.batch.size());
			List<String> parentIds = new ArrayList<>();
			for (SourceComment c : this.batch) {
				sourceIds.add(c.sourceId());
				if (c.parentSourceId() != null) {
					parentIds.add(c.parentSourceId());
				}
			}
			// what each record's own fields become (text, name, address, network, fingerprint), on every core, while
			// the batches before are being stored; what the older ones became is looked up once they are stored, what
			// those still being stored hold is known here
			List<Object> contents = this.batch.parallelStream().map(this::content).toList();
			awaitWrites(WRITERS - 1);
			// what the batches still being stored hold (their commits may not be visible yet)
			Map<String, Optional<String>> pending = new HashMap<>();
			this.writing.forEach(inFlight -> pending.putAll(inFlight.mappings));
			Map<String, Optional<String>> known = Importer.this.ids.find(this.site.id(), this.request.format(),
					Kind.COMMENT, sourceIds);
			Map<String, Optional<String>> parents = Importer.this.ids.find(this.site.id(), this.request.format(),
					Kind.COMMENT, parentIds);
			Map<String, Optional<String>> mine = new HashMap<>();
			List<Prepared> prepared = new ArrayList<>(this.batch.size());
			Set<Write> parentsInFlight = new HashSet<>();
			for (int i = 0; i < this.batch.size(); i++) {
				SourceComment c = this.batch.get(i);
				if (known.containsKey(c.sourceId()) || mine.containsKey(c.sourceId()) || pending.containsKey(c.sourceId())) {
					this.alreadyImported++;
					this.progress.skipped.incrementAndGet();
					continue;
				}
				if (c.status() == SourceStatus.DELETED) {
					// as a moderator's delete: the comment is gone, its replies stay (top-level)
					this.deleted++;
					this.progress.skipped.incrementAndGet();
					mine.put(c.sourceId(), Optional.empty());
					prepared.add(new Prepared(c, null, new Mapping(c.sourceId(), null), false));
					continue;
				}
				try {
					if (contents.get(i) instanceof IllegalArgumentException invalid) {
						throw invalid;
					}
					boolean parentInFlight = c.parentSourceId() != null && !mine.containsKey(c.parentSourceId())
							&& pending.containsKey(c.parentSourceId());
					ImportedComment converted = convert(c, (Content) contents.get(i), mine, pending, parents);
					mine.put(c.sourceId(), Optional.of(converted.id().toString()));
					prepared.add(new Prepared(c, converted, new Mapping(c.sourceId(), converted.id().toString()),
							parentInFlight && converted.parentId() != null));
					if (parentInFlight) {
						this.writing.stream()
							.filter(inFlight -> inFlight.mappings.containsKey(c.parentSourceId()))
							.forEach(parentsInFlight::add);
					}
				}
				catch (IllegalArgumentException ex) {
					this.progress.fail(c.position(), ex.getMessage());
				}
			}
			this.batch.clear();
			if (this.request.dryRun()) {
				prepared.stream().filter(p -> p.comment != null).forEach(p -> this.progress.imported.incrementAndGet());
				return;
			}
			Write write = new Write(mine, java.util.concurrent.ConcurrentHashMap.newKeySet());
			// a reply to a comment of a batch being stored: stored once that batch is (its parent then visible)
			CompletableFuture<Void> before = CompletableFuture
				.allOf(parentsInFlight.stream().map(w -> w.done).toArray(CompletableFuture[]::new));
			write.done = before.thenRunAsync(() -> store(orphanedBy(parentsInFlight, prepared), write.failed), this.writer);
			this.writing.addLast(write);
		}

		/**
		 * The batch with the replies to comments of the batches stored before it that could not be stored made
		 * top-level and remembered as replies whose parent is not stored, as they would be had the batches been
		 * stored one by one.
		 */
		private List<Prepared> orphanedBy(Set<Write> before, List<Prepared> prepared) {
			Set<String> failed = new HashSet<>();
			before.forEach(w -> failed.addAll(w.failed));
			if (failed.isEmpty()) {
				return prepared;
			}
			List<Prepared> result = new ArrayList<>(prepared.size());
			for (Prepared p : prepared) {
				if (p.parentInFlight && failed.contains(p.source.parentSourceId())) {
					ImportedComment c = p.comment;
					this.late.add(new String[] { c.id().toString(), p.source.parentSourceId(), p.source.position() });
					p = new Prepared(p.source, new ImportedComment(c.id(), c.postId(), null, c.authorName(),
							c.authorUrl(), c.email(), c.ip(), c.text(), c.submittedAt(), c.status(), c.reasons(),
							c.decidedBy(), c.fingerprint()), p.mapping, false);
				}
				result.add(p);
			}
			return result;
		}

		/** Waits until at most {@code inFlight} batches handed to the writers are still being stored. */
		void awaitWrites(int inFlight) {
			while (this.writing.size() > inFlight) {
				Write oldest = this.writing.removeFirst();
				try {
					oldest.done.join();
				}
				catch (CompletionException ex) {
					throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
				}
			}
		}

		/** Stores the batch in one transaction; if that fails, record by record, reporting those that cannot be. */
		private void store(List<Prepared> prepared, Set<String> failed) {
			try {
				write(prepared);
				prepared.stream().filter(p -> p.comment != null).forEach(p -> this.progress.imported.incrementAndGet());
			}
			catch (RuntimeException batchFailed) {
				for (Prepared one : prepared) {
					try {
						write(List.of(one));
						if (one.comment != null) {
							this.progress.imported.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						log.warn("Import into site {}: the record at {} could not be stored: {}", this.site.id(),
								one.source.position(), ex.getClass().getSimpleName());
						this.progress.fail(one.source.position(), "could not be stored: " + rootMessage(ex));
						failed.add(one.source.sourceId());
					}
				}
			}
		}

		private void write(List<Prepared> prepared) {
			Importer.this.tx.executeWithoutResult(status -> {
				// the source ids first: the comments' counter trigger locks the commenters' rows, which the batch
				// stored meanwhile may need too, so those locks are taken last and held only until the commit
				Importer.this.ids.record(this.site.id(), this.request.format(), Kind.COMMENT,
						prepared.stream().map(p -> p.mapping).toList(), this.startedAt);
				List<ImportedComment> comments = prepared.stream().map(p -> p.comment).filter(c -> c != null).toList();
				Importer.this.transfer.store(comments, this.identities);
			});
		}

		/** The record's own fields made fit to store, or the {@link IllegalArgumentException} saying why they are not. */
		private Object content(SourceComment c) {
			if (c.status() == SourceStatus.DELETED) {
				return Content.NONE;
			}
			String text = SourceText.of(c.body(), c.bodyIsHtml());
			if (text.isEmpty()) {
				return new IllegalArgumentException("the comment has no text");
			}
			return new Content(text, ImportedFields.name(c.authorName()), ImportedFields.url(c.authorUrl()),
					ImportedFields.email(c.authorEmail()),
					c.ip() == null || c.ip().isBlank() || c.createdAt().isBefore(this.ipsFrom) ? null
							: Importer.this.privacy.protect(c.ip().strip()),
					c.createdAt().isBefore(this.fingerprintsFrom) ? 0 : TextFingerprint.of(text));
		}

		private ImportedComment convert(SourceComment c, Content content, Map<String, Optional<String>> known,
				Map<String, Optional<String>> pending, Map<String, Optional<String>> parents) {
			PostId post = this.postIds.get(c.postSourceId());
			if (post == null) {
				throw new IllegalArgumentException("its post '" + c.postSourceId() + "' is not in the file");
			}
			CommentId id = CommentId.next(c.createdAt()); // time-ordered by the original date, as a submitted one is
			CommentId parent = null;
			if (c.parentSourceId() != null) {
				Optional<String> found = known.containsKey(c.parentSourceId()) ? known.get(c.parentSourceId())
						: pending.containsKey(c.parentSourceId()) ? pending.get(c.parentSourceId())
								: parents.get(c.parentSourceId());
				if (found == null) {
					this.late.add(new String[] { id.toString(), c.parentSourceId(), c.position() });
				}
				else if (found.isPresent()) {
					parent = new CommentId(UUID.fromString(found.get()));
				}
			}
			List<String> reasons = switch (c.kind()) {
				case PINGBACK -> List.of("imported", "pingback");
				case TRACKBACK -> List.of("imported", "trackback");
				case COMMENT -> List.of("imported");
			};
			return new ImportedComment(id, post, parent, content.name(), content.url(), content.email(), content.ip(),
					content.text(), c.createdAt(), status(c.status()), reasons, "import:" + this.request.format().id(),
					content.fingerprint());
		}

		void attachLateParents() {
			List<CommentId[]> attach = new ArrayList<>();
			for (int i = 0; i < this.late.size(); i += BATCH) {
				List<String[]> chunk = this.late.subList(i, Math.min(this.late.size(), i + BATCH));
				Map<String, Optional<String>> parents = Importer.this.ids.find(this.site.id(), this.request.format(),
						Kind.COMMENT, chunk.stream().map(l -> l[1]).toList());
				for (String[] l : chunk) {
					Optional<String> parent = parents.get(l[1]);
					if (parent == null) {
						this.progress.report(l[2], "its parent '" + l[1] + "' is not in the file: imported as a top-level comment");
					}
					else if (parent.isPresent()) {
						attach.add(new CommentId[] { new CommentId(UUID.fromString(l[0])),
								new CommentId(UUID.fromString(parent.get())) });
					}
				}
			}
			if (!attach.isEmpty() && !this.request.dryRun()) {
				Importer.this.transfer.attachToParents(attach);
			}
		}

		private String url(SourcePost post) {
			String url = post.url() == null || post.url().isBlank() ? post.sourceId() : post.url().strip();
			if (!url.startsWith("http://") && !url.startsWith("https://") && !this.site.origins().isEmpty()) {
				url = this.site.origins().get(0) + (url.startsWith("/") ? "" : "/") + url;
			}
			// stored as the embed looks a page up (PostUrl's normal form), so the page's thread is the imported one
			String cut = ImportedFields.cut(url, 2000);
			return PostUrl.normalise(cut).orElse(cut);
		}

		/** The id a new post gets: the one the page would get on first use if free, else one from its path. */
		private String newPostId(SourcePost post, String url, Set<String> taken) {
			// the id the page would get on first use, so the embed's URL mode and the import agree
			String derived = derivedId(url);
			if (derived != null && !taken.contains(derived) && !this.postIdsTaken.contains(derived)) {
				return derived;
			}
			String base = slug(url);
			if (!taken.contains(base) && !this.postIdsTaken.contains(base)) {
				return base;
			}
			return base + "-" + sha256(this.site.id() + "\n" + post.sourceId()).substring(0, 10);
		}

		private @Nullable String derivedId(String url) {
			return PostUrl.normalise(url).filter(url::equals).isPresent()
					? PostUrl.derivedId(this.site.id(), url).value() : null;
		}

		/** The site's id and the URL's path as an id: {@code blog-2019-hello-world}. */
		private String slug(String url) {
			String path = url.replaceFirst("^[a-z]+://[^/]*", "").replaceAll("[?#].*$", "");
			String slug = path.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
			if (slug.isEmpty()) {
				slug = "post";
			}
			return this.site.id().value() + "-" + ImportedFields.cut(slug, 60).replaceAll("-+$", "");
		}

		private String title(SourcePost post, String url) {
			String title = post.title() == null || post.title().isBlank() ? url : SourceText.of(post.title(), true);
			return ImportedFields.cut(title, 300);
		}

	}

	/** @param parentInFlight its parent is in the batch being stored before it */
	private record Prepared(SourceComment source, @Nullable ImportedComment comment, Mapping mapping,
			boolean parentInFlight) {
	}

	/** A batch handed to the writers: what its records became, and those that could not be stored. */
	private static final class Write {

		final Map<String, Optional<String>> mappings;

		final Set<String> failed;

		CompletableFuture<Void> done = CompletableFuture.completedFuture(null);

		Write(Map<String, Optional<String>> mappings, Set<String> failed) {
			this.mappings = mappings;
			this.failed = failed;
		}

	}

	/**
	 * A record's own fields as stored: the near-duplicate fingerprint as the verdict path computes it (0 for a comment
	 * older than any verdict compares).
	 */
	private record Content(String text, String name, @Nullable String url, @Nullable String email,
			@Nullable IpAddress ip, long fingerprint) {

		static final Content NONE = new Content("", "", null, null, null, 0);

	}

	private static CommentStatus status(SourceStatus status) {
		return switch (status) {
			case APPROVED -> CommentStatus.APPROVED;
			case HELD -> CommentStatus.HELD;
			case SPAM -> CommentStatus.SPAM;
			case REJECTED, DELETED -> CommentStatus.REJECTED;
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		return message.length() > 200 ? message.substring(0, 200) : message;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
