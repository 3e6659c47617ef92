-- The saved states of any content (articles now, other types later), keyed by type and id so that
-- every type shares one table. Numbers run 1, 2, ... per content; the unique key refuses a
-- duplicate number should two saves of one content ever race past the content's row lock. Its index
-- also serves the listing (one content, newest first), read backwards.
CREATE TABLE revisions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_type varchar(40)  NOT NULL,
    content_id   bigint       NOT NULL,
    number       int          NOT NULL CHECK (number > 0),
    data         jsonb        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    created_by   varchar(120) NOT NULL,
    token_id     bigint,
    UNIQUE (content_type, content_id, number)
);
