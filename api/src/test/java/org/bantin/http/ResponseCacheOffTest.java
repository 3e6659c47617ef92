package org.bantin.http;

import static org.hamcrest.Matchers.equalTo;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The article list reads its query as the cache's keys do (CacheKeys), with the cache off as the tests have it. */
@QuarkusTest
class ResponseCacheOffTest extends ApiTest {

    @Test
    void unknownListParametersAreRefusedWithTheCacheOffToo() {
        badRequest().queryParam("x", 1).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("x"));
        badRequest().queryParam("PAGE", 2).get("/api/v1/articles").then().statusCode(400);
        api().queryParam("page", 1).get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void theListSplitsItsQueryAtSemicolonsAndTakesTheFirstOfRepeatedParameters() {
        badRequest().urlEncodingEnabled(false).get("/api/v1/articles?limit=1;page=2&limit=3").then().statusCode(200)
                .body("limit", equalTo(1)).body("page", equalTo(2));
        badRequest().urlEncodingEnabled(false).get("/api/v1/articles?limit=%D9%A2").then().statusCode(200)
                .body("limit", equalTo(2));
    }
}
