-- Rating totals per article, kept exact by updating them in each rating's own transaction.
-- Each article's totals are spread over 16 shard rows (picked by voter), so that concurrent
-- ratings of one popular article do not all queue on one row; readers sum the shards.
CREATE TABLE rating_totals (
    article_id bigint   NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    shard      smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
    ratings    bigint   NOT NULL,
    points     bigint   NOT NULL,
    score_1    bigint   NOT NULL,
    score_2    bigint   NOT NULL,
    score_3    bigint   NOT NULL,
    score_4    bigint   NOT NULL,
    score_5    bigint   NOT NULL,
    PRIMARY KEY (article_id, shard)
);

-- Records a voter's score for an article (a new rating, or a changed one), moves the totals by
-- the difference and returns the article's new totals: one round trip per rating. A repeated
-- identical rating changes nothing. Concurrent calls for the same (article, voter), such as a
-- client's retry, are serialised by the row lock (or by the unique key when the row is new), so
-- each is counted exactly once.
CREATE FUNCTION rate_article(p_article bigint, p_voter bytea, p_score smallint)
    RETURNS TABLE (points bigint, ratings bigint, score_1 bigint, score_2 bigint, score_3 bigint, score_4 bigint, score_5 bigint)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    previous smallint;
BEGIN
    LOOP
        SELECT score INTO previous FROM ratings WHERE article_id = p_article AND voter_id = p_voter FOR UPDATE;
        IF FOUND THEN
            EXIT WHEN previous = p_score;
            UPDATE ratings SET score = p_score, rated_at = now() WHERE article_id = p_article AND voter_id = p_voter;
            EXIT;
        END IF;
        INSERT INTO ratings (article_id, voter_id, score) VALUES (p_article, p_voter, p_score) ON CONFLICT DO NOTHING;
        -- Not inserted: a concurrent call inserted the row first; read it again, now committed.
        EXIT WHEN FOUND;
    END LOOP;
    IF previous IS DISTINCT FROM p_score THEN
        INSERT INTO rating_totals AS t (article_id, shard, ratings, points, score_1, score_2, score_3, score_4, score_5)
        VALUES (p_article, get_byte(p_voter, 0) % 16,
                CASE WHEN previous IS NULL THEN 1 ELSE 0 END,
                p_score - coalesce(previous, 0),
                (p_score = 1)::int - (previous IS NOT DISTINCT FROM 1)::int,
                (p_score = 2)::int - (previous IS NOT DISTINCT FROM 2)::int,
                (p_score = 3)::int - (previous IS NOT DISTINCT FROM 3)::int,
                (p_score = 4)::int - (previous IS NOT DISTINCT FROM 4)::int,
                (p_score = 5)::int - (previous IS NOT DISTINCT FROM 5)::int)
        ON CONFLICT (article_id, shard) DO UPDATE
            SET ratings = t.ratings + excluded.ratings,
                points  = t.points + excluded.points,
                score_1 = t.score_1 + excluded.score_1,
                score_2 = t.score_2 + excluded.score_2,
                score_3 = t.score_3 + excluded.score_3,
                score_4 = t.score_4 + excluded.score_4,
                score_5 = t.score_5 + excluded.score_5;
    END IF;
    RETURN QUERY SELECT coalesce(sum(t.points), 0)::bigint, coalesce(sum(t.ratings), 0)::bigint,
                        coalesce(sum(t.score_1), 0)::bigint, coalesce(sum(t.score_2), 0)::bigint,
                        coalesce(sum(t.score_3), 0)::bigint, coalesce(sum(t.score_4), 0)::bigint,
                        coalesce(sum(t.score_5), 0)::bigint
                 FROM rating_totals t WHERE t.article_id = p_article;
END
$$;
