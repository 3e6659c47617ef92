package org.bantin.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: a public list or search that the database
 * cannot answer within its time is cancelled and answered 503 with Retry-After, never left to run.
 */
@QuarkusTest
@TestProfile(PublicReadTimeoutTest.OneSecond.class)
class PublicReadTimeoutTest extends ApiTest {

    public static class OneSecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.public-reads.timeout", "1S");
        }
    }

    @Test
    void aSearchThatRunsPastItsTimeIsA503() throws Exception {
        newPublishedArticle("Cải cách hành chính");
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // Holds every read of the table: the search waits until its timeout cancels it.
            statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            try {
                // Without a timeout the search would wait for the lock: the client gives up after 10 s and fails.
                api().config(RestAssuredConfig.config().httpClient(
                        HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000)))
                        .queryParam("q", "cai cach hanh chinh").get("/api/v1/articles").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:bantin:problem:database-too-slow"));
            } finally {
                blocker.rollback();
            }
        }
        api().queryParam("q", "cai cach hanh chinh").get("/api/v1/articles").then().statusCode(200);
    }
}
