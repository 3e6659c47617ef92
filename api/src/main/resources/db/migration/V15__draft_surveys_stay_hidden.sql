-- A survey that was never opened (by hand or by opens_at) stays a draft even after its
-- closes_at has passed: before, such a draft turned "closed" and so became public.
-- Survey.state in Java reads the same for an entity.
CREATE FUNCTION survey_has_opened(s surveys) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT s.status <> 'DRAFT' OR coalesce(s.opens_at <= now(), false)
$$;

CREATE OR REPLACE FUNCTION survey_is_closed(s surveys) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT survey_has_opened(s) AND (s.status = 'CLOSED' OR coalesce(s.closes_at <= now(), false))
$$;

CREATE OR REPLACE FUNCTION survey_is_open(s surveys) RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT survey_has_opened(s) AND NOT survey_is_closed(s)
$$;
