package org.bantin.rating;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class RatingApiTest extends ApiTest {

    private static ValidatableResponse rate(String slug, String voter, Object score) {
        return api().header("Voter-Token", voter).body(Map.of("score", score)).put("/api/v1/articles/" + slug + "/rating")
                .then();
    }

    private long ratingsOf(long articleId) {
        return count("SELECT count(*) FROM ratings WHERE article_id = " + articleId);
    }

    @Test
    void aRatingCountsAndRatingAgainReplacesIt() {
        PublishedArticle article = newPublishedArticle("Đánh giá bài viết");
        String voter = newVoter();
        rate(article.slug(), voter, 4).statusCode(200)
                .body("count", equalTo(1)).body("average", equalTo(4.0f)).body("distribution.4", equalTo(1));
        rate(article.slug(), voter, 2).statusCode(200)
                .body("count", equalTo(1)).body("average", equalTo(2.0f))
                .body("distribution.4", equalTo(0)).body("distribution.2", equalTo(1));
        rate(article.slug(), newVoter(), 5).statusCode(200).body("count", equalTo(2)).body("average", equalTo(3.5f));
        assertEquals(2, ratingsOf(article.id()));

        api().header("Voter-Token", voter).get("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(200)
                .body("myScore", equalTo(2)).body("count", equalTo(2));
        api().get("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(200).body("$", not(hasKey("myScore")));
    }

    @Test
    void articlesCarryTheirRatingLine() {
        PublishedArticle article = newPublishedArticle("Bài có điểm");
        api().get("/api/v1/articles/" + article.slug()).then().body("rating.average", equalTo(0.0f)).body("rating.count",
                equalTo(0));
        for (int score : List.of(5, 4, 4)) {
            rate(article.slug(), newVoter(), score).statusCode(200);
        }
        api().get("/api/v1/articles/" + article.slug()).then().body("rating.average", equalTo(4.3f)).body("rating.count",
                equalTo(3));
        api().get("/api/v1/articles").then()
                .body("items.find { it.slug == '" + article.slug() + "' }.rating.count", equalTo(3));
    }

    @Test
    void badScoresAreRefusedAndNothingIsWritten() {
        PublishedArticle article = newPublishedArticle("Điểm sai");
        String voter = newVoter();
        Map<String, Integer> expected = Map.of("0", 422, "6", 422, "3.5", 400, "\"x\"", 400, "\"3\"", 400, "null", 422);
        expected.forEach((score, status) -> badRequest().header("Voter-Token", voter).contentType("application/json")
                .body("{\"score\": " + score + "}").put("/api/v1/articles/" + article.slug() + "/rating").then()
                .statusCode(status).contentType("application/problem+json").body("errors[0].field", equalTo("score")));
        badRequest().header("Voter-Token", voter).contentType("application/json").body("{}")
                .put("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(422);
        assertEquals(0, ratingsOf(article.id()));
    }

    @Test
    void aMissingOrForgedVoterTokenIsA401() {
        PublishedArticle article = newPublishedArticle("Không có token");
        String voter = newVoter();
        String forged = voter.substring(0, voter.length() - 2) + (voter.endsWith("AA") ? "BB" : "AA");
        String otherId = "AAAAAAAAAAAAAAAAAAAAAA" + voter.substring(voter.indexOf('.'));
        for (String token : List.of(forged, otherId, "khong-hop-le", "")) {
            badRequest().header("Voter-Token", token).contentType("application/json").body(Map.of("score", 5))
                    .put("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(401)
                    .header("WWW-Authenticate", "Voter-Token").contentType("application/problem+json");
        }
        badRequest().contentType("application/json").body(Map.of("score", 5))
                .put("/api/v1/articles/" + article.slug() + "/rating").then().statusCode(401);
        assertEquals(0, ratingsOf(article.id()));
    }

    @Test
    void unknownDraftAndScheduledArticlesCannotBeRated() {
        String category = newCategory("Nháp");
        long draft = admin().body(Map.of("title", "Bản nháp chưa đăng " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        long scheduled = admin().body(Map.of("title", "Hẹn giờ đăng " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("publishAt", "2099-01-01T08:00:00+07:00")).post("/api/v1/admin/articles/" + scheduled + "/publish")
                .then().statusCode(200);
        String voter = newVoter();
        for (long id : List.of(draft, scheduled)) {
            String slug = admin().get("/api/v1/admin/articles/" + id).then().extract().path("slug");
            rate(slug, voter, 5).statusCode(404).contentType("application/problem+json");
            assertEquals(0, ratingsOf(id));
        }
        rate("khong-co-bai-nay", voter, 5).statusCode(404);
    }

    @Test
    void editorsSeeRatingsPerDayAndCanClearThem() {
        PublishedArticle article = newPublishedArticle("Xoá đánh giá");
        rate(article.slug(), newVoter(), 5).statusCode(200);
        rate(article.slug(), newVoter(), 3).statusCode(200);
        admin().get("/api/v1/admin/articles/" + article.id() + "/ratings").then().statusCode(200)
                .body("summary.count", equalTo(2)).body("days[0].count", equalTo(2)).body("days[0].average", equalTo(4.0f));
        as(tokenWithRole("author")).delete("/api/v1/admin/articles/" + article.id() + "/ratings").then().statusCode(403);
        assertEquals(2, ratingsOf(article.id()));

        admin().delete("/api/v1/admin/articles/" + article.id() + "/ratings").then().statusCode(200)
                .body("summary.count", equalTo(0)).body("resets[0].resetBy", equalTo("admin"))
                .body("resets[0].ratingsRemoved", equalTo(2));
        assertEquals(0, ratingsOf(article.id()));
        api().get("/api/v1/articles/" + article.slug() + "/rating").then().body("count", equalTo(0)).body("average",
                equalTo(0.0f));
    }
}
