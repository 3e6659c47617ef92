-- Articles can end: from unpublish_at on, readers no longer see a published article (the API
-- answers 410 for it). Which articles readers may see is now one rule, bantin_visible, that every
-- public query calls; org.bantin.content.Visibility mirrors it in Java (VisibilityTest holds the
-- two together).
ALTER TABLE articles ADD COLUMN unpublish_at timestamptz,
    ADD CONSTRAINT articles_unpublish_after_publish
        CHECK (unpublish_at IS NULL OR published_at IS NOT NULL AND unpublish_at > published_at);

-- One plain expression in SQL and STABLE: the planner inlines it into each query, so that its
-- status = 'PUBLISHED' matches the partial indexes' predicate and published_at <= now() bounds their
-- scans as a condition written by hand would. (plpgsql, STRICT, or SET options would stop that.)
CREATE FUNCTION bantin_visible(status varchar, published_at timestamptz, unpublish_at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT status = 'PUBLISHED' AND published_at <= now() AND (unpublish_at IS NULL OR unpublish_at > now())
$$;

-- Lists and category pages keep being read from the index alone: it now holds the expiry, which
-- the rule reads. (Only published articles have rows in these indexes, few of them an expiry.)
CREATE INDEX articles_visible_until_idx ON articles (published_at DESC, id DESC) INCLUDE (unpublish_at)
    WHERE status = 'PUBLISHED';
CREATE INDEX articles_category_visible_until_idx ON articles (category_id, published_at DESC, id DESC)
    INCLUDE (unpublish_at) WHERE status = 'PUBLISHED';
DROP INDEX articles_visible_idx;
DROP INDEX articles_category_visible_idx;
ALTER INDEX articles_visible_until_idx RENAME TO articles_visible_idx;
ALTER INDEX articles_category_visible_until_idx RENAME TO articles_category_visible_idx;

-- The instances look every second for the articles whose expiry has just come (DueArticles).
CREATE INDEX articles_unpublish_idx ON articles (unpublish_at) WHERE status = 'PUBLISHED' AND unpublish_at IS NOT NULL;

-- Tag pages apply the same rule to article_tags, which therefore keeps each article's expiry too,
-- in its key's index as well, so that they are still read from the index alone.
ALTER TABLE article_tags ADD COLUMN unpublish_at timestamptz;
CREATE UNIQUE INDEX article_tags_key ON article_tags (tag, published_at, article_id) INCLUDE (unpublish_at);
ALTER TABLE article_tags DROP CONSTRAINT article_tags_pkey,
    ADD CONSTRAINT article_tags_pkey PRIMARY KEY USING INDEX article_tags_key;

CREATE OR REPLACE FUNCTION article_tags_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM article_tags WHERE article_id = NEW.id;
    IF NEW.status = 'PUBLISHED' THEN
        INSERT INTO article_tags (tag, published_at, unpublish_at, article_id)
        SELECT DISTINCT tag, NEW.published_at, NEW.unpublish_at, NEW.id FROM unnest(NEW.tags) tag;
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER articles_tags_updated ON articles;
CREATE TRIGGER articles_tags_updated AFTER UPDATE ON articles
    FOR EACH ROW WHEN (OLD.tags IS DISTINCT FROM NEW.tags OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.unpublish_at IS DISTINCT FROM NEW.unpublish_at)
    EXECUTE FUNCTION article_tags_sync();
