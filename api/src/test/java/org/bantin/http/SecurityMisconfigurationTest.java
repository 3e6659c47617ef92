package org.bantin.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * OWASP API8:2023 Security Misconfiguration: every response carries the security headers (cache
 * hits, problems and static files too), and of Quarkus' /q/ only the contract and health answer.
 */
@QuarkusTest
@TestProfile(SecurityMisconfigurationTest.WithTheResponseCache.class)
class SecurityMisconfigurationTest extends ApiTest {

    public static class WithTheResponseCache implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true");
        }
    }

    private static void assertSecurityHeaders(ValidatableResponse response) {
        response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'; sandbox"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        String slug = newPublishedArticle("Tiêu đề bảo mật").slug();
        for (int read = 0; read < 3; read++) { // the first from the database, the others from memory
            assertSecurityHeaders(api().get("/api/v1/articles/" + slug).then().statusCode(200));
            assertSecurityHeaders(api().get("/api/v1/articles").then().statusCode(200));
        }
        assertSecurityHeaders(api().get("/api/v1/articles/khong-co-bai-nay").then().statusCode(404));
        assertSecurityHeaders(badRequest().get("/api/v1/admin/articles").then().statusCode(401));
        assertSecurityHeaders(given().get("/media/demo/de-an-06.svg").then().statusCode(200));
        assertSecurityHeaders(given().get("/q/openapi").then().statusCode(200));
    }

    @Test
    void onlyTheContractAndHealthAreServedUnderQ() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        for (String hidden : new String[]{"/q/metrics", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui", "/q/dev",
                "/q/arc", "/q/arc/beans", "/q/info", "/q/env", "/q/openapi/../../etc/passwd"}) {
            int status = given().get(hidden).then().extract().statusCode();
            assertTrue(status == 404 || status == 400, hidden + " answered " + status);
        }
    }
}
