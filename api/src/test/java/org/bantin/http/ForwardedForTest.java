package org.bantin.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.bantin.support.Challenges;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Behind trusted proxies the reader is the rightmost X-Forwarded-For address that is not a proxy:
 * what a client writes to the left of it cannot buy a fresh rate-limit bucket.
 */
@QuarkusTest
@TestProfile(ForwardedForTest.BehindTwoProxies.class)
class ForwardedForTest extends ApiTest {

    public static class BehindTwoProxies implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.voter-tokens.burst", "2",
                    "bantin.rate-limit.voter-tokens.refill", "1",
                    "bantin.rate-limit.voter-tokens.refill-period", "1H",
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "127.0.0.1, 10.0.0.0/8");
        }
    }

    private static int tokenRequest(String forwardedFor) {
        return api().header("X-Forwarded-For", forwardedFor).body(Challenges.solved()).post("/api/v1/voters").then().extract()
                .statusCode();
    }

    @Test
    void addressesTheClientPutsLeftOfTheProxysDoNotCount() {
        assertEquals(201, tokenRequest("203.0.113.1, 198.51.100.1"));
        assertEquals(201, tokenRequest("203.0.113.2, 198.51.100.1"));
        assertEquals(429, tokenRequest("203.0.113.3, 198.51.100.1"));
        assertEquals(201, tokenRequest("198.51.100.2"));
    }

    @Test
    void trustedHopsAreSkippedFromTheRight() {
        assertEquals(201, tokenRequest("203.0.113.10, 198.51.100.20, 10.1.2.3"));
        assertEquals(201, tokenRequest("198.51.100.20, 10.9.9.9"));
        assertEquals(429, tokenRequest("192.0.2.99, 198.51.100.20,10.1.2.3"));
    }

    @Test
    void repeatedHeadersAreReadInOrder() {
        api().header("X-Forwarded-For", "203.0.113.30").header("X-Forwarded-For", "198.51.100.30")
                .body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201);
        assertEquals(201, tokenRequest("198.51.100.30"));
        assertEquals(429, tokenRequest("198.51.100.30"));
    }

    @Test
    void aValueThatIsNotAnAddressFallsBackToTheConnection() {
        badRequest().header("X-Forwarded-For", "unknown").contentType("application/json")
                .body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201);
        badRequest().header("X-Forwarded-For", "198.51.100.40, not-an-address").contentType("application/json")
                .body(Challenges.solved()).post("/api/v1/voters").then()
                .statusCode(201);
        // Both counted for the connection (127.0.0.1), whose bucket is now empty.
        badRequest().header("X-Forwarded-For", "[::1]:80").contentType("application/json")
                .body(Challenges.solved()).post("/api/v1/voters").then().statusCode(429)
                .body("status", equalTo(429));
    }
}
