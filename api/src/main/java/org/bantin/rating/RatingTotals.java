package org.bantin.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.bantin.content.Visibility;
import org.bantin.database.SqlErrors;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.rating.RatingRecords.RatingLine;
import org.bantin.rating.RatingRecords.ScoreCounts;

/** Reads the sharded rating totals (rating_totals), summing an article's 16 shards. */
@ApplicationScoped
public class RatingTotals {

    private final EntityManager entityManager;
    private final BallotCaps ballotCaps;

    RatingTotals(EntityManager entityManager, BallotCaps ballotCaps) {
        this.entityManager = entityManager;
        this.ballotCaps = ballotCaps;
    }

    /** The rating line of each article; articles nobody rated get {@link RatingLine#NONE}. */
    public Map<Long, RatingLine> linesOf(List<Long> articleIds) {
        Map<Long, RatingLine> lines = new HashMap<>();
        articleIds.forEach(id -> lines.put(id, RatingLine.NONE));
        if (articleIds.isEmpty()) {
            return lines;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT article_id, sum(points), sum(ratings) FROM rating_totals
                WHERE article_id IN (:ids) GROUP BY article_id""", Object[].class)
                .setParameter("ids", articleIds).getResultList();
        rows.forEach(row -> lines.put(((Number) row[0]).longValue(),
                RatingLine.of(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
        return lines;
    }

    public RatingLine lineOf(long articleId) {
        return linesOf(List.of(articleId)).get(articleId);
    }

    /** Points, count and the count of each score. */
    Totals totalsOf(long articleId) {
        return Totals.of((Object[]) entityManager.createNativeQuery("""
                SELECT coalesce(sum(points), 0), coalesce(sum(ratings), 0), coalesce(sum(score_1), 0),
                       coalesce(sum(score_2), 0), coalesce(sum(score_3), 0), coalesce(sum(score_4), 0),
                       coalesce(sum(score_5), 0)
                FROM rating_totals WHERE article_id = ?1""").setParameter(1, articleId).getSingleResult());
    }

    /**
     * Records a voter's score for a visible article (see the rate_article function) and returns the
     * new totals, in one statement; none when no visible article has this slug.
     */
    Optional<Totals> rate(String slug, byte[] voter, int score, BallotCaps.Cap cap) {
        try {
            List<Object[]> rows = entityManager
                    .createNativeQuery("SELECT r.* FROM articles a, rate_capped_article(a.id, ?2, CAST(?3 AS smallint), ?4, "
                            + "CAST(?5 AS integer)) r WHERE a.slug = ?1 AND " + Visibility.sql("a"), Object[].class)
                    .setParameter(1, slug).setParameter(2, voter).setParameter(3, score).setParameter(4, cap.addressHash())
                    .setParameter(5, cap.perHour()).getResultList();
            return rows.stream().findFirst().map(Totals::of);
        } catch (PersistenceException e) {
            ballotCaps.refuseIfCapReached(e);
            // The article was deleted between finding it and recording the rating.
            if (SqlErrors.isForeignKeyViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The id of an article readers may see. */
    Optional<Long> visibleArticleId(String slug) {
        List<Number> ids = entityManager
                .createNativeQuery("SELECT a.id FROM articles a WHERE a.slug = ?1 AND " + Visibility.sql("a"))
                .setParameter(1, slug).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    record Totals(long points, long count, ScoreCounts distribution) {

        /** From a row of points, count, and the counts of scores 1 to 5. */
        static Totals of(Object[] row) {
            long[] values = new long[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = ((Number) row[i]).longValue();
            }
            return new Totals(values[0], values[1], new ScoreCounts(values[2], values[3], values[4], values[5], values[6]));
        }

        double average() {
            return count == 0 ? 0 : RatingRecords.roundedAverage(points, count);
        }
    }
}
