package dev.moderato.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.moderato.comments.CommentTransfer;
import dev.moderato.sites.Site;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes a whole site out (its posts, then every comment with status, threading and date; commenter emails only when
 * asked for, decrypted, and then recorded in the export audit), streamed, in Moderato's format or as WordPress WXR.
 */
@Service
public class SiteExport {

	private static final Logger log = LoggerFactory.getLogger(SiteExport.class);

	private final Sites sites;

	private final CommentTransfer comments;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SiteExport(Sites sites, CommentTransfer comments, JdbcTemplate jdbc, Clock clock) {
		this.sites = sites;
		this.comments = comments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @throws ImportFailed if there is no such site */
	public Site site(SiteId id) {
		return this.sites.find(id).orElseThrow(() -> new ImportFailed("There is no site '" + id + "'"));
	}

	public void write(SiteId siteId, ExportFormat format, boolean withEmails, String actor, OutputStream out) {
		Site site = site(siteId);
		if (withEmails) {
			this.jdbc.update("insert into export_audit (site_id, format, actor, at) values (?, ?, ?, ?)", site.id().value(),
					format.id(), actor, Timestamp.from(this.clock.instant()));
			log.atInfo().addKeyValue("site", site.id()).addKeyValue("format", format.id()).addKeyValue("actor", actor)
				.log("Site exported with commenter emails");
		}
		List<ExportedPost> posts = posts(site.id());
		try {
			if (format == ExportFormat.MODERATO) {
				new ModeratoWriter(out).write(site, posts, withEmails,
						each -> this.comments.forEachOfSite(site.id().value(), null, withEmails, each), this.clock.instant());
			}
			else {
				new WxrWriter(out).write(site, posts, post -> each -> this.comments.forEachOfSite(site.id().value(),
						post.id(), withEmails, each));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<ExportedPost> posts(SiteId site) {
		List<ExportedPost> posts = new ArrayList<>();
		this.jdbc.query("select id, title, url, created_at, comments_closed from post where site_id = ? order by created_at, id",
				rs -> {
					posts.add(new ExportedPost(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), rs.getBoolean(5)));
				}, site.value());
		return posts;
	}

}
