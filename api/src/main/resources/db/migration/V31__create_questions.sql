-- Citizens' questions (hỏi đáp) that Decree 42/2022/NĐ-CP asks a state portal to answer: a reader asks,
-- staff route the question to a unit, answer it and publish question and answer. Each staff step is a
-- row of content_transitions (content type 'question').

-- The topics readers choose from; a row added here is a new choice.
CREATE TABLE question_topics (
    name     text PRIMARY KEY CHECK (name = btrim(name) AND name <> ''),
    position integer NOT NULL
);

INSERT INTO question_topics (name, position) VALUES
    ('Thủ tục hành chính', 1), ('Đất đai', 2), ('Xây dựng', 3), ('Giáo dục', 4), ('Y tế', 5),
    ('Lao động – Việc làm', 6), ('Thuế – Phí', 7), ('Thông tin – Truyền thông', 8), ('Khác', 9);

CREATE TABLE questions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The asker (personal data, Decree 13/2023/NĐ-CP): readers see the name only shortened; email and
    -- phone are for the answer alone and are erased once the retention after settling has passed.
    name              text NOT NULL CHECK (name <> ''),
    email             text,
    phone             text,
    topic             text NOT NULL REFERENCES question_topics (name) ON UPDATE CASCADE,
    question          text NOT NULL CHECK (question <> ''),
    state             text NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'assigned', 'answered', 'published', 'rejected')),
    unit              text,
    answer            text,
    answered_by       text,
    answered_at       timestamptz,
    reject_reason     text,
    -- Asking is consenting: a question is only taken with consent, at this time.
    asked_at          timestamptz NOT NULL,
    published_at      timestamptz,
    -- When it was last answered or rejected: the contact's retention runs from then.
    settled_at        timestamptz,
    contact_erased_at timestamptz,
    updated_at        timestamptz NOT NULL,
    version           integer NOT NULL DEFAULT 0,
    search_vector     tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', bantin_unaccent(question || ' ' || coalesce(answer, '')))) STORED,
    CHECK (email IS NOT NULL OR phone IS NOT NULL OR contact_erased_at IS NOT NULL),
    CHECK (state IN ('new', 'rejected') OR unit IS NOT NULL),
    CHECK (state NOT IN ('answered', 'published') OR (answer IS NOT NULL AND answered_at IS NOT NULL)),
    CHECK (state <> 'rejected' OR reject_reason IS NOT NULL)
);

CREATE INDEX questions_search_idx ON questions USING gin (search_vector);
-- The staff's queue, oldest first.
CREATE INDEX questions_queue_idx ON questions (state, asked_at, id);
-- What readers see, newest answer first.
CREATE INDEX questions_published_idx ON questions (answered_at DESC, id DESC) WHERE state = 'published';
-- What the retention job looks for.
CREATE INDEX questions_contact_idx ON questions (settled_at) WHERE contact_erased_at IS NULL;

-- Other API instances drop their cached public responses when readers' view of questions changes: one
-- published, unpublished, or changed while published. A question is asked unpublished: its insert changes
-- no reader's view, and none is deleted.
CREATE FUNCTION notify_questions_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bantin_content', 'questions');
    RETURN NULL;
END;
$$;

CREATE TRIGGER questions_notify_updated
    AFTER UPDATE ON questions
    FOR EACH ROW WHEN (OLD.state = 'published' OR NEW.state = 'published') EXECUTE FUNCTION notify_questions_changed();
