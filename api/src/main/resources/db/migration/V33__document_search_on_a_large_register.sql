-- Document searches that stay fast on a register of tens of thousands (api/bench/documents, 50,000).

-- The status rule on its own, given whether a published document replaces this one: a plain expression
-- the planner inlines, so a search filtered by status joins the replaced documents once instead of running
-- a sub-query for every row.
CREATE FUNCTION bantin_document_status_of(replaced boolean, effective date, expires date, today date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN replaced THEN 'replaced'
        WHEN expires IS NOT NULL AND expires <= today THEN 'expired'
        WHEN effective IS NOT NULL AND effective > today THEN 'not_yet_in_force'
        ELSE 'in_force'
    END;

-- The documents a published document replaces.
CREATE VIEW replaced_documents AS
    SELECT DISTINCT r.to_id AS id
    FROM document_relations r JOIN documents d ON d.id = r.from_id
    WHERE r.kind = 'replaces' AND d.published;

-- The status of one document, as before, now from the two above (its one home).
CREATE OR REPLACE FUNCTION bantin_document_status(document bigint, effective date, expires date, today date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN bantin_document_status_of(EXISTS (SELECT 1 FROM replaced_documents r WHERE r.id = document),
                                     effective, expires, today);

-- Filters compare without case, tones and marks (PublicDocuments); these keep them off a full scan.
CREATE INDEX documents_issuer_key_idx ON documents (lower(bantin_unaccent(issuer))) WHERE published;
CREATE INDEX documents_field_key_idx ON documents (lower(bantin_unaccent(field))) WHERE published;
CREATE INDEX documents_signer_trgm_idx ON documents USING gin (lower(bantin_unaccent(signer_name)) gin_trgm_ops)
    WHERE published;
