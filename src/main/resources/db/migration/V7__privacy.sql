-- Privacy (issue 5): identicon ids, self-service GDPR requests, and indexes for retention and key rotation.

-- a keyed hash of the email under a key derived for avatars only (16 hex digits); null: no avatar
alter table comment add column avatar_id char(16);

-- for the IP retention and the held/spam purge: old rows by age
create index comment_ip_kept on comment (submitted_at) where ip_prefix is not null or ip_hash is not null;

-- a commenter's own export or erase request, confirmed through a signed link mailed to the address
create table privacy_request (
    id               uuid         primary key,
    kind             varchar(10)  not null check (kind in ('EXPORT', 'ERASE')),
    email_key_id     varchar(64)  not null,
    email_ciphertext text         not null,
    email_hash       char(64)     not null,
    requested_at     timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
create index privacy_request_by_commenter on privacy_request (email_hash, requested_at);
