package org.bantin.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The demo's consultations: one open on a draft decision, one closed with its summary and published comments. */
@QuarkusTest
class DemoConsultationsTest extends ApiTest {

    @Inject
    DemoConsultations demo;

    @Test
    void theDemoHasAnOpenConsultationAndAClosedOneWithItsSummary() {
        QuarkusTransaction.requiringNew().run(demo::load);
        JsonPath open = api().queryParam("status", "open").queryParam("limit", 100).get("/api/v1/consultations").then()
                .statusCode(200).extract().jsonPath();
        long openId = open.getLong("items.find { it.title.contains('Quyết định ban hành Quy định') }.id");
        assertEquals(2, count("SELECT count(*) FROM consultation_comments WHERE consultation_id = " + openId));
        api().get("/api/v1/consultations/" + openId).then().statusCode(200).body("document.number", equalTo("Dự thảo"));

        JsonPath closed = api().queryParam("status", "closed").queryParam("limit", 100).get("/api/v1/consultations").then()
                .statusCode(200).extract().jsonPath();
        long closedId = closed.getLong("items.find { it.title.contains('chuyển đổi số') }.id");
        api().get("/api/v1/consultations/" + closedId).then().statusCode(200).body("summary", notNullValue());
        List<String> names = api().get("/api/v1/consultations/" + closedId + "/comments").then().statusCode(200).extract()
                .jsonPath().getList("items.name");
        assertEquals(List.of("Phạm Quốc Hưng", "Đinh Thị Lan"), names);
    }
}
