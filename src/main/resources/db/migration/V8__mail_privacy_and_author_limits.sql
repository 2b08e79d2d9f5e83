-- Mail, part 3: erase finds every mail about a comment (digests name several), lookups by recipient are indexed,
-- and authors' single mails are counted per hour so a flood turns into a digest.

-- the comments a digest tells about (single mails keep theirs in comment_id), so an erase can delete it
alter table notification add column about_comments uuid[];
create index notification_about_comments on notification using gin (about_comments);
create index notification_recipient on notification (recipient_hash);
create index digest_entry_comment on digest_entry (comment_id);

-- single mails recorded per post author (keyed email hash) and clock hour
create table author_mail_count (
    recipient_hash char(64)    not null,
    hour_end       timestamptz not null,
    mails          int         not null,
    primary key (recipient_hash, hour_end)
);
