package org.bantin.rating;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.bantin.article.Article;
import org.bantin.auth.Caller;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.bantin.ratelimit.BallotCaps;
import org.bantin.rating.RatingRecords.RatingDay;
import org.bantin.rating.RatingRecords.RatingReport;
import org.bantin.rating.RatingRecords.RatingReset;
import org.bantin.rating.RatingRecords.RatingSummary;
import org.bantin.rating.RatingTotals.Totals;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Owns readers' ratings: one per (article, voter), on published articles only, with exact totals. */
@ApplicationScoped
public class RatingService {

    private final EntityManager entityManager;
    private final RatingTotals totals;
    private final ZoneId zone;

    RatingService(EntityManager entityManager, RatingTotals totals, @ConfigProperty(name = "bantin.time-zone") ZoneId zone) {
        this.entityManager = entityManager;
        this.totals = totals;
        this.zone = zone;
    }

    /**
     * Records (or replaces) this voter's score and answers with the totals including it. No
     * transaction is opened: the one statement commits on its own before the answer is sent. A
     * rating past the cap of this client's address (see count_ballot) changes nothing.
     */
    RatingSummary rate(String slug, byte[] voter, int score, BallotCaps.Cap cap) {
        Totals updated = totals.rate(slug, voter, score, cap).orElseThrow(() -> notVisible(slug));
        return new RatingSummary(updated.average(), updated.count(), updated.distribution(), score);
    }

    RatingSummary summary(String slug, Optional<byte[]> voter) {
        long articleId = visibleArticle(slug);
        return summary(articleId, voter.map(id -> scoreOf(articleId, id)).orElse(null));
    }

    RatingReport report(long articleId) {
        requireArticle(articleId, LockModeType.NONE);
        List<Object[]> days = entityManager.createNativeQuery("""
                SELECT CAST(rated_at AT TIME ZONE :zone AS date), count(*), sum(score) FROM ratings
                WHERE article_id = :article GROUP BY 1 ORDER BY 1""", Object[].class)
                .setParameter("zone", zone.getId()).setParameter("article", articleId).getResultList();
        List<Object[]> resets = entityManager.createNativeQuery("""
                SELECT reset_at, reset_by, ratings_removed FROM rating_resets WHERE article_id = ?1 ORDER BY id""",
                Object[].class).setParameter(1, articleId).getResultList();
        return new RatingReport(summary(articleId, null), days.stream().map(RatingService::day).toList(),
                resets.stream().map(RatingService::reset).toList());
    }

    /** Removes every rating of the article, and records who did it and how many went. */
    @Transactional
    RatingReport clear(long articleId, Caller caller) {
        // Locking the article holds back new ratings (their foreign key needs a share lock on it),
        // so that no rating can land between the two deletes and be left out of the totals.
        requireArticle(articleId, LockModeType.PESSIMISTIC_WRITE);
        int removed = entityManager.createNativeQuery("DELETE FROM ratings WHERE article_id = ?1")
                .setParameter(1, articleId).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM rating_totals WHERE article_id = ?1")
                .setParameter(1, articleId).executeUpdate();
        entityManager.createNativeQuery("INSERT INTO rating_resets (article_id, reset_by, ratings_removed) VALUES (?1, ?2, ?3)")
                .setParameter(1, articleId).setParameter(2, caller.name()).setParameter(3, removed).executeUpdate();
        return report(articleId);
    }

    private static void requireArticle(long articleId, LockModeType lock) {
        if (Article.findById(articleId, lock) == null) {
            throw ProblemException.notFound("No article with id " + articleId + ".");
        }
    }

    private RatingSummary summary(long articleId, Integer myScore) {
        Totals current = totals.totalsOf(articleId);
        return new RatingSummary(current.average(), current.count(), current.distribution(), myScore);
    }

    private Integer scoreOf(long articleId, byte[] voter) {
        List<Number> scores = entityManager.createNativeQuery(
                "SELECT score FROM ratings WHERE article_id = ?1 AND voter_id = ?2")
                .setParameter(1, articleId).setParameter(2, voter).getResultList();
        return scores.isEmpty() ? null : scores.get(0).intValue();
    }

    private long visibleArticle(String slug) {
        return totals.visibleArticleId(slug).orElseThrow(() -> notVisible(slug));
    }

    private static ProblemException notVisible(String slug) {
        return ProblemException.notFound("No published article has the slug '" + slug + "'.");
    }

    private static RatingReset reset(Object[] row) {
        return new RatingReset(Timestamps.of(row[0]), (String) row[1], ((Number) row[2]).longValue());
    }

    private static RatingDay day(Object[] row) {
        long count = ((Number) row[1]).longValue();
        return new RatingDay((LocalDate) row[0], count, RatingRecords.roundedAverage(((Number) row[2]).longValue(), count));
    }
}
