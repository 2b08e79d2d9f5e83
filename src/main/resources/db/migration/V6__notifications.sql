-- Notifications, part 2: recipients encrypted at rest, opt-outs honoured at send time, author preferences and
-- digests, and reply notifications with double opt-in. No table here holds a plain commenter address.

-- New rows keep the recipient only encrypted (AES-GCM, key id for rotation) and as a keyed hash; rows recorded
-- before this migration keep their plain recipient until sent.
alter table notification alter column recipient drop not null;
alter table notification add column recipient_key_id     varchar(64);
alter table notification add column recipient_ciphertext text;
alter table notification add column recipient_hash       char(64);
-- what an opt-out must match for the mail to be dropped at send time: 'thread:<comment id>', 'kind:new-comment', ...
alter table notification add column scope                varchar(80);
alter table notification add column unsubscribe_url      varchar(2000);
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED'));
alter table notification add constraint notification_recipient_present
    check (recipient is not null or recipient_ciphertext is not null);
create index notification_failed on notification (created_at) where status = 'FAILED';

-- "Send me nothing" ('all') or "nothing about this thread" ('thread:<comment id>'), per keyed email hash.
create table notification_optout (
    recipient_hash char(64)    not null,
    scope          varchar(80) not null,
    created_at     timestamptz not null,
    primary key (recipient_hash, scope)
);

-- A post author's choices, per keyed hash of the author's email. No row: immediate, every kind.
create table author_preference (
    recipient_hash char(64)    primary key,
    delivery       varchar(16) not null check (delivery in ('immediate', 'hourly', 'daily')),
    new_comment    boolean     not null,
    held           boolean     not null,
    updated_at     timestamptz not null
);

-- Author mails waiting for their digest; one row per verdict event.
create table digest_entry (
    event_id       uuid          primary key,
    recipient_hash char(64)      not null,
    post_id        varchar(100)  not null,
    comment_id     uuid          not null,
    kind           varchar(40)   not null,
    commenter_name varchar(100)  not null,
    text           text          not null,
    reasons        jsonb         not null default '[]',
    period_end     timestamptz   not null,
    created_at     timestamptz   not null,
    digested_at    timestamptz
);

create index digest_entry_due on digest_entry (period_end) where digested_at is null;

-- Double opt-in for reply notifications, per keyed email hash: requested (a confirmation mail went out), then
-- confirmed. Unconfirmed requests expire and are deleted.
create table reply_subscription (
    email_hash   char(64)    primary key,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    confirmed_at timestamptz
);

-- A reply notifies only the first time it becomes approved.
create table reply_approval (
    comment_id  uuid        primary key,
    approved_at timestamptz not null
);
