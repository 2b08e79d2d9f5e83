-- Issue 12: a near-duplicate lookup reads its candidates from the band indexes alone.
-- The verdict path compares a new fingerprint with the newest comments sharing each of its four bands. With only
-- (band, submitted_at) indexed, every candidate cost a visit to the table for its post and fingerprint, a sort and a
-- bitmap: in a spam wave, where each text has hundreds of copies, that was most of the database's work per verdict.
-- Carrying the post and the fingerprint in the index lets PostgreSQL read the newest candidates in order, index only.
drop index comment_fp_band0;
drop index comment_fp_band1;
drop index comment_fp_band2;
drop index comment_fp_band3;
create index comment_fp_band0 on comment (fp_band0, submitted_at) include (post_id, fingerprint) where fingerprint <> 0;
create index comment_fp_band1 on comment (fp_band1, submitted_at) include (post_id, fingerprint) where fingerprint <> 0;
create index comment_fp_band2 on comment (fp_band2, submitted_at) include (post_id, fingerprint) where fingerprint <> 0;
create index comment_fp_band3 on comment (fp_band3, submitted_at) include (post_id, fingerprint) where fingerprint <> 0;

-- An index-only read skips the table for pages the visibility map marks all-visible, and new comments are the
-- candidates read most. By default autovacuum visits an insert-only table after 20 % of it was added (200,000 rows of
-- a million); here after every 10,000, which keeps the recent pages all-visible (a visit to pages only inserted into
-- is cheap: it reads just the pages not yet marked).
alter table comment set (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
