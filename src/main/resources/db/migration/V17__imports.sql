-- Imports (issue 13): what each imported record became, so a re-import adds only what is new, and the state of the
-- import jobs started over HTTP.

-- one row per record of a source (a post or a comment, by the source's own id) imported into a site; target_id is
-- the Moderato post id or comment uuid, or null for a record deliberately not stored (a deleted comment)
create table import_source (
    site_id     varchar(50)   not null references site (id),
    format      varchar(20)   not null,
    kind        varchar(10)   not null check (kind in ('POST', 'COMMENT')),
    source_id   varchar(300)  not null,
    target_id   varchar(100),
    imported_at timestamptz   not null,
    primary key (site_id, format, kind, source_id)
);

-- an import started through the admin endpoint
create table import_job (
    id          uuid          primary key,
    site_id     varchar(50)   not null,
    format      varchar(20)   not null,
    dry_run     boolean       not null,
    learn       boolean       not null,
    state       varchar(10)   not null check (state in ('running', 'done', 'failed')),
    read        bigint        not null default 0,
    imported    bigint        not null default 0,
    skipped     bigint        not null default 0,
    failed      bigint        not null default 0,
    errors      jsonb         not null default '[]',
    result      jsonb,
    message     text,
    started_by  varchar(100)  not null,
    started_at  timestamptz   not null,
    -- written every second while the job runs: a running job not updated for a minute was interrupted
    updated_at  timestamptz   not null,
    finished_at timestamptz
);

-- every export of a site that carried commenter emails: who asked, when (append-only, like the moderation audit)
create table export_audit (
    id          bigserial     primary key,
    site_id     varchar(50)   not null,
    format      varchar(20)   not null,
    actor       varchar(100)  not null,
    at          timestamptz   not null
);
create rule export_audit_no_update as on update to export_audit do instead nothing;
create rule export_audit_no_delete as on delete to export_audit do instead nothing;
