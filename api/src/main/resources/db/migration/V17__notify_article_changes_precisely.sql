-- A change to articles now tells the API instances what it touched: the slugs, category slugs and
-- tags of the published row versions before and after it (JSON), so that each instance drops only
-- the cached responses that showed, or may now show, those articles. A change that touches no
-- published version (drafts) is not announced. A payload too large for NOTIFY (8000 bytes) is sent
-- as the bare table name, which means "drop everything", as is a TRUNCATE (V11's function).
-- Identical payloads in one transaction are folded by PostgreSQL: they describe the same change.
CREATE FUNCTION articles_change_payload(versions articles[]) RETURNS text
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN cardinality(versions) = 0 THEN NULL
           ELSE json_build_object(
                   'slugs', (SELECT json_agg(DISTINCT v.slug) FROM unnest(versions) v),
                   'categories', (SELECT coalesce(json_agg(DISTINCT c.slug), '[]')
                                  FROM unnest(versions) v JOIN categories c ON c.id = v.category_id),
                   'tags', (SELECT coalesce(json_agg(DISTINCT t), '[]') FROM unnest(versions) v, unnest(v.tags) t))::text
           END
$$;

-- Transition tables: one notification per statement, however many rows it changed.
CREATE FUNCTION notify_articles_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    versions articles[] := '{}';
    payload  text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        versions := versions || ARRAY(SELECT o::articles FROM old_rows o WHERE o.status = 'PUBLISHED');
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        versions := versions || ARRAY(SELECT n::articles FROM new_rows n WHERE n.status = 'PUBLISHED');
    END IF;
    payload := articles_change_payload(versions);
    IF payload IS NOT NULL THEN
        PERFORM pg_notify('bantin_content', CASE WHEN octet_length(payload) < 8000 THEN payload ELSE TG_TABLE_NAME::text END);
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER articles_notify_content_changed ON articles;

CREATE TRIGGER articles_notify_inserted
    AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_articles_changed();

CREATE TRIGGER articles_notify_updated
    AFTER UPDATE ON articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_articles_changed();

CREATE TRIGGER articles_notify_deleted
    AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_articles_changed();

CREATE TRIGGER articles_notify_truncated
    AFTER TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
