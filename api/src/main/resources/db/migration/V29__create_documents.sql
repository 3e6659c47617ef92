-- Legal documents (văn bản pháp luật) that Decree 42/2022/NĐ-CP asks a state portal to publish.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The kinds of documents editors may choose from; a row added here is a new choice.
CREATE TABLE document_types (
    name     text PRIMARY KEY CHECK (name = btrim(name) AND name <> ''),
    position integer NOT NULL
);

INSERT INTO document_types (name, position) VALUES
    ('Luật', 1), ('Nghị định', 2), ('Thông tư', 3), ('Quyết định', 4), ('Chỉ thị', 5), ('Công văn', 6),
    ('Kế hoạch', 7), ('Nghị quyết', 8), ('Thông báo', 9);

CREATE TABLE documents (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            text NOT NULL UNIQUE,
    number          text NOT NULL,
    type            text NOT NULL REFERENCES document_types (name) ON UPDATE CASCADE,
    issuer          text NOT NULL DEFAULT '',
    signer_name     text NOT NULL DEFAULT '',
    signer_position text NOT NULL DEFAULT '',
    field           text NOT NULL DEFAULT '',
    issued_at       date,
    effective_at    date,
    expires_at      date,
    summary         text NOT NULL DEFAULT '',
    published       boolean NOT NULL DEFAULT false,
    published_at    timestamptz,
    owner_token_id  bigint,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 0,
    -- The symbol as searched: without case, tones and marks, so `qd-ubnd` finds `QĐ-UBND`.
    number_key      text GENERATED ALWAYS AS (lower(bantin_unaccent(number))) STORED,
    search_vector   tsvector GENERATED ALWAYS AS (to_tsvector('simple', bantin_unaccent(number || ' ' || summary))) STORED,
    CHECK (expires_at IS NULL OR effective_at IS NULL OR expires_at > effective_at)
);

CREATE INDEX documents_number_trgm_idx ON documents USING gin (number_key gin_trgm_ops);
CREATE INDEX documents_search_idx ON documents USING gin (search_vector);
CREATE INDEX documents_issued_idx ON documents (issued_at DESC NULLS LAST, id DESC) WHERE published;

-- The files of a document, in the order editors gave; a file in use cannot be deleted from the library.
CREATE TABLE document_media (
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    media_id    bigint NOT NULL REFERENCES media (id),
    position    integer NOT NULL,
    PRIMARY KEY (document_id, media_id)
);

-- A relation is stored once, from the newer document's side: `from` replaces, amends or guides `to`.
CREATE TABLE document_relations (
    from_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind IN ('replaces', 'amends', 'guides')),
    to_id   bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (from_id, kind, to_id),
    CHECK (from_id <> to_id)
);

CREATE INDEX document_relations_to_idx ON document_relations (to_id, kind);

-- The one home of a document's legal status on a given day (statuses are derived, never stored):
-- replaced by a published document, else expired from expires_at on, else not yet in force before
-- effective_at, else in force.
CREATE FUNCTION bantin_document_status(document bigint, effective date, expires date, today date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE
        WHEN EXISTS (SELECT 1 FROM document_relations r JOIN documents d ON d.id = r.from_id
                     WHERE r.to_id = document AND r.kind = 'replaces' AND d.published) THEN 'replaced'
        WHEN expires IS NOT NULL AND expires <= today THEN 'expired'
        WHEN effective IS NOT NULL AND effective > today THEN 'not_yet_in_force'
        ELSE 'in_force'
    END;

-- Other API instances drop their cached public responses when readers' view of documents changes: a
-- published document changed or deleted, or one published or unpublished (drafts are nobody's view). Its
-- files and relations are saved in the transaction that updates its row, so these triggers cover them.
-- NOTIFY sends one of identical payloads per transaction.
CREATE FUNCTION notify_documents_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bantin_content', 'documents');
    RETURN NULL;
END;
$$;

-- A document is created as a draft: its insert changes no reader's view.
CREATE TRIGGER documents_notify_updated
    AFTER UPDATE ON documents
    FOR EACH ROW WHEN (OLD.published OR NEW.published) EXECUTE FUNCTION notify_documents_changed();

CREATE TRIGGER documents_notify_deleted
    AFTER DELETE ON documents
    FOR EACH ROW WHEN (OLD.published) EXECUTE FUNCTION notify_documents_changed();
