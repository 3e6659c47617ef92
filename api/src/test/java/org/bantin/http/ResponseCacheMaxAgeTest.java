package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** No cached response outlives its max-age, not even an article whose ratings stand still. */
@QuarkusTest
@TestProfile(ResponseCacheMaxAgeTest.ShortMaxAge.class)
class ResponseCacheMaxAgeTest extends ApiTest {

    private static final long TTL_MILLIS = 500;
    private static final long MAX_AGE_MILLIS = 2000;

    public static class ShortMaxAge implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true", "bantin.response-cache.ttl", TTL_MILLIS + "MS",
                    "bantin.response-cache.max-age", MAX_AGE_MILLIS + "MS", "quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessions;

    /** Reads the article every 20 ms for `millis`; returns the SQL statements the API sent meanwhile. */
    private long statementsWhileReading(String slug, long millis) throws InterruptedException {
        long before = sessions.getStatistics().getPrepareStatementCount();
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            api().get("/api/v1/articles/" + slug).then().statusCode(200);
            Thread.sleep(20);
        }
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    @Test
    void anArticleWhoseRatingsStandStillIsReadAnewWithinItsMaxAge() throws InterruptedException {
        PublishedArticle article = newPublishedArticle("Bài không ai chấm");
        statementsWhileReading(article.slug(), 2 * TTL_MILLIS); // read, then kept fresh by its unchanged ratings
        assertTrue(statementsWhileReading(article.slug(), 2 * MAX_AGE_MILLIS) > 0, "read anew over twice its max-age");
    }
}
