-- Media files (uploads and their renditions), content-addressed: a key is "<sha256 hex>.<ext>"
-- of the bytes, so a file is written once however often it is uploaded, and never changes.
-- Kept in PostgreSQL by default so that every API instance serves every file
-- (org.bantin.media.store.DatabaseMediaStore); a deployment may keep them in a directory instead.
CREATE TABLE media_files (
    key          text        PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}\.[a-z0-9]{2,5}$'),
    content_type text        NOT NULL,
    bytes        bigint      NOT NULL CHECK (bytes >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The bytes, in chunks of 1 MiB (the last one shorter): a range is read from the chunks it
-- covers, and no statement moves a whole large file, which would need it all in memory on the
-- server and in the driver at once.
CREATE TABLE media_file_chunks (
    key  text    NOT NULL REFERENCES media_files (key) ON DELETE CASCADE,
    seq  integer NOT NULL CHECK (seq >= 0),
    data bytea   NOT NULL,
    PRIMARY KEY (key, seq)
);

-- EXTERNAL: out of line, never compressed. The files are JPEG, PNG, WebP, GIF, PDF and ZIP-based
-- documents, compressed already: pglz would spend CPU on every write to save nothing. Stored
-- uncompressed, substring(data FROM a FOR n) reads only the TOAST slices that hold the range
-- instead of the whole megabyte.
ALTER TABLE media_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Each API instance keeps small hot files in memory: a file deleted anywhere must be dropped by
-- all of them. On commit, every instance hears 'media_files' on bantin_content and drops its
-- cached files (org.bantin.database.ContentNotifications); deletions are rare.
CREATE TRIGGER media_files_notify_content_changed
    AFTER DELETE OR TRUNCATE ON media_files
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
