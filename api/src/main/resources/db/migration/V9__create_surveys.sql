-- Surveys (the sidebar "Khảo sát"). A survey is open from /open or from opens_at, and closed
-- from /close or from closes_at; status records only what editors did by hand.
CREATE TABLE surveys (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question           varchar(500)  NOT NULL,
    description        varchar(2000) NOT NULL DEFAULT '',
    multiple_choice    boolean       NOT NULL,
    max_choices        integer CHECK (max_choices >= 1),
    opens_at           timestamptz,
    closes_at          timestamptz,
    results_visibility varchar(16)   NOT NULL CHECK (results_visibility IN ('ALWAYS', 'AFTER_VOTE', 'AFTER_CLOSE', 'NEVER')),
    status             varchar(16)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    created_at         timestamptz   NOT NULL,
    created_by         varchar(120)  NOT NULL,
    updated_at         timestamptz   NOT NULL,
    updated_by         varchar(120)  NOT NULL,
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

CREATE TABLE survey_options (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id bigint       NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    text      varchar(300) NOT NULL,
    position  integer      NOT NULL,
    UNIQUE (survey_id, id),
    UNIQUE (survey_id, position) DEFERRABLE INITIALLY DEFERRED
);
