package org.bantin.document;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Documents go through the review articles go through: each step per role, refused steps, pending versions. */
@QuarkusTest
class DocumentWorkflowTest extends DocumentFixtures {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String COMMENT = "Bổ sung căn cứ pháp lý và ngày có hiệu lực.";

    private String author;
    private String editor;

    @BeforeEach
    void newcomers() {
        author = tokenWithRole("author");
        editor = tokenWithRole("editor");
    }

    private JsonPath step(String token, long id, String step, int status) {
        return as(token).post(ADMIN_DOCUMENTS + "/" + id + "/" + step).then().statusCode(status).extract().jsonPath();
    }

    private JsonPath read(String token, long id) {
        return as(token).get(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private void summarise(String token, long id, String summary, int status) {
        as(token).contentType(MERGE_PATCH).body(Map.of("summary", summary)).patch(ADMIN_DOCUMENTS + "/" + id).then()
                .statusCode(status);
    }

    /** A refused step: 409 naming the state the document is in, and the document unchanged. */
    private void refused(String token, long id, String step, String state) {
        int version = read(ADMIN_TOKEN, id).getInt("version");
        var request = as(token);
        if (step.equals("request-changes")) {
            request = request.body(Map.of("comment", COMMENT));
        }
        request.post(ADMIN_DOCUMENTS + "/" + id + "/" + step).then().statusCode(409)
                .body("type", equalTo("urn:bantin:problem:invalid-transition")).body("state", equalTo(state))
                .body("detail", containsString(state));
        assertEquals(version, read(ADMIN_TOKEN, id).getInt("version"), step + " changed nothing");
    }

    private String publicSummary(long id) {
        return api().get(DOCUMENTS + "/" + slugOf(id)).then().statusCode(200).extract().path("summary");
    }

    @Test
    void anAuthorsDraftIsSubmittedSentBackAndPublishedByAnEditor() {
        long id = as(author).body(document("40/2024/QĐ-UBND", "Quy chế bản đầu")).post(ADMIN_DOCUMENTS).then()
                .statusCode(201).body("state", equalTo("draft")).extract().jsonPath().getLong("id");

        assertEquals("in_review", step(author, id, "submit", 200).getString("state"));
        summarise(author, id, "Sửa khi đang chờ duyệt", 409);
        step(author, id, "approve", 403);
        as(author).body(Map.of("comment", COMMENT)).post(ADMIN_DOCUMENTS + "/" + id + "/request-changes").then()
                .statusCode(403);
        JsonPath sentBack = as(editor).body(Map.of("comment", COMMENT))
                .post(ADMIN_DOCUMENTS + "/" + id + "/request-changes").then().statusCode(200).extract().jsonPath();
        assertEquals("changes_requested", sentBack.getString("state"));
        assertEquals(COMMENT, sentBack.getString("reviewComment.comment"));

        summarise(author, id, "Quy chế bản hai", 200);
        assertEquals("in_review", step(author, id, "submit", 200).getString("state"));
        step(author, id, "publish", 403);
        JsonPath published = step(editor, id, "publish", 200);
        assertEquals("published", published.getString("state"));
        assertNull(published.getMap("reviewComment"));
        assertEquals("Quy chế bản hai", publicSummary(id));

        admin().get(ADMIN_DOCUMENTS + "/" + id + "/transitions").then().statusCode(200).body("total", equalTo(4))
                .body("items.to", contains("published", "in_review", "changes_requested", "in_review"))
                .body("items[2].comment", equalTo(COMMENT));
        for (String action : List.of("submit", "request-changes", "publish")) {
            assertEquals(action.equals("submit") ? 2 : 1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document'"
                    + " AND object_id = " + id + " AND action = '" + action + "'"), action);
        }
    }

    @Test
    void stepsThatDoNotStartFromTheStateAreRefusedNamingIt() {
        long id = as(author).body(document("41/2024/QĐ-UBND", "Kế hoạch cải cách")).post(ADMIN_DOCUMENTS).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        refused(editor, id, "request-changes", "draft");
        refused(editor, id, "approve", "draft");
        step(author, id, "submit", 200);
        refused(author, id, "submit", "in_review");
        refused(editor, id, "approve", "in_review"); // its type needs no second approval
        step(editor, id, "publish", 200);
        refused(editor, id, "submit", "published"); // no pending changes to review
        refused(editor, id, "request-changes", "published");
    }

    @Test
    void aPublishedDocumentStaysAsReadersSeeItWhileItsPendingVersionIsReviewed() {
        long id = as(author).body(document("42/2024/QĐ-UBND", "Quy định đang có hiệu lực")).post(ADMIN_DOCUMENTS).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        step(editor, id, "publish", 200);
        long events = count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'document:" + id + "'");

        summarise(author, id, "Quy định sửa đổi chờ ban hành", 200);
        JsonPath working = read(author, id);
        assertEquals("Quy định sửa đổi chờ ban hành", working.getString("summary"));
        assertEquals("published", working.getString("state"));
        assertEquals("draft", working.getString("pending.state"));
        assertEquals("Quy định đang có hiệu lực", publicSummary(id));
        assertEquals(List.of(), numbersFound(Map.of("q", "cho ban hanh")));
        // Another author sees only what readers see.
        as(tokenWithRole("author")).get(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200)
                .body("summary", equalTo("Quy định đang có hiệu lực")).body("pending", nullValue());

        assertEquals("in_review", step(author, id, "submit", 200).getString("pending.state"));
        as(editor).body(Map.of("comment", COMMENT)).post(ADMIN_DOCUMENTS + "/" + id + "/request-changes").then()
                .statusCode(200).body("pending.state", equalTo("changes_requested"));
        summarise(author, id, "Quy định sửa đổi lần hai", 200);
        step(author, id, "submit", 200);
        assertEquals("Quy định đang có hiệu lực", publicSummary(id));
        assertEquals(events, count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'document:" + id + "'"),
                "readers saw no change yet");

        JsonPath published = step(editor, id, "publish", 200);
        assertNull(published.getMap("pending"));
        assertEquals("Quy định sửa đổi lần hai", publicSummary(id));
        assertEquals(List.of("42/2024/QĐ-UBND"), numbersFound(Map.of("q", "sua doi lan hai")));
        assertEquals(1, count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'document:" + id
                + "' AND type = 'document.updated'"));
        as(author).delete(ADMIN_DOCUMENTS + "/" + id).then().statusCode(403);
    }

    @Test
    void revisionsAreListedComparedAndRestored() {
        long id = create(document("43/2024/QĐ-UBND", "Bản thứ nhất"));
        admin().body(document("43/2024/QĐ-UBND", "Bản thứ hai")).put(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200);
        JsonPath revisions = admin().get(ADMIN_DOCUMENTS + "/" + id + "/revisions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.number", contains(2, 1)).extract().jsonPath();
        long first = revisions.getLong("items[1].id");
        long second = revisions.getLong("items[0].id");
        admin().get(ADMIN_DOCUMENTS + "/" + id + "/revisions/" + first).then().statusCode(200)
                .body("data.summary", equalTo("Bản thứ nhất"));
        admin().get(ADMIN_DOCUMENTS + "/" + id + "/revisions/" + first + "/diff/" + second).then().statusCode(200)
                .body("changes.field", contains("summary")).body("changes[0].after", equalTo("Bản thứ hai"));

        admin().post(ADMIN_DOCUMENTS + "/" + id + "/revisions/" + first + "/restore").then().statusCode(200)
                .body("summary", equalTo("Bản thứ nhất"));
        assertEquals(3, count("SELECT count(*) FROM revisions WHERE content_type = 'document' AND content_id = " + id));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document' AND action = 'restore'"
                + " AND object_id = " + id));

        // Restored into a published document, a revision waits as its pending version.
        admin().post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(200);
        admin().post(ADMIN_DOCUMENTS + "/" + id + "/revisions/" + second + "/restore").then().statusCode(200)
                .body("summary", equalTo("Bản thứ hai")).body("pending.state", equalTo("draft"));
        assertEquals("Bản thứ nhất", publicSummary(id));
        as(tokenWithRole("author")).get(ADMIN_DOCUMENTS + "/" + id + "/revisions").then().statusCode(404);
    }

    @Test
    void aPreviewLinkShowsThePendingVersionUntilRevoked() {
        long id = createPublished(document("44/2024/QĐ-UBND", "Nội dung đã ban hành"));
        summarise(ADMIN_TOKEN, id, "Nội dung dự kiến sửa", 200);
        String url = admin().post(ADMIN_DOCUMENTS + "/" + id + "/preview").then().statusCode(201).extract().path("url");

        api().get(url).then().statusCode(200).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .body("summary", equalTo("Nội dung dự kiến sửa")).body("id", equalTo((int) id));
        assertEquals("Nội dung đã ban hành", publicSummary(id));
        api().get("/api/v1/preview/" + url.substring(url.lastIndexOf('/') + 1)).then().statusCode(404); // not an article's

        admin().delete(ADMIN_DOCUMENTS + "/" + id + "/preview").then().statusCode(204);
        api().get(url).then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document' AND action = 'revoke-previews'"
                + " AND object_id = " + id));
    }

    @Test
    void aTypeThatNeedsASecondApprovalIsPublishedByAnotherEditor() {
        String type = "Nghị quyết liên tịch " + System.nanoTime();
        admin().body(Map.of("name", type, "secondApproval", true)).post("/api/v1/admin/document-types").then()
                .statusCode(201);
        Map<String, Object> input = document("45/2024/NQLT", "Nghị quyết cần hai người duyệt");
        input.put("type", type);
        long id = as(author).body(input).post(ADMIN_DOCUMENTS).then().statusCode(201).extract().jsonPath().getLong("id");
        step(author, id, "submit", 200);

        refused(editor, id, "publish", "in_review");
        JsonPath approved = step(editor, id, "approve", 200);
        assertEquals("approved", approved.getString("state"));
        refused(editor, id, "publish", "approved"); // by the editor who approved it
        step(tokenWithRole("editor"), id, "publish", 200);
        api().get(DOCUMENTS + "/" + slugOf(id)).then().statusCode(200).body("type", equalTo(type));
    }
}
