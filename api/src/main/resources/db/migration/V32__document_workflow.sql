-- Legal documents go through the review articles go through (V25): the working copy (the document
-- itself until it is published, then its pending version, a revision, beside what readers see) is
-- being written (NONE), waits for an editor (IN_REVIEW), was sent back with a comment
-- (CHANGES_REQUESTED) or was approved by a first editor where its type needs a second one (APPROVED).
ALTER TABLE documents
    ADD COLUMN review            varchar(20) NOT NULL DEFAULT 'NONE'
        CHECK (review IN ('NONE', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED')),
    ADD COLUMN submitted_at      timestamptz,
    ADD COLUMN approved_by       varchar(120),
    ADD COLUMN approved_token_id bigint,
    ADD COLUMN review_comment    varchar(2000),
    ADD COLUMN review_comment_by varchar(120),
    ADD COLUMN review_comment_at timestamptz,
    ADD COLUMN pending_revision  int,
    ADD CHECK (review = 'NONE' OR submitted_at IS NOT NULL),
    ADD CHECK (review <> 'APPROVED' OR approved_by IS NOT NULL),
    ADD CHECK (pending_revision IS NULL OR published);

-- The editors' queue: what waits for review, oldest first.
CREATE INDEX documents_in_review_idx ON documents (submitted_at, id) WHERE review IN ('IN_REVIEW', 'APPROVED');

-- A type whose documents a second editor publishes, once a first one approved them (as categories
-- of articles in the settings' secondApprovalCategories).
ALTER TABLE document_types ADD COLUMN second_approval boolean NOT NULL DEFAULT false;
