package org.bantin.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Review before publishing: each step allowed and refused per role, the editors' queue, and pending versions. */
@QuarkusTest
class ReviewWorkflowTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String COMMENT = "Bổ sung số liệu quý III và nguồn trích dẫn.";

    private String category;
    private String reporter;
    private String editor;

    @BeforeEach
    void newcomers() {
        category = newCategory("Chuyển đổi số");
        reporter = tokenWithRole("author");
        editor = tokenWithRole("editor");
    }

    private long write(String token, String title) {
        return as(token).body(Map.of("title", title + " " + System.nanoTime(), "category", category,
                "body", "<p>Bản đầu.</p>")).post(ARTICLES).then().statusCode(201).body("state", equalTo("draft"))
                .extract().jsonPath().getLong("id");
    }

    private JsonPath step(String token, long id, String step, int status) {
        return as(token).post(ARTICLES + "/" + id + "/" + step).then().statusCode(status).extract().jsonPath();
    }

    private JsonPath requestChanges(String token, long id, int status) {
        return as(token).body(Map.of("comment", COMMENT)).post(ARTICLES + "/" + id + "/request-changes").then()
                .statusCode(status).extract().jsonPath();
    }

    private JsonPath read(String token, long id) {
        return as(token).get(ARTICLES + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private void edit(String token, long id, String body, int status) {
        as(token).contentType(MERGE_PATCH).body(Map.of("body", body)).patch(ARTICLES + "/" + id).then().statusCode(status);
    }

    /** A refused step: 409 naming the state the article is in, and the article unchanged. */
    private void refused(String token, long id, String step, String state) {
        int version = read(ADMIN_TOKEN, id).getInt("version");
        var request = as(token);
        if (step.equals("request-changes")) {
            request = request.body(Map.of("comment", COMMENT));
        }
        request.post(ARTICLES + "/" + id + "/" + step).then().statusCode(409)
                .body("type", equalTo("urn:bantin:problem:invalid-transition")).body("state", equalTo(state))
                .body("detail", containsString(state));
        assertEquals(version, read(ADMIN_TOKEN, id).getInt("version"), step + " changed nothing");
    }

    @Test
    void anAuthorSubmitsAnEditorSendsBackAndPublishes() {
        long id = write(reporter, "Kế hoạch chuyển đổi số");

        JsonPath submitted = step(reporter, id, "submit", 200);
        assertEquals("in_review", submitted.getString("state"));
        assertFalse(submitted.getString("submittedAt") == null);
        edit(reporter, id, "<p>Sửa khi đang chờ duyệt.</p>", 409);
        step(reporter, id, "publish", 403);
        requestChanges(reporter, id, 403);

        JsonPath sentBack = requestChanges(editor, id, 200);
        assertEquals("changes_requested", sentBack.getString("state"));
        // The author reads the comment on the article and in their list.
        JsonPath seen = read(reporter, id);
        assertEquals(COMMENT, seen.getString("reviewComment.comment"));
        assertEquals("Kiểm thử editor", seen.getString("reviewComment.by"));
        as(reporter).queryParam("state", "changes_requested").get(ARTICLES).then().statusCode(200)
                .body("items.find { it.id == " + id + " }.reviewComment.comment", equalTo(COMMENT));

        edit(reporter, id, "<p>Đã bổ sung số liệu.</p>", 200);
        step(reporter, id, "submit", 200);
        JsonPath published = step(editor, id, "publish", 200);
        assertEquals("published", published.getString("state"));
        assertNull(published.get("submittedAt"));
        api().get("/api/v1/articles/" + published.getString("slug")).then().statusCode(200)
                .body("body", equalTo("<p>Đã bổ sung số liệu.</p>"));

        List<Map<String, Object>> steps = as(reporter).get(ARTICLES + "/" + id + "/transitions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(List.of("in_review>published", "changes_requested>in_review", "in_review>changes_requested",
                "draft>in_review"), steps.stream().map(s -> s.get("from") + ">" + s.get("to")).toList());
        assertEquals(COMMENT, steps.get(2).get("comment"));
        assertNull(steps.get(0).get("comment"));
        assertEquals("Kiểm thử editor", steps.get(0).get("by"));
        assertEquals("Kiểm thử author", steps.get(3).get("by"));

        // Each step is in the audit log, under its own name.
        List<String> actions = admin().queryParam("objectType", "article").queryParam("objectId", id).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.action");
        assertTrue(actions.containsAll(List.of("create", "submit", "request-changes", "update", "publish")),
                actions.toString());
    }

    @Test
    void stepsTheStateDoesNotAllowAreRefusedNamingIt() {
        long id = write(reporter, "Bài nháp");
        refused(editor, id, "request-changes", "draft");
        step(reporter, id, "submit", 200);
        refused(reporter, id, "submit", "in_review");
        refused(editor, id, "submit", "in_review");
        requestChanges(editor, id, 200);
        refused(editor, id, "request-changes", "changes_requested");
        step(editor, id, "publish", 200);
        refused(editor, id, "request-changes", "published");
        refused(reporter, id, "submit", "published");

        badRequest().header("Authorization", "Bearer " + editor).contentType("application/json").body(Map.of("comment", " "))
                .post(ARTICLES + "/" + write(reporter, "Bài khác") + "/request-changes").then().statusCode(422)
                .body("errors.field", hasItem("comment"));
    }

    @Test
    void editorsPublishDirectlyAndAuthorsTouchOnlyTheirOwn() {
        long own = write(editor, "Tin biên tập viên tự viết");
        step(editor, own, "publish", 200);

        long others = write(tokenWithRole("author"), "Bài của người khác");
        step(reporter, others, "submit", 404); // another author's draft is not theirs to see
        step(editor, others, "submit", 200); // an editor may put it in the queue
        step(reporter, own, "submit", 403); // a live article of someone else
        step(reporter, own, "unpublish", 403);
        step(reporter, own, "publish", 403);
    }

    @Test
    void theQueueListsWhatWaitsOldestFirst() {
        long first = write(reporter, "Chờ duyệt 1");
        long second = write(reporter, "Chờ duyệt 2");
        long notSubmitted = write(reporter, "Chưa gửi");
        step(reporter, second, "submit", 200);
        step(reporter, first, "submit", 200);
        List<Long> queue = as(editor).queryParam("state", "in_review").queryParam("limit", 100).get(ARTICLES).then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertTrue(queue.indexOf(second) >= 0 && queue.indexOf(second) < queue.indexOf(first), queue.toString());
        assertFalse(queue.contains(notSubmitted));
        as(editor).queryParam("state", "draft").queryParam("limit", 100).get(ARTICLES).then()
                .body("items.id", hasItem((int) notSubmitted)).body("items.id", not(hasItem((int) first)));
    }

    @Test
    void aLiveArticleKeepsItsPublicVersionWhileItsPendingOneIsReviewed() {
        long id = write(reporter, "Thông báo tuyển dụng");
        String slug = step(editor, id, "publish", 200).getString("slug");
        String live = "<p>Bản đầu.</p>";

        as(reporter).contentType(MERGE_PATCH).body(Map.of("body", "<p>Bản sửa đang chờ.</p>", "slug", slug + "-moi"))
                .patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("state", equalTo("published")).body("pending.state", equalTo("draft"))
                .body("body", equalTo("<p>Bản sửa đang chờ.</p>")).body("slug", equalTo(slug + "-moi"));
        api().get("/api/v1/articles/" + slug).then().statusCode(200).body("body", equalTo(live));
        api().get("/api/v1/articles/" + slug + "-moi").then().statusCode(404);
        // The preview shows the pending version.
        String token = admin().post(ARTICLES + "/" + id + "/preview").then().statusCode(201).extract().path("token");
        api().get("/api/v1/preview/" + token).then().statusCode(200).body("body", equalTo("<p>Bản sửa đang chờ.</p>"));

        // Another author sees only the live version, and nothing of the work on it.
        String otherReporter = tokenWithRole("author");
        JsonPath seenByOther = read(otherReporter, id);
        assertEquals(live, seenByOther.getString("body"));
        assertNull(seenByOther.get("pending"));
        as(otherReporter).post(ARTICLES + "/" + id + "/preview").then().statusCode(404);
        as(otherReporter).get(ARTICLES + "/" + id + "/transitions").then().statusCode(404);
        as(otherReporter).get(ARTICLES + "/" + id + "/revisions").then().statusCode(404);

        step(reporter, id, "submit", 200);
        as(otherReporter).queryParam("state", "in_review").queryParam("limit", 100).get(ARTICLES).then()
                .body("items.id", not(hasItem((int) id)));
        JsonPath waiting = read(editor, id);
        assertEquals("published", waiting.getString("state"));
        assertEquals("in_review", waiting.getString("pending.state"));
        as(editor).queryParam("state", "in_review").queryParam("limit", 100).get(ARTICLES).then()
                .body("items.id", hasItem((int) id));
        requestChanges(editor, id, 200);
        edit(reporter, id, "<p>Bản sửa lần hai.</p>", 200);
        api().get("/api/v1/articles/" + slug).then().statusCode(200).body("body", equalTo(live));
        step(reporter, id, "submit", 200);

        JsonPath published = step(editor, id, "publish", 200);
        assertNull(published.get("pending"));
        api().get("/api/v1/articles/" + slug + "-moi").then().statusCode(200).body("body", equalTo("<p>Bản sửa lần hai.</p>"));
        api().get("/api/v1/articles/" + slug).then().statusCode(404);
        refused(reporter, id, "submit", "published"); // nothing pending any more
    }

    @Test
    void aPendingVersionCannotTakeASlugInUse() {
        long id = write(editor, "Bài đã đăng");
        step(editor, id, "publish", 200);
        String taken = read(editor, write(editor, "Bài khác")).getString("slug");
        as(editor).contentType(MERGE_PATCH).body(Map.of("slug", taken)).patch(ARTICLES + "/" + id).then().statusCode(409);
        assertNull(read(editor, id).get("pending"), "nothing pending");
    }

    @Test
    void aCategoryWithASecondStepNeedsOneEditorToApproveAndAnotherToPublish() {
        admin().contentType(MERGE_PATCH).body(Map.of("secondApprovalCategories", List.of(category)))
                .patch("/api/v1/admin/settings").then().statusCode(200);
        try {
            String leader = tokenWithRole("editor");
            long id = write(reporter, "Bài chuyên mục nhạy cảm");
            step(reporter, id, "submit", 200);
            refused(editor, id, "publish", "in_review");
            step(reporter, id, "approve", 403);
            assertEquals("approved", step(editor, id, "approve", 200).getString("state"));
            assertEquals("Kiểm thử editor", read(editor, id).getString("approvedBy"));
            refused(editor, id, "publish", "approved"); // not by the one who approved
            refused(leader, id, "approve", "approved");

            // A change after approval needs approving again.
            edit(editor, id, "<p>Sửa sau khi duyệt.</p>", 200);
            JsonPath changed = read(editor, id);
            assertEquals("in_review", changed.getString("state"));
            assertNull(changed.get("approvedBy"));
            step(editor, id, "approve", 200);
            assertEquals("published", step(leader, id, "publish", 200).getString("state"));

            long elsewhere = write(editor, "Bài chuyên mục thường");
            as(editor).contentType(MERGE_PATCH).body(Map.of("category", newCategory("Tin thường")))
                    .patch(ARTICLES + "/" + elsewhere)
                    .then().statusCode(200);
            step(editor, elsewhere, "submit", 200);
            refused(editor, elsewhere, "approve", "in_review"); // its category has no second step
        } finally {
            admin().contentType(MERGE_PATCH).body("{\"secondApprovalCategories\": null}").patch("/api/v1/admin/settings")
                    .then().statusCode(200);
        }
    }

    @Test
    void publishingAPendingVersionKeepsTheDatesOfAScheduledArticle() {
        long id = write(editor, "Thông báo có thời hạn");
        OffsetDateTime publishAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0);
        OffsetDateTime unpublishAt = publishAt.plusDays(7);
        admin().body(Map.of("publishAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(publishAt),
                "unpublishAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(unpublishAt)))
                .post(ARTICLES + "/" + id + "/publish").then().statusCode(200).body("state", equalTo("scheduled"));
        edit(editor, id, "<p>Bản đã sửa trước giờ đăng.</p>", 200);
        JsonPath published = step(editor, id, "publish", 200);
        assertEquals("scheduled", published.getString("state"));
        assertEquals(publishAt.toInstant(), OffsetDateTime.parse(published.getString("publishedAt")).toInstant());
        assertEquals(unpublishAt.toInstant(), OffsetDateTime.parse(published.getString("unpublishAt")).toInstant());
        assertEquals("<p>Bản đã sửa trước giờ đăng.</p>", published.getString("body"));
        assertNull(published.get("pending"));
    }

    @Test
    void aSlugTakenWhileThePendingVersionWaitedIsAConflictAtPublishing() {
        long id = write(editor, "Bài đổi địa chỉ");
        String slug = step(editor, id, "publish", 200).getString("slug");
        as(editor).contentType(MERGE_PATCH).body(Map.of("slug", slug + "-moi")).patch(ARTICLES + "/" + id).then()
                .statusCode(200);
        as(editor).body(Map.of("title", "Bài chiếm địa chỉ", "slug", slug + "-moi", "category", category)).post(ARTICLES)
                .then().statusCode(201);
        as(editor).post(ARTICLES + "/" + id + "/publish").then().statusCode(409);
        api().get("/api/v1/articles/" + slug).then().statusCode(200);
        assertEquals("draft", read(editor, id).getString("pending.state"), "the pending version still waits");
    }

    @Test
    void unpublishingMakesThePendingVersionTheDraft() {
        long id = write(editor, "Bài sẽ gỡ");
        String slug = step(editor, id, "publish", 200).getString("slug");
        edit(editor, id, "<p>Bản mới nhất.</p>", 200);
        JsonPath unpublished = step(editor, id, "unpublish", 200);
        assertEquals("draft", unpublished.getString("state"));
        assertNull(unpublished.get("pending"));
        assertEquals("<p>Bản mới nhất.</p>", unpublished.getString("body"));
        api().get("/api/v1/articles/" + slug).then().statusCode(404);
    }
}
