package org.bantin.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.bantin.support.Challenges;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Readers are limited per address; behind a trusted proxy, per the address the proxy names. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimitsBehindAProxy.class)
class RateLimitTest extends ApiTest {

    public static class SmallLimitsBehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.voter-tokens.burst", "3",
                    "bantin.rate-limit.voter-tokens.refill", "1",
                    "bantin.rate-limit.voter-tokens.refill-period", "1H",
                    "bantin.rate-limit.votes.burst", "2",
                    "bantin.rate-limit.votes.refill", "1",
                    "bantin.rate-limit.votes.refill-period", "1H",
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "127.0.0.1");
        }
    }

    private static String newVoterFrom(String address) {
        return api().header("X-Forwarded-For", address).body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201)
                .extract().path("token");
    }

    @Test
    void tooManyTokensFromOneAddressGetA429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            newVoterFrom("203.0.113.5");
        }
        api().header("X-Forwarded-For", "203.0.113.5").body(Challenges.solved()).post("/api/v1/voters").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue()).body("status", equalTo(429));
        newVoterFrom("203.0.113.6");
    }

    @Test
    void tooManyRatingsFromOneAddressGetA429AndAreNotCounted() {
        PublishedArticle article = newPublishedArticle("Giới hạn đánh giá");
        String address = "198.51.100.7";
        for (int i = 0; i < 2; i++) {
            api().header("X-Forwarded-For", address).header("Voter-Token", newVoterFrom("198.51.100.8"))
                    .body(Map.of("score", 5)).put("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(200);
        }
        api().header("X-Forwarded-For", address).header("Voter-Token", newVoterFrom("198.51.100.9"))
                .body(Map.of("score", 5)).put("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(429)
                .header("Retry-After", notNullValue());
        api().get("/api/v1/articles/" + article.slug() + "/rating").then().body("count", equalTo(2));
    }

    @Test
    void ipv6ClientsOfOneSlash56ShareABucket() {
        newVoterFrom("2001:db8:7:100::1");
        newVoterFrom("2001:db8:7:1ff::2");
        newVoterFrom("2001:db8:7:1ab:cd::3");
        api().header("X-Forwarded-For", "2001:db8:7:142::9").body(Challenges.solved()).post("/api/v1/voters").then()
                .statusCode(429);
        newVoterFrom("2001:db8:7:200::1");
    }
}
