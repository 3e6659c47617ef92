-- Every API instance keeps recent public responses in memory. A change to what readers see
-- (articles, categories) notifies all instances on commit, so that each drops its copies.
CREATE FUNCTION notify_content_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('bantin_content', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER articles_notify_content_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();

CREATE TRIGGER categories_notify_content_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
