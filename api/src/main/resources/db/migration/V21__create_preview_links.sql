-- Links that show an article as it would be published, to whoever holds them, until they expire
-- or are revoked. Only the SHA-256 of a link's token is kept (as for API tokens): the database
-- alone opens no preview.
CREATE TABLE preview_links (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    token_hash bytea        NOT NULL UNIQUE,
    expires_at timestamptz  NOT NULL,
    revoked_at timestamptz,
    created_at timestamptz  NOT NULL DEFAULT now(),
    created_by varchar(120) NOT NULL
);

CREATE INDEX preview_links_article_idx ON preview_links (article_id);
