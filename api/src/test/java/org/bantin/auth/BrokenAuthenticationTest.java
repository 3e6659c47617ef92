package org.bantin.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * OWASP API2:2023 Broken Authentication: guessing tokens is throttled per address, expired
 * tokens and the bootstrap token stop working, and tokens are read from the Authorization header only.
 */
@QuarkusTest
@TestProfile(BrokenAuthenticationTest.FewFailuresBehindAProxy.class)
class BrokenAuthenticationTest extends ApiTest {

    private static final int FAILURES_ALLOWED = 5;

    public static class FewFailuresBehindAProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.auth.failures.burst", Integer.toString(FAILURES_ALLOWED),
                    "bantin.auth.failures.refill", "1",
                    "bantin.auth.failures.refill-period", "1H",
                    "bantin.admin-token.bootstrap-only", "true",
                    "bantin.proxy.forwarding", "true",
                    "bantin.proxy.trusted", "127.0.0.1");
        }
    }

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {

        @Override
        public void publish(LogRecord record) {
            logged.add(String.format(record.getMessage(),
                    record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("org.bantin.auth").addHandler(logCapture);
    }

    @AfterEach
    void endNamedAdmins() {
        Logger.getLogger("org.bantin.auth").removeHandler(logCapture);
        // Named admins switch BANTIN_ADMIN_TOKEN off in this profile; the other tests need it.
        count("WITH revoked AS (UPDATE api_tokens SET revoked_at = now() WHERE role = 'ADMIN' AND revoked_at IS NULL RETURNING 1) SELECT count(*) FROM revoked");
    }

    /** Lets the tokens that match this SQL condition expire a second ago. */
    private void expire(String condition) {
        assertTrue(count("WITH expired AS (UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE " + condition
                + " RETURNING 1) SELECT count(*) FROM expired") > 0, condition);
    }

    /** A request that the trusted proxy (the test client on 127.0.0.1) forwards for this address. */
    private static RequestSpecification from(String address, String token) {
        return badRequest().header("X-Forwarded-For", address).header("Authorization", "Bearer " + token);
    }

    @Test
    void guessingTokensFromOneAddressIsThrottledAndThenEvenTheRightTokenWaits() {
        String editor = tokenWithRole("editor");
        String guesser = "203.0.113.40";
        for (int i = 1; i < FAILURES_ALLOWED; i++) {
            from(guesser, "bt_guess-" + i).get("/api/v1/admin/articles").then().statusCode(401);
        }
        from(guesser, editor).get("/api/v1/admin/articles").then().statusCode(200);
        from(guesser, "bt_guess-last").get("/api/v1/admin/articles").then().statusCode(401);

        from(guesser, "bt_guess-throttled").get("/api/v1/admin/articles").then().statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        from(guesser, editor).get("/api/v1/admin/articles").then().statusCode(429);

        from("203.0.113.41", editor).get("/api/v1/admin/articles").then().statusCode(200);
        from("203.0.113.41", "bt_guess-elsewhere").get("/api/v1/admin/articles").then().statusCode(401);

        assertTrue(logged.stream().filter(line -> line.contains(guesser)).count() > FAILURES_ALLOWED, logged.toString());
        assertTrue(logged.stream().anyMatch(line -> line.contains(guesser) && line.contains("throttled for")),
                logged.toString());
        assertFalse(logged.stream().anyMatch(line -> line.contains("bt_guess") || line.contains(editor)), logged.toString());
    }

    @Test
    void theEnvironmentAdminTokenStopsWhileANamedAdminTokenIsActive() {
        String address = "203.0.113.50";
        from(address, ADMIN_TOKEN).get("/api/v1/admin/tokens").then().statusCode(200);
        var named = admin().body(Map.of("name", "Quản trị hệ thống", "role", "admin")).post("/api/v1/admin/tokens")
                .then().statusCode(201).extract().jsonPath();

        from(address, ADMIN_TOKEN).get("/api/v1/admin/tokens").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("BANTIN_ADMIN_TOKEN"));
        from(address, named.getString("token")).get("/api/v1/admin/tokens").then().statusCode(200);

        expire("id = " + named.getLong("id"));
        from(address, ADMIN_TOKEN).get("/api/v1/admin/tokens").then().statusCode(200);

        var second = admin().body(Map.of("name", "Quản trị thứ hai", "role", "admin")).post("/api/v1/admin/tokens")
                .then().statusCode(201).extract().jsonPath();
        from(address, ADMIN_TOKEN).get("/api/v1/admin/tokens").then().statusCode(401);
        from(address, second.getString("token")).delete("/api/v1/admin/tokens/" + second.getLong("id")).then().statusCode(200);
        from(address, ADMIN_TOKEN).get("/api/v1/admin/tokens").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedAndItsHolderIsToldWhy() {
        String editor = tokenWithRole("editor");
        String address = "203.0.113.60";
        from(address, editor).get("/api/v1/admin/articles").then().statusCode(200);
        expire("token_hash = sha256(convert_to('" + editor + "', 'UTF8'))");

        from(address, editor).get("/api/v1/admin/articles").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("expired"));
        from(address, "bt_never-issued").get("/api/v1/admin/articles").then().statusCode(401)
                .body("detail", not(containsString("expired")));
    }

    @Test
    void aTokenOutsideTheAuthorizationHeaderIsIgnored() {
        String editor = tokenWithRole("editor");
        for (String parameter : List.of("access_token", "token", "bearer")) {
            badRequest().queryParam(parameter, editor).get("/api/v1/admin/articles").then().statusCode(401);
        }
        badRequest().cookie("access_token", editor).get("/api/v1/admin/articles").then().statusCode(401);
    }
}
