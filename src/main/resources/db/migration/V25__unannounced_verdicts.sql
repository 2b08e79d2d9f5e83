-- Issue 12: the engine's verdicts not yet announced on comments.moderated, as rows of their own.
-- V22 kept this as a flag on comment, set right after each announcement: an UPDATE of every new comment, and since
-- the table's pages are full, one that rewrote the row and all of its indexes (a second insert's worth of work per
-- verdict). Now the verdict path notes each new comment here in the statement that stores it, and deletes the note
-- once Kafka acknowledged the verdict; the table holds only the verdicts in flight.
create table verdict_unannounced (
    comment_id uuid primary key
);
insert into verdict_unannounced (comment_id) select id from comment where not verdict_announced;
alter table comment drop column verdict_announced;
