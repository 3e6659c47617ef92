-- An article is a draft, or published from published_at on (scheduled while that is in the future).
CREATE TABLE articles (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug           varchar(200)  NOT NULL UNIQUE,
    title          varchar(300)  NOT NULL,
    summary        varchar(2000) NOT NULL DEFAULT '',
    body           text          NOT NULL DEFAULT '',
    category_id    bigint        NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    tags           text[]        NOT NULL DEFAULT '{}',
    cover_url      varchar(1000),
    cover_alt      varchar(300),
    cover_caption  varchar(500),
    author_name    varchar(120)  NOT NULL,
    status         varchar(16)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    published_at   timestamptz,
    owner_token_id bigint REFERENCES api_tokens (id) ON DELETE SET NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    created_by     varchar(120)  NOT NULL,
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    updated_by     varchar(120)  NOT NULL,
    version        integer       NOT NULL DEFAULT 0,
    CHECK (status = 'DRAFT' OR published_at IS NOT NULL),
    search_vector  tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', bantin_unaccent(title)), 'A') ||
        setweight(to_tsvector('simple', bantin_unaccent(summary)), 'B') ||
        setweight(to_tsvector('simple', bantin_unaccent(regexp_replace(body, '<[^>]*>', ' ', 'g'))), 'C')
    ) STORED
);

-- Public lists: published articles, newest first, optionally within one category.
CREATE INDEX articles_published_idx ON articles (published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX articles_category_published_idx ON articles (category_id, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
CREATE INDEX articles_search_idx ON articles USING gin (search_vector);
