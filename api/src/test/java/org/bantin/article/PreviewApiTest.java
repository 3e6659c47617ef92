package org.bantin.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PreviewApiTest extends ApiTest {

    private long draft(String token, String title) {
        String category = admin().body(Map.of("name", "Xem trước " + System.nanoTime())).post("/api/v1/admin/categories")
                .then().statusCode(201).extract().path("slug");
        return as(token).body(Map.of("title", title, "category", category, "body", "<p>Bản nháp chưa đăng.</p>"))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath link(String token, long article) {
        return as(token).post("/api/v1/admin/articles/" + article + "/preview").then().statusCode(201)
                .header("Location", startsWith("http")).body("token", startsWith("pv_"))
                .body("expiresAt", notNullValue()).extract().jsonPath();
    }

    @Test
    void aLinkShowsADraftAsItWouldBePublishedAndNothingElse() {
        String title = "Dự thảo kế hoạch chuyển đổi số " + System.nanoTime();
        long article = draft(ADMIN_TOKEN, title);
        JsonPath link = link(ADMIN_TOKEN, article);
        assertEquals("/api/v1/preview/" + link.getString("token"), link.getString("url"));
        String slug = api().get(link.getString("url")).then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .body("title", equalTo(title)).body("body", equalTo("<p>Bản nháp chưa đăng.</p>"))
                .body("publishedAt", notNullValue()).extract().path("slug");
        badRequest().get("/api/v1/articles/" + slug).then().statusCode(404);
        // The token is no API token.
        badRequest().header("Authorization", "Bearer " + link.getString("token")).get("/api/v1/admin/articles/" + article)
                .then().statusCode(401);
        badRequest().get("/api/v1/preview/pv_khong-co-lien-ket-nay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void revokedAndExpiredLinksAre404() throws SQLException {
        long article = draft(ADMIN_TOKEN, "Bài xem trước bị thu hồi " + System.nanoTime());
        String revoked = link(ADMIN_TOKEN, article).getString("url");
        api().get(revoked).then().statusCode(200);
        admin().delete("/api/v1/admin/articles/" + article + "/preview").then().statusCode(204);
        badRequest().get(revoked).then().statusCode(404);

        JsonPath expiring = link(ADMIN_TOKEN, article);
        api().get(expiring.getString("url")).then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement expire = connection.prepareStatement(
                        "UPDATE preview_links SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND content_type = 'article' AND content_id = ?")) {
            expire.setLong(1, article);
            assertEquals(1, expire.executeUpdate());
        }
        badRequest().get(expiring.getString("url")).then().statusCode(404);
    }

    @Test
    void deletingTheArticleForgetsItsLinks() {
        long article = draft(ADMIN_TOKEN, "Bài nháp sẽ xóa " + System.nanoTime());
        String url = link(ADMIN_TOKEN, article).getString("url");
        admin().delete("/api/v1/admin/articles/" + article).then().statusCode(204);
        badRequest().get(url).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM preview_links WHERE content_type = 'article' AND content_id = " + article));
    }

    @Test
    void authorsPreviewOnlyWhatTheyMayRead() {
        String author = tokenWithRole("author");
        long own = draft(author, "Bài nháp của phóng viên " + System.nanoTime());
        long others = draft(ADMIN_TOKEN, "Bài nháp của biên tập " + System.nanoTime());
        api().get(link(author, own).getString("url")).then().statusCode(200);
        badRequest().header("Authorization", "Bearer " + author).contentType("application/json")
                .post("/api/v1/admin/articles/" + others + "/preview").then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM preview_links WHERE content_type = 'article' AND content_id = " + others));
    }
}
