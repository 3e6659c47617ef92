-- The media library: what editors uploaded (a photo, a document) and what was made of it. The
-- files themselves live in the media store under content-addressed keys (V18 for the default,
-- PostgreSQL store); these rows say what each key is. file_key is the file readers get at the
-- media's url: a document as uploaded, an image re-encoded without its metadata.
CREATE TABLE media (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('IMAGE', 'DOCUMENT')),
    file_name    varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    file_key     varchar(80)  NOT NULL,
    bytes        bigint       NOT NULL CHECK (bytes >= 0),
    sha256       char(64)     NOT NULL,
    width        integer CHECK (width > 0),
    height       integer CHECK (height > 0),
    alt          varchar(300) NOT NULL DEFAULT '',
    caption      varchar(500) NOT NULL DEFAULT '',
    credit       varchar(200) NOT NULL DEFAULT '',
    focal_x      real         NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    focal_y      real         NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    -- The token that uploaded it: authors may change only their own uploads.
    owner_token_id bigint REFERENCES api_tokens (id) ON DELETE SET NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    created_by   varchar(120) NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    updated_by   varchar(120) NOT NULL,
    version      integer      NOT NULL DEFAULT 0,
    CHECK ((kind = 'IMAGE') = (width IS NOT NULL AND height IS NOT NULL)),
    -- The library is searched by file name, alt text and caption, without tones and marks.
    search_text  text GENERATED ALWAYS AS (
        lower(bantin_unaccent(file_name || ' ' || alt || ' ' || caption))
    ) STORED
);

CREATE INDEX media_file_key_idx ON media (file_key);
CREATE INDEX media_created_idx ON media (created_at DESC, id DESC);

-- Every other file made of an image: its widths in JPEG (PNG when transparent) and WebP, and its
-- crop for link previews. Names are part of the API (w320, w320-webp, ..., og).
CREATE TABLE media_renditions (
    media_id     bigint       NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name         varchar(20)  NOT NULL,
    width        integer      NOT NULL CHECK (width > 0),
    height       integer      NOT NULL CHECK (height > 0),
    content_type varchar(100) NOT NULL,
    file_key     varchar(80)  NOT NULL,
    bytes        bigint       NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (media_id, name)
);

CREATE INDEX media_renditions_file_key_idx ON media_renditions (file_key);

-- Which articles use which media (in the body or as the cover), rewritten on every save. The
-- foreign key refuses deleting media that an article still shows, whatever path deletes it.
CREATE TABLE article_media (
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    media_id   bigint NOT NULL REFERENCES media (id) ON DELETE RESTRICT,
    PRIMARY KEY (article_id, media_id)
);

CREATE INDEX article_media_media_idx ON article_media (media_id);

-- A cover from the library is a reference (its url, size and renditions are read from the media);
-- cover_url stays for pictures hosted elsewhere.
ALTER TABLE articles ADD COLUMN cover_media_id bigint REFERENCES media (id) ON DELETE RESTRICT;

-- Public articles show their media's alt text, caption and renditions: a change to media rows
-- drops every instance's cached responses (rare, editor-made; V11's function sends the table name).
CREATE TRIGGER media_changed
    AFTER UPDATE OR DELETE OR TRUNCATE ON media
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
