-- Whether the engine's verdict on a comment has reached comments.moderated. The verdict path stores a comment with
-- false and sets it once Kafka acknowledged the announcement; a redelivered submission whose comment is stored but not
-- announced announces it again. Comments stored before (announced through the outbox) and imported ones count as
-- announced. A constant default: no rewrite of the table.
alter table comment add column verdict_announced boolean not null default true;
