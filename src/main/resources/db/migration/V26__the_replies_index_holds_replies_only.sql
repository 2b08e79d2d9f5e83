-- Issue 13: three comments in four are top-level, and each cost an entry in the index on parent_id that nothing reads.
-- That index serves the look-ups of a comment's replies (the thread's tree, the foreign key's ON DELETE SET NULL, a
-- moderator's delete), which all ask for one parent and never for a null one, so it holds the replies only: a
-- quarter of its entries, and a sixteenth less index work for each comment submitted or imported.
drop index comment_parent;
create index comment_parent on comment (parent_id) where parent_id is not null;
