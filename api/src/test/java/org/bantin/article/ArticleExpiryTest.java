package org.bantin.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * An article published until a time: readers see it until then, and from then on get a 410 for it and find it in no
 * list, tag, category count or search, although the response cache (on, with entries fresh for an hour) held it.
 */
@QuarkusTest
@TestProfile(ArticleExpiryTest.CacheOn.class)
class ArticleExpiryTest extends ApiTest {

    /** Longer than any wait here: a response still right at the end came from the database or was dropped in time. */
    public static class CacheOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true", "bantin.response-cache.ttl", "1H",
                    "bantin.response-cache.max-age", "2H");
        }
    }

    /** DueArticles looks every second; this allows for a slow machine. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(3);

    private record Draft(long id, String slug, String category, String marker) {
    }

    /** A draft with a word of its own, in its title and as its only tag, in a new category. */
    private static Draft draft() {
        String marker = "hethan" + System.nanoTime();
        String category = newCategory("Thông báo");
        var created = admin().body(Map.of("title", "Thông báo " + marker, "category", category, "tags", List.of(marker)))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath();
        return new Draft(created.getLong("id"), created.getString("slug"), category, marker);
    }

    private static ValidatableResponse publish(Draft draft, Map<String, Object> request) {
        return admin().body(request).post("/api/v1/admin/articles/" + draft.id() + "/publish").then();
    }

    /** As the API writes it: seconds always (toString leaves out :00, which the contract refuses). */
    private static String wire(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Whole seconds, so that it reads back as sent. */
    private static OffsetDateTime inSeconds(long seconds) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The slugs of every public list that could show the draft's article. */
    private static List<List<String>> listsShowing(Draft draft) {
        return List.of(
                api().queryParam("limit", 100).get("/api/v1/articles").then().statusCode(200).extract().path("items.slug"),
                api().queryParam("category", draft.category()).get("/api/v1/articles").then().statusCode(200)
                        .extract().path("items.slug"),
                api().queryParam("tag", draft.marker()).get("/api/v1/articles").then().statusCode(200)
                        .extract().path("items.slug"),
                api().queryParam("q", draft.marker()).get("/api/v1/articles").then().statusCode(200)
                        .extract().path("items.slug"));
    }

    private static int categoryCount(Draft draft) {
        return api().get("/api/v1/categories").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.slug == '" + draft.category() + "' }.articleCount");
    }

    @Test
    void anExpiredArticleIsGoneFromEveryPublicReadAtItsTimeDespiteTheCache() throws InterruptedException {
        Draft draft = draft();
        String voter = newVoter();
        OffsetDateTime until = inSeconds(8);
        publish(draft, Map.of("unpublishAt", wire(until))).statusCode(200)
                .body("state", equalTo("published")).body("unpublishAt", equalTo(wire(until)));

        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(200).body("slug", equalTo(draft.slug()));
        listsShowing(draft).forEach(slugs -> assertTrue(slugs.contains(draft.slug()), "listed before it expires: " + slugs));
        assertEquals(1, categoryCount(draft));
        api().header("Voter-Token", voter).get("/api/v1/articles/" + draft.slug() + "/rating").then().statusCode(200);

        int status = 200;
        while (status == 200 && OffsetDateTime.now().isBefore(until.plus(NOTICED_WITHIN))) {
            Thread.sleep(100);
            status = api().get("/api/v1/articles/" + draft.slug()).then().extract().statusCode();
        }
        assertTrue(OffsetDateTime.now().isAfter(until), "served until its expiry");
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:bantin:problem:gone"))
                .body("detail", containsString("expired"));

        listsShowing(draft).forEach(slugs -> assertTrue(!slugs.contains(draft.slug()), "listed after it expired: " + slugs));
        assertEquals(0, categoryCount(draft));
        api().header("Voter-Token", voter).get("/api/v1/articles/" + draft.slug() + "/rating").then().statusCode(404);
        api().header("Voter-Token", voter).body(Map.of("score", 5)).put("/api/v1/articles/" + draft.slug() + "/rating")
                .then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM ratings WHERE article_id = " + draft.id()));

        admin().get("/api/v1/admin/articles/" + draft.id()).then().statusCode(200).body("state", equalTo("expired"));
        admin().queryParam("state", "expired").queryParam("limit", 100).get("/api/v1/admin/articles").then()
                .statusCode(200).body("items.id", hasItem((int) draft.id()));
        admin().queryParam("state", "published").queryParam("limit", 100).get("/api/v1/admin/articles").then()
                .statusCode(200).body("items.id", not(hasItem((int) draft.id())));
    }

    @Test
    void draftsScheduledAndUnpublishedArticlesStayNotFound() {
        Draft draft = draft();
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(404);
        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).statusCode(200)
                .body("state", equalTo("scheduled"));
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(404);
        admin().post("/api/v1/admin/articles/" + draft.id() + "/unpublish").then().statusCode(200);
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(404);
    }

    @Test
    void anExpiryNotAfterThePublishTimeIsRefusedAndChangesNothing() {
        Draft draft = draft();
        OffsetDateTime publishAt = inSeconds(3600);
        long version = admin().get("/api/v1/admin/articles/" + draft.id()).then().extract().jsonPath().getLong("version");
        for (OffsetDateTime unpublishAt : List.of(publishAt.minusSeconds(1), publishAt)) {
            publish(draft, Map.of("publishAt", wire(publishAt), "unpublishAt", wire(unpublishAt))).statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("unpublishAt"));
        }
        // Without publishAt the publish time is now: an expiry already past is before it.
        publish(draft, Map.of("unpublishAt", wire(inSeconds(-60)))).statusCode(422)
                .body("errors[0].field", equalTo("unpublishAt"));
        admin().get("/api/v1/admin/articles/" + draft.id()).then().statusCode(200).body("state", equalTo("draft"))
                .body("version", equalTo((int) version)).body("unpublishAt", nullValue());
    }

    @Test
    void republishingWithABodySetsTheExpiryAndKeepsTheDateAndUnpublishingClearsIt() {
        Draft draft = draft();
        String publishedAt = admin().post("/api/v1/admin/articles/" + draft.id() + "/publish").then().statusCode(200)
                .extract().path("publishedAt");
        int version = admin().get("/api/v1/admin/articles/" + draft.id()).then().extract().path("version");

        admin().post("/api/v1/admin/articles/" + draft.id() + "/publish").then().statusCode(200)
                .body("version", equalTo(version)).body("publishedAt", equalTo(publishedAt));

        OffsetDateTime until = inSeconds(3600);
        publish(draft, Map.of("unpublishAt", wire(until))).statusCode(200)
                .body("state", equalTo("published")).body("publishedAt", equalTo(publishedAt))
                .body("unpublishAt", equalTo(wire(until)));
        assertEquals(1, count("SELECT count(*) FROM article_tags WHERE unpublish_at IS NOT NULL AND article_id = "
                + draft.id()));

        admin().post("/api/v1/admin/articles/" + draft.id() + "/unpublish").then().statusCode(200)
                .body("state", equalTo("draft")).body("unpublishAt", nullValue());
        assertEquals(0, count("SELECT count(*) FROM articles WHERE unpublish_at IS NOT NULL AND id = " + draft.id()));
    }
}
