-- A site is a blog: the origins its pages are served from (the CORS allowlist and the no-JavaScript form's origin
-- check), the URL prefixes its posts live under, the default author of its posts, and its comment rules.
create table site (
    id                        varchar(50)  primary key,
    name                      varchar(200) not null,
    origins                   text[]       not null default '{}',
    post_url_prefixes         text[]       not null default '{}',
    author_name               varchar(100),
    author_email              varchar(254),
    create_posts_on_first_use boolean      not null default false,
    close_after_days          integer      check (close_after_days > 0),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null
);

-- every post registered before sites existed belongs to the default site, which keeps today's behaviour:
-- posts are registered by hand, comments never close by age
insert into site (id, name, created_at, updated_at) values ('default', 'Default site', now(), now());

alter table post add column site_id varchar(50) not null default 'default' references site (id);
alter table post add column comments_closed boolean not null default false;

create index post_site on post (site_id, created_at);
