-- Readers' ratings: one row per (article, voter), the truth behind every rating count.
CREATE TABLE ratings (
    article_id bigint      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    voter_id   bytea       NOT NULL,
    score      smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, voter_id)
);
