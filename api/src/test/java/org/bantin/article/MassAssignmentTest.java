package org.bantin.article;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: clients cannot set the properties
 * the server owns (state, version, authorship, dates), and public reads show only public ones.
 */
@QuarkusTest
class MassAssignmentTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Thông báo");
    }

    @Test
    void serverOwnedPropertiesAreRefusedAndNothingIsWritten() {
        long before = count("SELECT count(*) FROM articles");
        Map<String, Object> serverOwned = Map.of("state", "published", "version", 7, "createdBy", "Giám đốc Sở", "id", 1,
                "publishedAt", "2024-01-01T00:00:00Z", "ownerTokenId", 1, "rating", Map.of("average", 5));
        for (var property : serverOwned.entrySet()) {
            badRequest().header("Authorization", "Bearer " + tokenWithRole("author")).contentType("application/json")
                    .body(Map.of("title", "Bài tự đăng", "category", category, property.getKey(), property.getValue()))
                    .post(ARTICLES).then().statusCode(400).body("errors[0].field", equalTo(property.getKey()));
        }
        assertEquals(before, count("SELECT count(*) FROM articles"));
    }

    @Test
    void aPatchCannotSetServerOwnedPropertiesEither() {
        long id = admin().body(Map.of("title", "Bản thảo", "category", category)).post(ARTICLES).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/merge-patch+json")
                .body("{\"state\": \"published\"}").patch(ARTICLES + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        admin().get(ARTICLES + "/" + id).then().body("state", equalTo("draft")).body("version", equalTo(0));
    }

    @Test
    void publicReadsShowOnlyPublicProperties() {
        String slug = newPublishedArticle("Bài công khai").slug();
        Map<String, Object> article = api().get("/api/v1/articles/" + slug).then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertEquals(Set.of("slug", "title", "summary", "body", "category", "tags", "author", "publishedAt", "updatedAt",
                "rating"), article.keySet());
        Map<String, Object> listed = api().get("/api/v1/articles?limit=1").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]");
        assertEquals(Set.of("slug", "title", "summary", "category", "tags", "author", "publishedAt", "rating"),
                listed.keySet());
    }
}
