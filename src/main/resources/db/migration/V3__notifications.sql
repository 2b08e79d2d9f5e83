-- Every notification, recorded before it is sent, once per event (dedup_key).
create table notification (
    id              uuid          primary key,
    dedup_key       varchar(200)  not null unique,
    kind            varchar(40)   not null,
    comment_id      uuid,
    recipient       varchar(254)  not null,
    subject         varchar(500)  not null,
    body_text       text          not null,
    body_html       text          not null,
    status          varchar(16)   not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'SENDING');
