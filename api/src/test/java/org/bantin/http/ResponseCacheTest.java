package org.bantin.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The public read path with its in-memory cache on, as in production. */
@QuarkusTest
@TestProfile(ResponseCacheTest.CacheOn.class)
class ResponseCacheTest extends ApiTest {

    public static class CacheOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true", "bantin.response-cache.ttl", "1H",
                    "quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessions;

    /** SQL statements the API sent while `request` ran. */
    private long statementsDuring(Runnable request) {
        long before = sessions.getStatistics().getPrepareStatementCount();
        request.run();
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    @Test
    void aCachedReadNeedsNoDatabase() {
        PublishedArticle article = newPublishedArticle("Đọc từ bộ nhớ đệm");
        String etag = api().get("/api/v1/articles/" + article.slug()).then().statusCode(200).extract().header("ETag");
        assertEquals(0, statementsDuring(() -> api().get("/api/v1/articles/" + article.slug()).then().statusCode(200)
                .header("ETag", etag).header("Cache-Control", equalTo("public, max-age=30, stale-while-revalidate=60"))));
        assertEquals(0, statementsDuring(() -> api().header("If-None-Match", etag).get("/api/v1/articles/" + article.slug())
                .then().statusCode(304).header("ETag", etag)));
        assertEquals(0, statementsDuring(() -> api().header("Origin", "https://tin.example.gov.vn")
                .get("/api/v1/articles/" + article.slug()).then().statusCode(200).contentType("application/json")
                .header("Access-Control-Allow-Origin", "https://tin.example.gov.vn")));
    }

    @Test
    void editorsChangesAreServedAtOnce() {
        PublishedArticle article = newPublishedArticle("Tin gốc");
        String path = "/api/v1/articles/" + article.slug();
        api().get(path).then().statusCode(200);
        api().queryParam("limit", 100).get("/api/v1/articles").then().body("items.slug", hasItem(article.slug()));

        admin().contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("title", "Tin đã sửa"))
                .patch("/api/v1/admin/articles/" + article.id()).then().statusCode(200);
        api().get(path).then().statusCode(200).body("title", equalTo("Tin đã sửa"));

        admin().post("/api/v1/admin/articles/" + article.id() + "/unpublish").then().statusCode(200);
        api().get(path).then().statusCode(404);
        api().queryParam("limit", 100).get("/api/v1/articles").then().body("items.slug", not(hasItem(article.slug())));

        admin().post("/api/v1/admin/articles/" + article.id() + "/publish").then().statusCode(200);
        api().get(path).then().statusCode(200);
        admin().delete("/api/v1/admin/articles/" + article.id()).then().statusCode(204);
        api().get(path).then().statusCode(404);

        api().get("/api/v1/categories").then().statusCode(200);
        String category = newCategory("Chuyên mục mới");
        api().get("/api/v1/categories").then().body("slug", hasItem(category));
    }

    @Test
    void aChangeCommittedByAnotherInstanceIsServedWithinASecond() throws Exception {
        PublishedArticle article = newPublishedArticle("Tin trên hai máy chủ");
        String path = "/api/v1/articles/" + article.slug();
        api().get(path).then().statusCode(200);
        // Another instance's change reaches this one only through the database.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE articles SET title = ? WHERE id = ?")) {
            update.setString(1, "Tin sửa ở máy chủ khác");
            update.setLong(2, article.id());
            assertEquals(1, update.executeUpdate());
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        String title;
        do {
            title = api().get(path).then().statusCode(200).extract().path("title");
        } while (!title.equals("Tin sửa ở máy chủ khác") && System.nanoTime() < deadline);
        assertEquals("Tin sửa ở máy chủ khác", title);
    }

    @Test
    void publicReadsTakeAFixedNumberOfStatementsWhateverTheirSize() throws SQLException {
        String category = newCategory("Nhiều bài");
        for (int i = 0; i < 30; i++) {
            var created = admin().body(Map.of("title", "Bài " + i, "category", category, "tags", java.util.List.of("CCHC")))
                    .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath();
            admin().post("/api/v1/admin/articles/" + created.getLong("id") + "/publish").then().statusCode(200);
        }
        long small = statementsDuring(() -> api().queryParam("category", category).queryParam("limit", 2)
                .get("/api/v1/articles").then().statusCode(200));
        long large = statementsDuring(() -> api().queryParam("category", category).queryParam("limit", 30)
                .get("/api/v1/articles").then().statusCode(200));
        assertEquals(small, large, "statements for 2 articles vs 30");
        assertTrue(large <= 4, large + " statements for a list page");
        PublishedArticle article = newPublishedArticle("Một bài");
        long one = statementsDuring(() -> api().get("/api/v1/articles/" + article.slug()).then().statusCode(200));
        assertTrue(one <= 2, one + " statements for an article");
        long categories = statementsDuring(() -> api().get("/api/v1/categories").then().statusCode(200));
        assertTrue(categories <= 1, categories + " statements for the categories");
    }
}
