-- The spam filter's shared memory: moderator decisions as an ordered log every instance learns from, the latest
-- model snapshot, and each comment's near-duplicate fingerprint.

create table spam_feedback (
    seq         bigserial     primary key,
    event_id    uuid          not null unique,
    comment_id  uuid          not null,
    post_id     varchar(100)  not null,
    author_name varchar(100)  not null,
    author_url  varchar(2000),
    text        text          not null,
    spam        boolean       not null,
    created_at  timestamptz   not null
);

create table spam_model (
    name        varchar(40)  primary key,
    applied_seq bigint       not null,
    snapshot    bytea        not null,
    updated_at  timestamptz  not null
);

alter table comment add column fingerprint bigint;
create index comment_recent on comment (submitted_at);
create index comment_network on comment (ip_prefix, submitted_at);
