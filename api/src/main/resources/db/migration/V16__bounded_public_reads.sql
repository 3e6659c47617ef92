-- Public reads stay fast with a million articles: each list, tag page and search reads a bounded
-- part of an index, newest first, instead of sorting or counting every match.

-- Building the GIN index below over a large table is several times faster with more memory than
-- the default 64MB; LOCAL: for this migration's transaction only.
SET LOCAL maintenance_work_mem = '256MB';

-- Lists and category pages, newest first with ties by id, from the index alone (no table rows).
CREATE INDEX articles_visible_idx ON articles (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX articles_category_visible_idx ON articles (category_id, published_at DESC, id DESC)
    WHERE status = 'PUBLISHED';
DROP INDEX articles_published_idx;
DROP INDEX articles_category_published_idx;

-- Tag pages: the GIN index on articles.tags finds a common tag's articles only all at once, in no
-- order (then sorts them all). One row per tag of each published article, in (tag, publish time)
-- order, gives any tag's newest articles directly. Kept by the trigger below; drafts have none.
CREATE TABLE article_tags (
    tag          text        NOT NULL,
    published_at timestamptz NOT NULL,
    article_id   bigint      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, published_at, article_id)
);
CREATE INDEX article_tags_article_idx ON article_tags (article_id);

CREATE FUNCTION article_tags_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM article_tags WHERE article_id = NEW.id;
    IF NEW.status = 'PUBLISHED' THEN
        INSERT INTO article_tags (tag, published_at, article_id)
        SELECT DISTINCT tag, NEW.published_at, NEW.id FROM unnest(NEW.tags) tag;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER articles_tags_inserted AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION article_tags_sync();
CREATE TRIGGER articles_tags_updated AFTER UPDATE ON articles
    FOR EACH ROW WHEN (OLD.tags IS DISTINCT FROM NEW.tags OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION article_tags_sync();

INSERT INTO article_tags (tag, published_at, article_id)
SELECT DISTINCT tag, a.published_at, a.id FROM articles a, unnest(a.tags) tag WHERE a.status = 'PUBLISHED';
DROP INDEX articles_tags_idx;

-- Search: a common word's matches are most of the archive. With the publish week in the same GIN
-- index, a search within recent weeks reads only those weeks' entries of the word (GIN skips
-- through its long list of matches), so finding the newest matches costs about as much as the
-- weeks hold, not the archive. btree_gin lets GIN index the week number.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- The epoch does not depend on the time zone, so this is immutable (extract() itself is only stable).
CREATE FUNCTION bantin_week(timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN floor(extract(epoch FROM $1) / 604800)::integer;

CREATE INDEX articles_search_week_idx ON articles USING gin (search_vector, bantin_week(published_at))
    WHERE status = 'PUBLISHED';
DROP INDEX articles_search_idx;
