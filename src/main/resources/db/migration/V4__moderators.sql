-- Moderators: accounts, API tokens, post restrictions; decisions: optimistic versions, commenter trust and bans,
-- single-use email links, and an append-only audit log.

alter table comment add column version int not null default 0;
alter table comment drop constraint comment_parent_id_fkey;
alter table comment add constraint comment_parent_id_fkey foreign key (parent_id) references comment (id) on delete set null;
create index comment_queue on comment (status, submitted_at, id);

create table account (
    id            uuid         primary key,
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);

-- an account with rows here may moderate only these posts; without rows, all posts
create table account_post (
    account_id uuid         not null references account (id) on delete cascade,
    post_id    varchar(100) not null references post (id) on delete cascade,
    primary key (account_id, post_id)
);

create table api_token (
    id           uuid         primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- trust (future comments skip the hold) or ban (future comments go to spam), by keyed email hash
create table commenter_policy (
    email_hash char(64)     not null,
    kind       varchar(10)  not null check (kind in ('TRUSTED', 'BANNED')),
    reason     varchar(500),
    expires_at timestamptz,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    primary key (email_hash, kind)
);

create table link_use (
    nonce      varchar(64) primary key,
    comment_id uuid        not null,
    action     varchar(20) not null,
    used_at    timestamptz not null
);

create table moderation_audit (
    id          bigserial    primary key,
    comment_id  uuid         not null,
    post_id     varchar(100) not null,
    action      varchar(20)  not null,
    actor       varchar(100) not null,
    actor_kind  varchar(20)  not null,
    from_status varchar(16)  not null,
    to_status   varchar(16)  not null,
    at          timestamptz  not null
);
create index moderation_audit_comment on moderation_audit (comment_id);
create index moderation_audit_actor on moderation_audit (actor, at);

-- append-only: the audit log can be added to, never changed
create function moderation_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'moderation_audit is append-only';
end $$;
create trigger moderation_audit_no_change before update or delete on moderation_audit
    for each row execute function moderation_audit_append_only();
