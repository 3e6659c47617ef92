package org.bantin.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SiteApiTest extends ApiTest {

    private static final String FRONT_END = "https://tin.example.gov.vn";

    @Test
    void theSiteTellsItsNameWelcomeLineAndTimeZone() {
        String etag = api().get("/api/v1/site").then().statusCode(200)
                .body("name", equalTo("Cổng thông tin điện tử"))
                .body("tagline", equalTo("Chào mừng bạn đến với Cổng thông tin điện tử"))
                .body("timeZone", equalTo("Asia/Ho_Chi_Minh"))
                .header("Cache-Control", containsString("public")).extract().header("ETag");
        api().header("If-None-Match", etag).get("/api/v1/site").then().statusCode(304);
    }

    @Test
    void theConfiguredFrontEndMayCallTheApiFromItsBrowsers() {
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,voter-token")
                .options("/api/v1/articles/any/rating").then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Allow-Headers", containsString("Voter-Token"))
                .header("Access-Control-Allow-Headers", not(containsString("Authorization")))
                .header("Access-Control-Allow-Methods", not(containsString("DELETE")));
        given().header("Origin", FRONT_END).get("/api/v1/site").then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void otherOriginsAreNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/articles/any/rating").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/site").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
