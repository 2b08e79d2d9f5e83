-- Issue 12: the spam-signal queries of each submission through indexes, whose cost does not grow with the data.

-- Near-duplicates: the 64-bit SimHash in four 16-bit bands. Fingerprints at most 3 bits apart (the threshold) agree
-- on at least one band (pigeonhole: 3 differing bits fall in at most 3 of 4 bands), so the candidates are the recent
-- comments sharing a band, found by index, and only they are compared bit by bit. Stored generated columns: every
-- existing row is banded as the table is rewritten, and no writer can store a fingerprint without its bands.
alter table comment
    add column fp_band0 int generated always as ((fingerprint & 65535)::int) stored,
    add column fp_band1 int generated always as (((fingerprint >> 16) & 65535)::int) stored,
    add column fp_band2 int generated always as (((fingerprint >> 32) & 65535)::int) stored,
    add column fp_band3 int generated always as (((fingerprint >> 48) & 65535)::int) stored;
create index comment_fp_band0 on comment (fp_band0, submitted_at) where fingerprint <> 0;
create index comment_fp_band1 on comment (fp_band1, submitted_at) where fingerprint <> 0;
create index comment_fp_band2 on comment (fp_band2, submitted_at) where fingerprint <> 0;
create index comment_fp_band3 on comment (fp_band3, submitted_at) where fingerprint <> 0;

-- Velocity per commenter: a range of the index bounded by time (per network: comment_network from V5 already is).
-- It also serves every lookup by email_hash alone, so the single-column index goes.
create index comment_commenter_recent on comment (email_hash, submitted_at);
drop index comment_commenter;

-- A commenter's history kept as counters instead of counted over all their comments. A trigger keeps them in the
-- transaction of every change of a comment's status or hash (submission, decision, delete, erase, retention), so they
-- always equal a recount; a commenter with no comment left has no row (an erased hash is gone from here too).
create table commenter_stats (
    email_hash char(64)    primary key,
    approved   int         not null default 0,
    held       int         not null default 0,
    spam       int         not null default 0,
    rejected   int         not null default 0,
    first_seen timestamptz not null,
    last_seen  timestamptz not null
);

insert into commenter_stats (email_hash, approved, held, spam, rejected, first_seen, last_seen)
select email_hash, count(*) filter (where status = 'APPROVED'), count(*) filter (where status = 'HELD'),
       count(*) filter (where status = 'SPAM'), count(*) filter (where status = 'REJECTED'),
       min(submitted_at), max(submitted_at)
from comment group by email_hash;

create function commenter_stats_add(hash char(64), status varchar, delta int, seen timestamptz) returns void
language plpgsql as $$
begin
    if delta > 0 then
        insert into commenter_stats as s (email_hash, approved, held, spam, rejected, first_seen, last_seen)
        values (hash, (status = 'APPROVED')::int * delta, (status = 'HELD')::int * delta,
                (status = 'SPAM')::int * delta, (status = 'REJECTED')::int * delta, seen, seen)
        on conflict (email_hash) do update set approved = s.approved + excluded.approved,
            held = s.held + excluded.held, spam = s.spam + excluded.spam, rejected = s.rejected + excluded.rejected,
            first_seen = least(s.first_seen, excluded.first_seen), last_seen = greatest(s.last_seen, excluded.last_seen);
    else
        update commenter_stats set approved = approved + (status = 'APPROVED')::int * delta,
            held = held + (status = 'HELD')::int * delta, spam = spam + (status = 'SPAM')::int * delta,
            rejected = rejected + (status = 'REJECTED')::int * delta
        where email_hash = hash;
        delete from commenter_stats where email_hash = hash and approved + held + spam + rejected <= 0;
    end if;
end
$$;

create function comment_commenter_stats() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform commenter_stats_add(old.email_hash, old.status, -1, old.submitted_at);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform commenter_stats_add(new.email_hash, new.status, 1, new.submitted_at);
    end if;
    return null;
end
$$;

create trigger comment_commenter_stats_added after insert or delete on comment
    for each row execute function comment_commenter_stats();
create trigger comment_commenter_stats_changed after update of status, email_hash on comment
    for each row when (old.status is distinct from new.status or old.email_hash is distinct from new.email_hash)
    execute function comment_commenter_stats();
