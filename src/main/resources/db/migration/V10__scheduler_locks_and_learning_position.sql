-- Once-per-cluster scheduled jobs take a lock row here (ShedLock's JDBC provider, PostgreSQL's clock). The times are
-- UTC without a zone (ShedLock writes timezone('utc', current_timestamp)), so instances in any time zone agree.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- The spam filter's decision log is read in (transaction id, seq) order, and only up to the oldest transaction still
-- running (pg_snapshot_xmin), so a decision whose transaction commits late is never skipped. Rows logged before this
-- migration all get its transaction id and keep their seq order; the saved model's position moves with them.
alter table spam_feedback add column txid xid8 not null default pg_current_xact_id();
create index spam_feedback_log on spam_feedback (txid, seq);
alter table spam_model add column applied_txid xid8 not null default pg_current_xact_id();
