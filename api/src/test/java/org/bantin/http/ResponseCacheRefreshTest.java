package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A cached article read all the time is read anew in the background soon after its ttl when its
 * ratings move, and not at all while they stand still.
 */
@QuarkusTest
@TestProfile(ResponseCacheRefreshTest.ShortTtl.class)
class ResponseCacheRefreshTest extends ApiTest {

    private static final long TTL_MILLIS = 1000;

    public static class ShortTtl implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true", "bantin.response-cache.ttl", TTL_MILLIS + "MS",
                    "quarkus.log.category.\"org.bantin.http\".level", "DEBUG",
                    "quarkus.log.category.\"org.bantin.http\".min-level", "DEBUG", "quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessions;

    private static int ratingsShown(String slug) {
        return api().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("rating.count");
    }

    /** Reads the article until it shows a rating or `millis` have passed since `since`; returns the count. */
    private static int ratingsShownBy(String slug, long since, long millis) throws InterruptedException {
        int shown;
        do {
            Thread.sleep(20);
            shown = ratingsShown(slug);
        } while (shown == 0 && System.nanoTime() - since < millis * 1_000_000);
        return shown;
    }

    private static long cachedAndRated(String slug) {
        String voter = newVoter();
        long cached = System.nanoTime();
        assertEquals(0, ratingsShown(slug));
        api().header("Voter-Token", voter).body(Map.of("score", 5)).put("/api/v1/articles/" + slug + "/rating")
                .then().statusCode(200);
        assertEquals(0, ratingsShown(slug), "still the cached article");
        return cached;
    }

    /** Reads the article every 20 ms for `millis`; returns the SQL statements the API sent meanwhile. */
    private long statementsWhileReading(String slug, long millis) throws InterruptedException {
        long before = sessions.getStatistics().getPrepareStatementCount();
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            ratingsShown(slug);
            Thread.sleep(20);
        }
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    @Test
    void aCachedArticleWhoseRatingsStandStillIsNotReadAgain() throws InterruptedException {
        PublishedArticle article = newPublishedArticle("Bài chưa ai chấm");
        // Read once on the first request and once more after the ttl: its ratings are checked since.
        assertTrue(statementsWhileReading(article.slug(), TTL_MILLIS * 5 / 2) > 0);
        assertEquals(0, statementsWhileReading(article.slug(), 3 * TTL_MILLIS), "statements over three ttls");
    }

    @Test
    void aNewRatingShowsInAPopularCachedArticleSoonAfterTheTtl() throws InterruptedException {
        PublishedArticle first = newPublishedArticle("Bài làm nóng");
        ratingsShownBy(first.slug(), cachedAndRated(first.slug()), 3 * TTL_MILLIS); // the refresh path's first use

        PublishedArticle article = newPublishedArticle("Bài được chấm điểm");
        long cached = cachedAndRated(article.slug());
        // Sooner than the entry would expire (twice the ttl): it was read anew while in use.
        assertEquals(1, ratingsShownBy(article.slug(), cached, TTL_MILLIS * 3 / 2));
    }
}
