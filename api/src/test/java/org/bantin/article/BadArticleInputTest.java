package org.bantin.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every kind of bad input is refused with a problem, and nothing is written. */
@QuarkusTest
class BadArticleInputTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";

    private String category;
    private long articlesBefore;

    @BeforeEach
    void setUp() {
        category = newCategory("Văn bản pháp luật");
        articlesBefore = count("SELECT count(*) FROM articles");
    }

    private ValidatableResponse post(String contentType, String body) {
        return badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(contentType).body(body)
                .post(ARTICLES).then();
    }

    private void assertNothingWritten() {
        assertEquals(articlesBefore, count("SELECT count(*) FROM articles"));
    }

    private static void assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")))
                .body(not(containsString("SQL")));
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(post("application/json; charset=UTF-8", "{\"title\": \"Đẩy mạnh"), 400);
        assertNothingWritten();
    }

    @Test
    void aFieldOfTheWrongTypeIsA400NamingIt() {
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"title\": \"Tiêu đề\", \"category\": \"" + category + "\", \"tags\": 5}");
        assertProblem(response, 400);
        response.body("errors[0].field", equalTo("tags"));
        assertNothingWritten();
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"titel\": \"Tiêu đề\", \"category\": \"" + category + "\"}");
        assertProblem(response, 400);
        response.body("errors[0].field", equalTo("titel"));
        assertNothingWritten();
    }

    @Test
    void missingAndInvalidFieldsAreA422NamingEach() {
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"summary\": \"Tóm tắt\", \"slug\": \"Không Hợp Lệ\", \"tags\": [\"\"], \"coverImage\": {\"url\": \"javascript:alert(1)\"}}");
        assertProblem(response, 422);
        response.body("errors.field", hasItems("title", "category", "slug", "tags[0]", "coverImage.url"));
        assertNothingWritten();
    }

    @Test
    void anOverlongTitleIsA422() {
        String title = "Đ".repeat(301);
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"title\": \"" + title + "\", \"category\": \"" + category + "\"}");
        assertProblem(response, 422);
        response.body("errors.field", hasItem("title"));
        assertNothingWritten();
    }

    @Test
    void aHugeSlugIsA422NotAStackOverflow() {
        String slug = "a-".repeat(60_000) + "a";
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"title\": \"Tiêu đề\", \"category\": \"" + category + "\", \"slug\": \"" + slug + "\"}");
        assertProblem(response, 422);
        response.body("errors.field", hasItem("slug"));
        assertNothingWritten();
    }

    @Test
    void aPageBeyondTheLastPossibleIsA400NamingIt() {
        for (String path : new String[]{ARTICLES, "/api/v1/articles", "/api/v1/surveys"}) {
            ValidatableResponse response = badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .get(path + "?page=2147483647").then();
            assertProblem(response, 400);
            response.body("errors[0].field", equalTo("page"));
        }
        // Public lists also stop at their depth (page × limit ≤ 10,000), naming the page too.
        ValidatableResponse deep = badRequest().get("/api/v1/articles?page=100000&limit=100").then();
        assertProblem(deep, 400);
        deep.body("errors[0].field", equalTo("page"));
    }

    @Test
    void anUnknownCategoryIsA422() {
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"title\": \"Tiêu đề\", \"category\": \"khong-co\"}");
        assertProblem(response, 422);
        response.body("errors[0].field", equalTo("category"));
        assertNothingWritten();
    }

    @Test
    void aWrongMediaTypeIsA415() {
        assertProblem(post("text/plain; charset=UTF-8", "title=Tiêu đề"), 415);
        assertNothingWritten();
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String body = "<p>" + "Cải cách hành chính. ".repeat(60_000) + "</p>";
        ValidatableResponse response = post("application/json; charset=UTF-8",
                "{\"title\": \"Bài quá dài\", \"category\": \"" + category + "\", \"body\": \"" + body + "\"}");
        assertProblem(response, 413);
        assertNothingWritten();
    }

    @Test
    void anUnknownIdIsA404() {
        assertProblem(admin().get(ARTICLES + "/999999").then(), 404);
        assertProblem(admin().body(Map.of("title", "Tiêu đề", "category", category)).put(ARTICLES + "/999999").then(), 404);
        assertProblem(admin().post(ARTICLES + "/999999/publish").then(), 404);
        assertNothingWritten();
    }

    @Test
    void anUnknownStateFilterIsA400() {
        assertProblem(badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("state", "deleted")
                .get(ARTICLES).then(), 400);
    }

    @Test
    void anInvalidPublishTimeIsA400() {
        long id = admin().body(Map.of("title", "Hẹn giờ sai", "category", category)).post(ARTICLES).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertProblem(post("application/json; charset=UTF-8", "{}").statusCode(422), 422);
        ValidatableResponse response = badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType("application/json; charset=UTF-8").body("{\"publishAt\": \"ngày mai\"}")
                .post(ARTICLES + "/" + id + "/publish").then();
        assertProblem(response, 400);
        response.body("errors[0].field", equalTo("publishAt"));
        admin().get(ARTICLES + "/" + id).then().body("state", equalTo("draft"));
    }
}
