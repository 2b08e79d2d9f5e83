-- The posts that take comments, and the comments with their verdicts.
create table post (
    id           varchar(100)  primary key,
    title        varchar(300)  not null,
    url          varchar(2000) not null,
    author_name  varchar(100)  not null,
    author_email varchar(254)  not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);

create table comment (
    id               uuid          primary key,
    post_id          varchar(100)  not null references post (id),
    parent_id        uuid          references comment (id),
    author_name      varchar(100)  not null,
    author_url       varchar(2000),
    -- the commenter's email exists only encrypted (AES-GCM, key id for rotation) and as a keyed hash
    email_key_id     varchar(64)   not null,
    email_ciphertext text          not null,
    email_hash       char(64)      not null,
    -- never the full address: a /24 or /48 prefix and a keyed hash
    ip_prefix        varchar(64),
    ip_hash          char(64),
    text             text          not null,
    notify_replies   boolean       not null default false,
    submitted_at     timestamptz   not null,
    status           varchar(16)   not null check (status in ('APPROVED', 'HELD', 'SPAM', 'REJECTED')),
    spam_score       double precision not null default 0,
    reasons          jsonb         not null default '[]',
    moderated_at     timestamptz,
    moderated_by     varchar(100)
);

create index comment_thread on comment (post_id, status, submitted_at);
create index comment_commenter on comment (email_hash);
create index comment_parent on comment (parent_id);
