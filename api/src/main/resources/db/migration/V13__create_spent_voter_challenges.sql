-- Proof-of-work challenges already exchanged for a voter token: each solution is used once.
-- A row is kept until its challenge expires (after that the challenge is refused anyway), then
-- deleted by a periodic job (org.bantin.ratelimit.ExpiredLimits).
CREATE TABLE spent_voter_challenges (
    challenge  bytea       PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

CREATE INDEX spent_voter_challenges_expires_idx ON spent_voter_challenges (expires_at);
