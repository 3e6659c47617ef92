-- Preview links belong to the content core: a link shows one content of any type, as revisions and
-- workflow steps are kept. Without a foreign key to one table, deleting a content forgets its links
-- (as it forgets its revisions) in the same transaction.
ALTER TABLE preview_links DROP CONSTRAINT preview_links_article_id_fkey;
ALTER TABLE preview_links RENAME COLUMN article_id TO content_id;
ALTER TABLE preview_links ADD COLUMN content_type varchar(40) NOT NULL DEFAULT 'article';
ALTER TABLE preview_links ALTER COLUMN content_type DROP DEFAULT;
DROP INDEX preview_links_article_idx;
CREATE INDEX preview_links_content_idx ON preview_links (content_type, content_id);
