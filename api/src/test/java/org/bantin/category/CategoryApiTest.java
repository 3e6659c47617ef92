package org.bantin.category;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CategoryApiTest extends ApiTest {

    @Test
    void aCategoryGetsItsSlugFromItsVietnameseName() {
        admin().body(Map.of("name", "Đảng bộ – Đoàn thể", "description", "Tin hoạt động của Đảng bộ."))
                .post("/api/v1/admin/categories").then().statusCode(201)
                .body("slug", equalTo("dang-bo-doan-the")).body("articleCount", equalTo(0));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("name", "Đảng bộ  Đoàn thể")).post("/api/v1/admin/categories").then().statusCode(409);
    }

    @Test
    void updatingKeepsTheSlugUnlessANewOneIsGiven() {
        int id = admin().body(Map.of("name", "Thông báo " + System.nanoTime())).post("/api/v1/admin/categories")
                .then().statusCode(201).extract().path("id");
        String slug = admin().get("/api/v1/admin/categories/" + id).then().extract().path("slug");
        admin().body(Map.of("name", "Thông báo mới")).put("/api/v1/admin/categories/" + id).then().statusCode(200)
                .body("slug", equalTo(slug)).body("name", equalTo("Thông báo mới"));
        admin().body(Map.of("name", "Thông báo mới", "slug", slug + "-moi")).put("/api/v1/admin/categories/" + id)
                .then().statusCode(200).body("slug", equalTo(slug + "-moi"));
    }

    @Test
    void aCategoryInUseCannotBeDeleted() {
        String slug = newCategory("Hỏi đáp");
        int id = admin().get("/api/v1/admin/categories").then().extract().path("find { it.slug == '" + slug + "' }.id");
        admin().body(Map.of("title", "Câu hỏi thường gặp", "category", slug)).post("/api/v1/admin/articles").then()
                .statusCode(201);
        admin().delete("/api/v1/admin/categories/" + id).then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, count("SELECT count(*) FROM categories WHERE slug = '" + slug + "'"));

        String unused = newCategory("Tạm thời");
        int unusedId = admin().get("/api/v1/admin/categories").then().extract().path("find { it.slug == '" + unused + "' }.id");
        admin().delete("/api/v1/admin/categories/" + unusedId).then().statusCode(204);
        assertEquals(0, count("SELECT count(*) FROM categories WHERE slug = '" + unused + "'"));
    }
}
