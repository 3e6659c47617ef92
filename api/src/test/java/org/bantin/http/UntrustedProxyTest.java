package org.bantin.http;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.bantin.support.Challenges;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** X-Forwarded-For from a connection that is not a trusted proxy is ignored: no one can dodge the limit with it. */
@QuarkusTest
@TestProfile(UntrustedProxyTest.SmallLimitsUntrustedClient.class)
class UntrustedProxyTest extends ApiTest {

    public static class SmallLimitsUntrustedClient implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.voter-tokens.burst", "2",
                    "bantin.rate-limit.voter-tokens.refill", "1",
                    "bantin.rate-limit.voter-tokens.refill-period", "1H",
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "192.0.2.1");
        }
    }

    @Test
    void forwardedAddressesFromAnUntrustedClientDoNotCount() {
        api().header("X-Forwarded-For", "203.0.113.1").body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201);
        api().header("X-Forwarded-For", "203.0.113.2").body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201);
        api().header("X-Forwarded-For", "203.0.113.3").body(Challenges.solved()).post("/api/v1/voters").then().statusCode(429);
    }
}
