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

-- Casts a ballot and moves the totals, in one round trip. Returns false, changing nothing, when
-- this voter has already voted in this survey (a second vote, or a retry of the first).
CREATE FUNCTION cast_vote(p_survey bigint, p_voter bytea, p_options bigint[]) RETURNS boolean
    LANGUAGE plpgsql AS
$$
DECLARE
    voter_shard smallint := get_byte(p_voter, 0) % 16;
BEGIN
    INSERT INTO survey_ballots (survey_id, voter_id) VALUES (p_survey, p_voter) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO survey_ballot_options (survey_id, voter_id, option_id)
    SELECT p_survey, p_voter, option_id FROM unnest(p_options) AS option_id;
    INSERT INTO survey_totals AS t (survey_id, shard, voters) VALUES (p_survey, voter_shard, 1)
    ON CONFLICT (survey_id, shard) DO UPDATE SET voters = t.voters + 1;
    INSERT INTO survey_option_totals AS t (option_id, shard, votes)
    SELECT option_id, voter_shard, 1 FROM unnest(p_options) AS option_id
    ON CONFLICT (option_id, shard) DO UPDATE SET votes = t.votes + 1;
    RETURN true;
END
$$;
