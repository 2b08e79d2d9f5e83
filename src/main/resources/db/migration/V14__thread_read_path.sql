-- The public thread read path (issues 11 and 12): HTML rendered once, a version per thread for ETags, paging by root.

-- the comment's text as sanitised HTML, rendered when it is stored (or its text changes); null for rows stored before
-- this column existed, which the service renders on read and fills in at startup
alter table comment add column html text;

-- bumped in the same transaction as every change to a post's public thread (a comment published, un-published,
-- deleted or anonymised): the thread's and the counts' strong ETag
create table thread_version (
    post_id  varchar(100) primary key references post (id),
    version  bigint       not null
);

-- the top-level comments of a thread in order, for keyset paging
create index comment_thread_roots on comment (post_id, submitted_at, id) where status = 'APPROVED';
create index comment_html_missing on comment (id) where html is null;
