-- When an editor cleared an article's ratings, who did, and how many ratings were removed.
CREATE TABLE rating_resets (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      bigint       NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reset_at        timestamptz  NOT NULL DEFAULT now(),
    reset_by        varchar(120) NOT NULL,
    ratings_removed bigint       NOT NULL
);

CREATE INDEX rating_resets_article_idx ON rating_resets (article_id);
