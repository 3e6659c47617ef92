package org.bantin.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
                    "bantin.response-cache.max-age", "2H",
                    "quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessions;

    @Inject
    ResponseCache cache;

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
        api().get(path).then().statusCode(200).body("title", startsWith("Tin gốc "));
        admin().post("/api/v1/admin/articles/" + article.id() + "/publish").then().statusCode(200);
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

    @Test
    void unknownParametersAreRefusedAndAddNoEntries() {
        api().get("/api/v1/articles").then().statusCode(200);
        long entries = cache.size();
        for (int i = 0; i < 20; i++) {
            badRequest().queryParam("x", i).get("/api/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("x"));
        }
        badRequest().queryParam("PAGE", 2).get("/api/v1/articles").then().statusCode(400);
        assertEquals(entries, cache.size());
    }

    @Test
    void aListReadInAnyOrderOrSpellingOfItsParametersIsOneEntry() {
        String category = newCategory("Thứ tự tham số");
        api().queryParam("category", category).get("/api/v1/articles").then().statusCode(200);
        long entries = cache.size();
        String path = "/api/v1/articles?category=" + category;
        for (String query : new String[]{"&page=1&limit=20", "&limit=20&page=1", "&page=01&limit=+20", "&limit=20&page=",
                "&q=%20&tag=", "&category=another"}) {
            // Spellings the contract does not show (+20, blank values), but the endpoint reads alike.
            assertEquals(0,
                    statementsDuring(() -> badRequest().urlEncodingEnabled(false).get(path + query).then().statusCode(200)
                            .body("limit", equalTo(20)).body("page", equalTo(1))),
                    query);
        }
        assertEquals(entries, cache.size());
    }

    @Test
    void aPercentEncodedSlugIsTheSameEntryAsThePlainOne() {
        PublishedArticle article = newPublishedArticle("Mã hóa phần trăm");
        String slug = article.slug();
        api().get("/api/v1/articles/" + slug).then().statusCode(200);
        long entries = cache.size();
        String encoded = "%" + Integer.toHexString(slug.charAt(0)) + slug.substring(1).replace("-", "%2D");
        assertEquals(0, statementsDuring(() -> api().urlEncodingEnabled(false).get("/api/v1/articles/" + encoded).then()
                .statusCode(200).body("slug", equalTo(slug))));
        assertEquals(entries, cache.size());
    }

    @Test
    void aRefreshRequestedFromOutsideIsAnsweredFromTheCache() {
        PublishedArticle article = newPublishedArticle("Làm mới từ bên ngoài");
        String path = "/api/v1/articles/" + article.slug();
        api().get(path).then().statusCode(200);
        for (String value : new String[]{"1", "", "0123456789abcdef0123456789abcdef"}) {
            assertEquals(0, statementsDuring(() -> api().header("Bantin-Refresh", value).get(path).then().statusCode(200)),
                    "Bantin-Refresh: " + value);
        }
    }

    @Test
    void aBrokenListeningConnectionDropsTheCacheAndListeningResumes() throws Exception {
        PublishedArticle article = newPublishedArticle("Kết nối lắng nghe bị cắt");
        String path = "/api/v1/articles/" + article.slug();
        awaitCached(path);
        long cut = count("SELECT pid FROM pg_stat_activity WHERE application_name = 'bantin-content-notifications'");
        assertTrue(count("SELECT count(pg_terminate_backend(" + cut + "))") == 1);
        awaitTrue(() -> cache.size() == 0, "the cache is dropped");
        awaitTrue(() -> count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'bantin-content-notifications'"
                + " AND pid <> " + cut + " AND query IN ('LISTEN bantin_content', 'SELECT 1')") == 1, "listening again");

        awaitCached(path);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE articles SET title = ? WHERE id = ?")) {
            update.setString(1, "Tin sửa sau khi nối lại");
            update.setLong(2, article.id());
            assertEquals(1, update.executeUpdate());
        }
        awaitTrue(() -> "Tin sửa sau khi nối lại".equals(api().get(path).then().statusCode(200).extract().path("title")),
                "another instance's change is served");
    }

    /**
     * Reads the path until it is cached: the notifications of the changes that made it, or of a
     * reconnection, may come a few milliseconds after the read and drop it once more.
     */
    private void awaitCached(String path) throws InterruptedException {
        awaitTrue(() -> {
            api().get(path).then().statusCode(200);
            return cache.size() > 0;
        }, "the article is cached");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            Thread.sleep(20);
        }
    }
}
