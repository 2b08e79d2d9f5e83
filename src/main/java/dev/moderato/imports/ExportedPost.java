package dev.moderato.imports;

import java.time.Instant;

/** A post as an export carries it. */
record ExportedPost(String id, String title, String url, Instant createdAt, boolean commentsClosed) {
}
