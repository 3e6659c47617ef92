-- Consultation on draft documents (lấy ý kiến dự thảo): readers comment on a draft while it is open; staff moderate
-- and answer; approved comments and the agency's summary are published once it closes. Personal data follows Decree
-- 13/2023/NĐ-CP: only what is needed, erased after the retention period (org.bantin.consultation.PersonalDataRetention).
CREATE TABLE consultations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    -- A document under consultation cannot be deleted.
    document_id  bigint NOT NULL REFERENCES documents (id),
    opens_at     timestamptz NOT NULL,
    closes_at    timestamptz NOT NULL,
    -- The agency's summary of the responses; readers see it once the consultation has closed.
    summary      text,
    published    boolean NOT NULL DEFAULT false,
    published_at timestamptz,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      integer NOT NULL DEFAULT 0,
    CHECK (closes_at > opens_at)
);

CREATE INDEX consultations_published_idx ON consultations (opens_at DESC, id DESC) WHERE published;
CREATE INDEX consultations_document_idx ON consultations (document_id);

-- The one home of a consultation's status at a moment: comments are taken from opens_at (included) to closes_at
-- (excluded). Mirrored by org.bantin.consultation.ConsultationStatus.
CREATE FUNCTION bantin_consultation_status(opens timestamptz, closes timestamptz, at timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN at < opens THEN 'upcoming' WHEN at < closes THEN 'open' ELSE 'closed' END;

-- One reader's comment. Email (and, unless published, the name) is personal data erased after the retention period:
-- hence nullable. `approved` and `answered` comments are the ones readers see once the consultation closes.
CREATE TABLE consultation_comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id bigint NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    name            text,
    email           text,
    organisation    text NOT NULL DEFAULT '',
    comment         text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'answered')),
    reason          text,
    answer          text,
    moderated_by    text,
    moderated_at    timestamptz,
    answered_by     text,
    answered_at     timestamptz,
    created_at      timestamptz NOT NULL,
    CHECK (status <> 'rejected' OR reason IS NOT NULL),
    CHECK (status <> 'answered' OR answer IS NOT NULL)
);

CREATE INDEX consultation_comments_idx ON consultation_comments (consultation_id, status, id);

-- A comment's attached file, kept apart from the public media library: only staff download it.
CREATE TABLE consultation_comment_files (
    comment_id   bigint PRIMARY KEY REFERENCES consultation_comments (id) ON DELETE CASCADE,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL
);

-- Comments count against the same per-address, per-hour cap across instances as ballots (count_ballot, V14), with
-- the consultation as target.
ALTER TABLE ballot_counts DROP CONSTRAINT ballot_counts_kind_check,
    ADD CONSTRAINT ballot_counts_kind_check CHECK (kind IN ('survey', 'article', 'comment'));

-- Other API instances drop their cached public responses when readers' view of consultations changes (a bare table
-- name drops everything): a published consultation, or a published comment. A new comment is pending: nobody's view.
CREATE FUNCTION notify_consultations_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bantin_content', 'consultations');
    RETURN NULL;
END;
$$;

CREATE TRIGGER consultations_notify_updated
    AFTER UPDATE ON consultations
    FOR EACH ROW WHEN (OLD.published OR NEW.published) EXECUTE FUNCTION notify_consultations_changed();

CREATE TRIGGER consultations_notify_deleted
    AFTER DELETE ON consultations
    FOR EACH ROW WHEN (OLD.published) EXECUTE FUNCTION notify_consultations_changed();

CREATE TRIGGER consultation_comments_notify_updated
    AFTER UPDATE ON consultation_comments
    FOR EACH ROW WHEN ((OLD.status IN ('approved', 'answered') OR NEW.status IN ('approved', 'answered'))
        AND (OLD.status, OLD.name, OLD.organisation, OLD.comment, OLD.answer, OLD.answered_at)
            IS DISTINCT FROM (NEW.status, NEW.name, NEW.organisation, NEW.comment, NEW.answer, NEW.answered_at))
    EXECUTE FUNCTION notify_consultations_changed();
