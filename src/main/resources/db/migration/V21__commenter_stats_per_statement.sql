-- Issue 13 (import speed): the commenter counters of inserted comments kept by one set-based update per statement
-- instead of one function call per row. An import stores a thousand comments in one statement; their counters now
-- move in one upsert, grouped by commenter (in hash order, so two concurrent statements lock their rows in the same
-- order). The counters stay equal to a recount: the inserted rows are exactly the statement's transition table (a row
-- skipped by "on conflict do nothing" is not in it). Deletes and status or hash changes keep their row-level triggers.
create function comment_commenter_stats_inserted() returns trigger language plpgsql as $$
begin
    insert into commenter_stats as s (email_hash, approved, held, spam, rejected, first_seen, last_seen)
    select email_hash, count(*) filter (where status = 'APPROVED'), count(*) filter (where status = 'HELD'),
           count(*) filter (where status = 'SPAM'), count(*) filter (where status = 'REJECTED'),
           min(submitted_at), max(submitted_at)
    from inserted group by email_hash order by email_hash
    on conflict (email_hash) do update set approved = s.approved + excluded.approved,
        held = s.held + excluded.held, spam = s.spam + excluded.spam, rejected = s.rejected + excluded.rejected,
        first_seen = least(s.first_seen, excluded.first_seen), last_seen = greatest(s.last_seen, excluded.last_seen);
    return null;
end
$$;

drop trigger comment_commenter_stats_added on comment;
create trigger comment_commenter_stats_inserted after insert on comment referencing new table as inserted
    for each statement execute function comment_commenter_stats_inserted();
create trigger comment_commenter_stats_deleted after delete on comment
    for each row execute function comment_commenter_stats();
