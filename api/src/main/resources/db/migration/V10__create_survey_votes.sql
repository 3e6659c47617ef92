-- Votes: one ballot per (survey, voter), enforced by the primary key; the options it chose
-- reference options of the same survey, and an option that has votes cannot be deleted.
CREATE TABLE survey_ballots (
    survey_id bigint      NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    voter_id  bytea       NOT NULL,
    voted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, voter_id)
);

CREATE TABLE survey_ballot_options (
    survey_id bigint NOT NULL,
    voter_id  bytea  NOT NULL,
    option_id bigint NOT NULL,
    PRIMARY KEY (survey_id, voter_id, option_id),
    FOREIGN KEY (survey_id, voter_id) REFERENCES survey_ballots (survey_id, voter_id) ON DELETE CASCADE,
    -- NO ACTION, checked at the end of the statement: deleting a whole survey (which cascades to
    -- its ballots too) works, deleting an option that has votes does not.
    FOREIGN KEY (survey_id, option_id) REFERENCES survey_options (survey_id, id) ON DELETE NO ACTION
);

CREATE INDEX survey_ballot_options_option_idx ON survey_ballot_options (option_id);

-- Totals kept in each vote's own transaction, over 16 shard rows (picked by voter) so that
-- concurrent votes do not queue on one row; readers sum the shards.
CREATE TABLE survey_totals (
    survey_id bigint   NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    shard     smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
    voters    bigint   NOT NULL,
    PRIMARY KEY (survey_id, shard)
);

CREATE TABLE survey_option_totals (
    option_id bigint   NOT NULL REFERENCES survey_options (id) ON DELETE CASCADE,
    shard     smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
    votes     bigint   NOT NULL,
    PRIMARY KEY (option_id, shard)
);

-- Whether a survey is open or closed now, by hand (status) or by its times. The one definition,
-- used by the queries and by cast_vote; Survey.state in Java reads the same for an entity.
CREATE FUNCTION survey_is_closed(s surveys) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT s.status = 'CLOSED' OR coalesce(s.closes_at <= now(), false)
$$;

CREATE FUNCTION survey_is_open(s surveys) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT NOT survey_is_closed(s) AND (s.status = 'OPEN' OR coalesce(s.opens_at <= now(), false))
$$;

-- A survey's results from its sharded totals: one row per option, in order, each with the
-- number of voters of the whole survey.
CREATE FUNCTION survey_results(p_survey bigint)
    RETURNS TABLE (option_id bigint, text varchar, votes bigint, voters bigint)
    LANGUAGE sql STABLE AS
$$
SELECT o.id, o.text, coalesce(sum(t.votes), 0)::bigint,
       (SELECT coalesce(sum(s.voters), 0) FROM survey_totals s WHERE s.survey_id = p_survey)::bigint
FROM survey_options o
LEFT JOIN survey_option_totals t ON t.option_id = o.id
WHERE o.survey_id = p_survey
GROUP BY o.id, o.text, o.position
ORDER BY o.position
$$;

-- Casts a ballot after checking it against the survey as it is at this moment (open, offered
-- options, how many may be chosen) and moves the totals, in one round trip. Returns `counted`
-- with the survey's results visibility, or why not: `no-survey`, `not-open`, `too-many`,
-- `not-offered`, `already-voted` (a second vote, or a retry of the first); then nothing changed.
CREATE FUNCTION cast_vote(p_survey bigint, p_voter bytea, p_options bigint[])
    RETURNS TABLE (outcome text, results_visibility varchar)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    survey surveys;
    voter_shard smallint := get_byte(p_voter, 0) % 16;
    choice_limit integer;
BEGIN
    SELECT * INTO survey FROM surveys WHERE id = p_survey;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'no-survey', NULL::varchar;
        RETURN;
    END IF;
    IF NOT survey_is_open(survey) THEN
        RETURN QUERY SELECT 'not-open', survey.results_visibility;
        RETURN;
    END IF;
    choice_limit := CASE WHEN survey.multiple_choice THEN coalesce(survey.max_choices, cardinality(p_options)) ELSE 1 END;
    IF cardinality(p_options) > choice_limit THEN
        RETURN QUERY SELECT 'too-many', survey.results_visibility;
        RETURN;
    END IF;
    IF (SELECT count(*) FROM survey_options o WHERE o.survey_id = p_survey AND o.id = ANY (p_options)) <> cardinality(p_options) THEN
        RETURN QUERY SELECT 'not-offered', survey.results_visibility;
        RETURN;
    END IF;
    INSERT INTO survey_ballots (survey_id, voter_id) VALUES (p_survey, p_voter) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'already-voted', survey.results_visibility;
        RETURN;
    END IF;
    INSERT INTO survey_ballot_options (survey_id, voter_id, option_id)
    SELECT p_survey, p_voter, chosen FROM unnest(p_options) AS chosen;
    INSERT INTO survey_totals AS t (survey_id, shard, voters) VALUES (p_survey, voter_shard, 1)
    ON CONFLICT (survey_id, shard) DO UPDATE SET voters = t.voters + 1;
    INSERT INTO survey_option_totals AS t (option_id, shard, votes)
    SELECT chosen, voter_shard, 1 FROM unnest(p_options) AS chosen
    ON CONFLICT (option_id, shard) DO UPDATE SET votes = t.votes + 1;
    RETURN QUERY SELECT 'counted', survey.results_visibility;
END
$$;
