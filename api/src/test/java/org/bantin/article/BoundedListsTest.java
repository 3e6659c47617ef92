package org.bantin.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Public lists stay bounded however large the archive: lists are served 10,000 deep and searches
 * their newest matches, each counted no further (`totalExact` false beyond).
 */
@QuarkusTest
class BoundedListsTest extends ApiTest {

    @Test
    void listsBeyondTheirDepthAreAProblemThatAsksForDates() {
        api().queryParam("page", 500).queryParam("limit", 20).get("/api/v1/articles").then().statusCode(200);
        badRequest().queryParam("page", 501).queryParam("limit", 20).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"))
                .body("detail", containsString("from and to"));
        int lastSearchPage = ArticleSearch.DEPTH / 20;
        api().queryParam("q", "cai cach").queryParam("page", lastSearchPage).queryParam("limit", 20).get("/api/v1/articles")
                .then()
                .statusCode(200);
        badRequest().queryParam("q", "cai cach").queryParam("page", lastSearchPage + 1).queryParam("limit", 20)
                .get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"))
                .body("detail", containsString(ArticleSearch.DEPTH + " newest matches"));
    }

    @Test
    void aTagListCountsExactlyUpToItsDepth() throws SQLException {
        String marker = "sauthe" + System.nanoTime();
        insertPublished(marker, "Bài " + marker, "", 1, "2019-06-01T08:00:00+07:00");
        insertPublished(marker, "Bài mới " + marker, "", PublicArticleService.LIST_DEPTH, "2024-01-01T08:00:00+07:00");
        try {
            api().queryParam("tag", marker).get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(PublicArticleService.LIST_DEPTH)).body("totalExact", equalTo(false));
            api().queryParam("tag", marker).queryParam("page", 500).queryParam("limit", 20).get("/api/v1/articles").then()
                    .statusCode(200).body("items", hasSize(20)).body("totalExact", equalTo(false));
            // The oldest is within reach by date, and the narrower list is counted exactly.
            api().queryParam("tag", marker).queryParam("to", "2020-01-01").get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(1)).body("totalExact", equalTo(true))
                    .body("items[0].title", equalTo("Bài " + marker));
        } finally {
            delete(marker);
        }
    }

    @Test
    void aSearchRanksItsNewestMatchesOnly() throws SQLException {
        String marker = "xephang" + System.nanoTime();
        // The oldest article matches best (its title), but DEPTH + 2 newer ones match too: it is not among the newest DEPTH.
        insertPublished(marker, "Cũ nhất " + marker, "", 1, "2019-06-01T08:00:00+07:00");
        insertPublished(marker, "Tin trong tuần", "<p>Có nhắc đến " + marker + ".</p>", ArticleSearch.DEPTH,
                "2024-01-01T08:00:00+07:00");
        insertPublished(marker, "Mới trong tuần", "<p>Có nhắc đến " + marker + ".</p>", 1, "2024-02-01T08:00:00+07:00");
        insertPublished(marker, "Tiêu đề " + marker, "", 1, "2024-01-15T08:00:00+07:00");
        try {
            api().queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(ArticleSearch.DEPTH)).body("totalExact", equalTo(false))
                    // Most relevant first, then equally relevant ones newest first.
                    .body("items.title[0..1]", contains("Tiêu đề " + marker, "Mới trong tuần"))
                    .body("items.title", not(hasItem("Cũ nhất " + marker)));
            api().queryParam("q", marker).queryParam("to", "2020-01-01").get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(1)).body("totalExact", equalTo(true))
                    .body("items[0].title", equalTo("Cũ nhất " + marker));
        } finally {
            delete(marker);
        }
    }

    @Test
    void aShortListIsCountedExactly() {
        String marker = "dem" + System.nanoTime();
        newPublishedArticle("Đếm " + marker);
        api().queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(1)).body("totalExact", equalTo(true));
    }

    /**
     * Inserts published articles tagged with the marker straight into the table (through the API,
     * thousands would take minutes), a minute apart from the given time on.
     */
    private void insertPublished(String marker, String title, String body, int count, String firstPublished)
            throws SQLException {
        String category = newCategory("Kiểm thử");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        """
                                INSERT INTO articles (slug, title, body, category_id, tags, author_name, status, published_at, created_by, updated_by)
                                SELECT ? || '-' || n, ?, ?, (SELECT id FROM categories WHERE slug = ?), ARRAY[?], 'Kiểm thử', 'PUBLISHED',
                                       CAST(? AS timestamptz) + n * interval '1 minute', 'test', 'test'
                                FROM generate_series(1, ?) n""")) {
            insert.setString(1, category);
            insert.setString(2, title);
            insert.setString(3, body);
            insert.setString(4, category);
            insert.setString(5, marker);
            insert.setString(6, firstPublished);
            insert.setInt(7, count);
            insert.executeUpdate();
        }
    }

    private void delete(String marker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection
                        .prepareStatement("DELETE FROM articles WHERE tags @> ARRAY[CAST(? AS text)]")) {
            delete.setString(1, marker);
            delete.executeUpdate();
        }
    }
}
