package dev.moderato.imports.formats;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A comment as the source system exported it, before it is checked and converted.
 *
 * @param position where it is in the file (line, record or row number), for error reports
 * @param sourceId the source's id for it; stable across exports, so a re-import skips it
 * @param postSourceId the {@link SourcePost#sourceId()} of its post
 * @param parentSourceId the source id of the comment it replies to, or {@code null} for a top-level comment
 * @param authorName as shown (may be blank in some sources: the importer names it "Anonymous")
 * @param authorEmail may be missing
 * @param authorUrl the author's website, may be missing
 * @param ip the full address as the source stored it, may be missing (the importer truncates it)
 * @param createdAt when it was written
 * @param body the text as the source stores it
 * @param bodyIsHtml whether {@code body} is HTML (WordPress, Disqus, Commento's HTML) or plain/Markdown text
 * @param status what the source had decided
 * @param kind a comment, or a pingback/trackback (WordPress)
 */
public record SourceComment(String position, String sourceId, String postSourceId, @Nullable String parentSourceId,
		@Nullable String authorName, @Nullable String authorEmail, @Nullable String authorUrl, @Nullable String ip,
		Instant createdAt, String body, boolean bodyIsHtml, SourceStatus status, Kind kind) {

	public enum Kind {

		COMMENT, PINGBACK, TRACKBACK

	}

}
