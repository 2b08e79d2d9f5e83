-- Each site (blog) learns from its own moderators' decisions: a decision is logged with its post's site, and each
-- site's learned layer is saved on its own row with the decision-log position it includes. Decisions and the model
-- saved before sites existed belong to the site 'default' (the saved model is read as that site's layer).
alter table spam_feedback add column site_id varchar(50) not null default 'default';
alter table spam_feedback alter column site_id drop default;
create index spam_feedback_site_log on spam_feedback (site_id, txid, seq);

alter table spam_model rename column name to site_id;
alter table spam_model alter column site_id type varchar(50);
