package org.bantin.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API1:2023 Broken Object Level Authorization: an author sees and changes only their own
 * unpublished articles; someone else's draft or scheduled article is a 404 to them, as if absent.
 */
@QuarkusTest
class ObjectLevelAuthorizationTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Cải cách hành chính");
    }

    private long create(String token, String title) {
        return as(token).body(Map.of("title", title + " " + System.nanoTime(), "category", category)).post(ARTICLES)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anAuthorCannotReadAnotherAuthorsDraft() {
        String reporter = tokenWithRole("author");
        String otherReporter = tokenWithRole("author");
        long draft = create(reporter, "Bản thảo của phóng viên");

        as(reporter).get(ARTICLES + "/" + draft).then().statusCode(200);
        as(otherReporter).get(ARTICLES + "/" + draft).then().statusCode(404).body("status", equalTo(404));
        as(otherReporter).header("If-Match", "\"0\"").contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("title", "Sửa trộm")).patch(ARTICLES + "/" + draft).then().statusCode(404);
        as(otherReporter).delete(ARTICLES + "/" + draft).then().statusCode(404);
        admin().get(ARTICLES + "/" + draft).then().statusCode(200).body("title", equalTo(
                as(reporter).get(ARTICLES + "/" + draft).then().extract().path("title")));
    }

    @Test
    void anAuthorsListHoldsTheirOwnArticlesAndPublishedOnes() {
        String reporter = tokenWithRole("author");
        long own = create(reporter, "Bài của tôi");
        long othersDraft = create(ADMIN_TOKEN, "Bản thảo của biên tập");
        long othersScheduled = create(ADMIN_TOKEN, "Bài hẹn giờ");
        admin().body(Map.of("publishAt", "2099-01-01T08:00:00+07:00")).post(ARTICLES + "/" + othersScheduled + "/publish")
                .then().statusCode(200);
        long published = create(ADMIN_TOKEN, "Bài đã đăng");
        admin().post(ARTICLES + "/" + published + "/publish").then().statusCode(200);

        as(reporter).queryParam("limit", 100).get(ARTICLES).then().statusCode(200)
                .body("items.id", hasItems((int) own, (int) published))
                .body("items.id", not(hasItem((int) othersDraft)))
                .body("items.id", not(hasItem((int) othersScheduled)));
        as(reporter).queryParam("state", "scheduled").get(ARTICLES).then()
                .body("items.id", not(hasItem((int) othersScheduled)));
        as(reporter).get(ARTICLES + "/" + othersScheduled).then().statusCode(404);
        as(reporter).get(ARTICLES + "/" + published).then().statusCode(200);
        admin().queryParam("limit", 100).get(ARTICLES).then()
                .body("items.id", hasItems((int) own, (int) othersDraft, (int) othersScheduled, (int) published));
    }
}
