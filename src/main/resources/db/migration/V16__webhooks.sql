-- Webhooks: a site's other systems are told by signed HTTP calls when its comments are published, held or decided.

-- A receiver of one site's events. The signing secret is kept only encrypted (AES-256-GCM under a key derived from the
-- privacy hash key; secret_key_id names the derivation, so it can change), and shown to the admin once.
create table webhook (
    id                uuid          primary key,
    site_id           varchar(50)   not null references site (id),
    url               varchar(2000) not null,
    events            text[]        not null,
    description       varchar(500),
    secret_key_id     varchar(50)   not null,
    secret_ciphertext text          not null,
    created_at        timestamptz   not null,
    secret_rotated_at timestamptz   not null
);
create index webhook_site on webhook (site_id);

-- One row per webhook and event: a redelivered event finds its row and sends nothing again. Only ids and statuses are
-- kept; the payload (author name, text) is rendered from the comment when it is sent, so an erase reaches it.
create table webhook_delivery (
    id               uuid         primary key,
    webhook_id       uuid         not null references webhook (id) on delete cascade,
    event_id         uuid         not null,
    source_event_id  uuid         not null,
    type             varchar(40)  not null,
    comment_id       uuid         not null,
    parent_id        uuid,
    post_id          varchar(100) not null,
    site_id          varchar(50)  not null,
    status           varchar(20)  not null,
    previous_status  varchar(20)  not null,
    occurred_at      timestamptz  not null,
    state            varchar(20)  not null check (state in ('pending', 'sending', 'delivered', 'failed')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    unique (webhook_id, source_event_id, type)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state in ('pending', 'sending');
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, state, created_at);
