-- Review before publishing. An article's working copy (the article itself until it is live, then
-- the pending version beside the live one) is being written (NONE), waits for an editor
-- (IN_REVIEW), was sent back with a comment (CHANGES_REQUESTED) or was approved by a first editor
-- where its category needs a second one (APPROVED). Publishing makes the working copy live and
-- starts again at NONE.
ALTER TABLE articles
    ADD COLUMN review            varchar(20) NOT NULL DEFAULT 'NONE'
        CHECK (review IN ('NONE', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED')),
    ADD COLUMN submitted_at      timestamptz,
    ADD COLUMN approved_by       varchar(120),
    ADD COLUMN approved_token_id bigint,
    ADD COLUMN review_comment    varchar(2000),
    ADD COLUMN review_comment_by varchar(120),
    ADD COLUMN review_comment_at timestamptz,
    -- The revision that holds the pending version of a live article; its own columns stay as
    -- readers see them until that version is published.
    ADD COLUMN pending_revision  int,
    ADD CHECK (review = 'NONE' OR submitted_at IS NOT NULL),
    ADD CHECK (review <> 'APPROVED' OR approved_by IS NOT NULL),
    ADD CHECK (pending_revision IS NULL OR status = 'PUBLISHED');

-- The editors' queue: what waits for review, oldest first.
CREATE INDEX articles_in_review_idx ON articles (submitted_at, id) WHERE review IN ('IN_REVIEW', 'APPROVED');

-- Every workflow step of any content type: who moved it from which state to which, when, and why
-- (the comment of a request for changes). Rows are only added.
CREATE TABLE content_transitions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_type varchar(40)   NOT NULL,
    content_id   bigint        NOT NULL,
    from_state   varchar(20)   NOT NULL,
    to_state     varchar(20)   NOT NULL,
    comment      varchar(2000),
    actor        varchar(120)  NOT NULL,
    token_id     bigint,
    at           timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX content_transitions_content_idx ON content_transitions (content_type, content_id, id);

-- Articles live before revisions were marked published (V24): their newest revision is what readers
-- see, kept from pruning like every published one.
UPDATE revisions SET published = true
WHERE id IN (SELECT DISTINCT ON (r.content_id) r.id
             FROM revisions r JOIN articles a ON a.id = r.content_id
             WHERE r.content_type = 'article' AND a.status = 'PUBLISHED'
             ORDER BY r.content_id, r.number DESC);
