-- Posts are found by their page's canonical URL (the embed's by-url lookup, counts by url=, the plain HTML form), and
-- a site's posts are listed by id for the admin API and the Sites page.
create index post_url on post (url);
create index post_site_id on post (site_id, id);
