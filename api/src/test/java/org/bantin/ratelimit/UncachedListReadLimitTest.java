package org.bantin.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Article lists the response cache cannot answer are limited per address; the ones it answers,
 * and the refreshes an instance sends itself, are not counted.
 */
@QuarkusTest
@TestProfile(UncachedListReadLimitTest.SmallLimitBehindAProxy.class)
class UncachedListReadLimitTest extends ApiTest {

    private static final long TTL_MILLIS = 2000;

    public static class SmallLimitBehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.response-cache.enabled", "true",
                    "bantin.response-cache.ttl", TTL_MILLIS + "MS",
                    "bantin.rate-limit.uncached-list-reads.burst", "3",
                    "bantin.rate-limit.uncached-list-reads.refill", "1",
                    "bantin.rate-limit.uncached-list-reads.refill-period", "1H",
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "127.0.0.1");
        }
    }

    private static ValidatableResponse search(String address, String words) {
        var request = api();
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return request.queryParam("q", words).get("/api/v1/articles").then();
    }

    @Test
    void searchesTheCacheCannotAnswerAreLimitedPerAddress() {
        search("192.0.2.10", "gioi han mot").statusCode(200);
        search("192.0.2.10", "gioi han mot").statusCode(200); // answered from memory: not counted
        search("192.0.2.10", "gioi han hai").statusCode(200);
        search("192.0.2.10", "gioi han ba").statusCode(200);
        search("192.0.2.10", "gioi han bon").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        search("192.0.2.11", "gioi han bon").statusCode(200);
    }

    @Test
    void theInstancesOwnRefreshesAreNotCounted() throws InterruptedException {
        PublishedArticle article = newPublishedArticle("Bài tìm lại");
        String words = article.slug().substring(article.slug().lastIndexOf('-') + 1);
        // The refreshes come from this instance's own address, whose reads are used up first.
        for (String used : new String[]{"da dung mot", "da dung hai", "da dung ba"}) {
            search(null, used).statusCode(200);
        }
        search(null, "da dung bon").statusCode(429);

        search("192.0.2.20", words).statusCode(200).body("items[0].rating.count", equalTo(0));
        api().header("Voter-Token", newVoter()).body(Map.of("score", 4)).put("/api/v1/articles/" + article.slug() + "/rating")
                .then().statusCode(200);
        Thread.sleep(TTL_MILLIS + 200);
        // Past its freshness: still answered from memory, and read anew by the instance itself.
        search("192.0.2.21", words).statusCode(200).body("items[0].rating.count", equalTo(0));
        // The stale entry is kept for another ttl: a refused refresh would leave it showing no rating.
        int shown = 0;
        for (long until = System.nanoTime() + (TTL_MILLIS - 400) * 1_000_000L; shown == 0 && System.nanoTime() < until;) {
            Thread.sleep(50);
            shown = search("192.0.2.21", words).statusCode(200).extract().path("items[0].rating.count");
        }
        assertEquals(1, shown, "the refresh was refused");
    }
}
