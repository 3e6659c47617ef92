-- Ballots (survey votes, ratings) per client address, survey or article, and clock hour (UTC),
-- so that a cap holds across every instance. The address is only ever stored as an HMAC under a
-- server key, and only for the hour it counts in: older rows are deleted by a periodic job
-- (org.bantin.ratelimit.ExpiredLimits).
CREATE TABLE ballot_counts (
    kind         varchar(10) NOT NULL CHECK (kind IN ('survey', 'article')),
    target_id    bigint      NOT NULL,
    address_hash bytea       NOT NULL,
    hour         timestamptz NOT NULL,
    ballots      integer     NOT NULL,
    PRIMARY KEY (kind, target_id, address_hash, hour)
);

CREATE INDEX ballot_counts_hour_idx ON ballot_counts (hour);

-- Counts one ballot, or raises SQLSTATE BT429 when this address has reached the cap for the
-- target this hour: the caller's statement is then rolled back whole and nothing is stored.
-- A null cap counts nothing (limits turned off).
CREATE FUNCTION count_ballot(p_kind varchar, p_target bigint, p_address bytea, p_cap integer)
    RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF p_cap IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO ballot_counts AS c (kind, target_id, address_hash, hour, ballots)
    VALUES (p_kind, p_target, p_address, date_trunc('hour', now(), 'UTC'), 1)
    ON CONFLICT (kind, target_id, address_hash, hour) DO UPDATE SET ballots = c.ballots + 1
        WHERE c.ballots < p_cap;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ballot cap reached' USING ERRCODE = 'BT429';
    END IF;
END
$$;

-- cast_vote, counting only a ballot that was counted: a refused vote (a second one, a closed
-- survey) uses none of the address's allowance.
CREATE FUNCTION cast_capped_vote(p_survey bigint, p_voter bytea, p_options bigint[], p_address bytea, p_cap integer)
    RETURNS TABLE (outcome text, results_visibility varchar)
    LANGUAGE plpgsql AS
$$
DECLARE
    vote record;
BEGIN
    SELECT * INTO vote FROM cast_vote(p_survey, p_voter, p_options);
    IF vote.outcome = 'counted' THEN
        PERFORM count_ballot('survey', p_survey, p_address, p_cap);
    END IF;
    RETURN QUERY SELECT vote.outcome, vote.results_visibility;
END
$$;

-- rate_article, counting every rating sent (a new score, a changed one or the same again).
CREATE FUNCTION rate_capped_article(p_article bigint, p_voter bytea, p_score smallint, p_address bytea, p_cap integer)
    RETURNS TABLE (points bigint, ratings bigint, score_1 bigint, score_2 bigint, score_3 bigint, score_4 bigint, score_5 bigint)
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM count_ballot('article', p_article, p_address, p_cap);
    RETURN QUERY SELECT * FROM rate_article(p_article, p_voter, p_score);
END
$$;
