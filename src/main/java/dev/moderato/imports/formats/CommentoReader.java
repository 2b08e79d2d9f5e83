package dev.moderato.imports.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Commento or Commento++ JSON export ({@code {"version": 1, "comments": […], "commenters": […]}}, as
 * api/domain_export.go writes it) with Jackson's streaming parser, in two passes over the file. The commenters come
 * after the comments, so the first pass skips the comments and keeps only a map of the commenters (hex id → name,
 * email, link: memory grows with the number of commenters, not of comments); it also proves the whole file is
 * well-formed JSON before anything is returned. The second pass returns the comments one by one, each post (a
 * {@code url} path, called {@code path} in some tools' output; accepted either way) before its first comment.
 * <p>
 * Commento posts are known by their path on the domain ({@code /2026/05/hello/}): it is the post's source id and its
 * {@link SourcePost#url()} as given, which the import resolves against the site's first post URL prefix. Commento's
 * exporter selects neither {@code html} nor {@code deleted}: the body is the {@code markdown} ({@code bodyIsHtml =
 * false}) unless a file carries {@code html}, and a comment is DELETED if {@code deleted} is true or it is as Commento
 * leaves a deleted one ({@code markdown} {@code [deleted]} by {@code anonymous}). Otherwise the {@code state}:
 * {@code approved} → APPROVED, {@code unapproved} → HELD, {@code flagged} (Akismet's spam) → SPAM.
 *
 * @see <a href="https://gitlab.com/commento/commento/-/blob/master/api/domain_export.go">Commento export</a>
 */
final class CommentoReader implements SourceReader {

	private final Map<String, Commenter> commenters;

	private final InputStream in;

	private final JsonParser json;

	private final Set<String> posts = new HashSet<>();

	private int index;

	private boolean done;

	private @Nullable SourceComment pending;

	CommentoReader(Path file) throws IOException {
		this.commenters = commenters(file);
		this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		try {
			this.json = Json.STREAMING.createParser(this.in);
			this.json.nextToken();
			if (!toField(this.json, "comments") || this.json.nextToken() != JsonToken.START_ARRAY) {
				throw new BrokenFile("Not a Commento export: no \"comments\" array", null);
			}
		}
		catch (JacksonException | BrokenFile ex) {
			this.in.close();
			throw (ex instanceof BrokenFile broken) ? broken : new BrokenFile("Not a Commento export", ex);
		}
	}

	/** The first pass: every commenter, and the proof that the file is one JSON export. */
	private static Map<String, Commenter> commenters(Path file) throws IOException {
		Map<String, Commenter> commenters = new HashMap<>();
		boolean comments = false;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
				JsonParser json = Json.STREAMING.createParser(in)) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				throw new BrokenFile("Not a Commento export: not a JSON object", null);
			}
			while (json.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = json.currentName();
				JsonToken value = json.nextToken();
				if ("commenters".equals(name) && value == JsonToken.START_ARRAY) {
					while (json.nextToken() == JsonToken.START_OBJECT) {
						JsonNode c = Json.STREAMING.readTree(json);
						String hex = Json.text(c, "commenterHex");
						if (hex != null) {
							commenters.put(hex, new Commenter(Json.text(c, "name"), Json.text(c, "email"),
									link(Json.text(c, "link"))));
						}
					}
				}
				else {
					comments |= "comments".equals(name) && value == JsonToken.START_ARRAY;
					json.skipChildren();
				}
			}
			if (json.nextToken() != null) {
				throw new BrokenFile("Not a Commento export: more after its JSON object", null);
			}
		}
		catch (JacksonException ex) {
			throw new BrokenFile("Not a Commento export, or a broken one: " + ex.getOriginalMessage(), ex);
		}
		if (!comments) {
			throw new BrokenFile("Not a Commento export: no \"comments\" array", null);
		}
		return commenters;
	}

	private static boolean toField(JsonParser json, String field) {
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			if (field.equals(json.currentName())) {
				return true;
			}
			json.nextToken();
			json.skipChildren();
		}
		return false;
	}

	@Override
	public @Nullable Object next() throws IOException {
		if (this.pending != null) {
			SourceComment comment = this.pending;
			this.pending = null;
			return comment;
		}
		if (this.done) {
			return null;
		}
		JsonNode c;
		try {
			if (this.json.nextToken() != JsonToken.START_OBJECT) {
				this.done = true;
				return null;
			}
			this.index++;
			c = Json.STREAMING.readTree(this.json);
		}
		catch (JacksonException ex) {
			// the first pass read the file whole: it changed since
			throw new BrokenFile("The Commento export breaks off at comment #" + (this.index) + ": "
					+ ex.getOriginalMessage(), ex);
		}
		SourceComment comment = comment(c, "comment #" + this.index);
		if (this.posts.add(comment.postSourceId())) {
			this.pending = comment;
			return new SourcePost(comment.postSourceId(), comment.postSourceId(), null, null, false);
		}
		return comment;
	}

	private SourceComment comment(JsonNode c, String position) {
		String id = Json.text(c, "commentHex");
		String path = (Json.text(c, "url") != null) ? Json.text(c, "url") : Json.text(c, "path");
		String date = Json.text(c, "creationDate");
		if (id == null || path == null || date == null) {
			throw new BadRecord(position, "A comment without its commentHex, url or creationDate");
		}
		Instant created = Dates.iso(date, position, "creationDate");
		String parent = Json.text(c, "parentHex");
		String html = Json.rawText(c, "html");
		boolean isHtml = !html.isEmpty() || Json.rawText(c, "markdown").isEmpty();
		Commenter by = this.commenters.getOrDefault(String.valueOf(Json.text(c, "commenterHex")), Commenter.ANONYMOUS);
		return new SourceComment(position, id, path, (parent == null || "root".equals(parent)) ? null : parent,
				by.name(), by.email(), by.link(), null, created, isHtml ? html : Json.rawText(c, "markdown"), isHtml,
				status(c, position), SourceComment.Kind.COMMENT);
	}

	private static SourceStatus status(JsonNode c, String position) {
		// the exporter does not select the deleted column; a soft-deleted comment shows as Commento leaves it
		boolean leftDeleted = "[deleted]".equals(Json.text(c, "markdown"))
				&& "anonymous".equals(Json.text(c, "commenterHex"));
		if (c.path("deleted").asBoolean(false) || leftDeleted) {
			return SourceStatus.DELETED;
		}
		String state = Json.text(c, "state");
		return switch ((state != null) ? state : "approved") {
			case "approved" -> SourceStatus.APPROVED;
			case "unapproved" -> SourceStatus.HELD;
			case "flagged" -> SourceStatus.SPAM;
			default -> throw new BadRecord(position, "Unknown state '" + state + "'");
		};
	}

	/** Commento stores "undefined" where a commenter gave no link. */
	private static @Nullable String link(@Nullable String link) {
		return (link == null || "undefined".equals(link)) ? null : link;
	}

	@Override
	public void close() throws IOException {
		try {
			this.json.close();
		}
		finally {
			this.in.close();
		}
	}

	private record Commenter(@Nullable String name, @Nullable String email, @Nullable String link) {

		static final Commenter ANONYMOUS = new Commenter(null, null, null);

	}

}
