package org.bantin.consultation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Staff approve, reject with a reason and answer; readers see approved comments once closed, and never an email. */
@QuarkusTest
class ModerationTest extends ConsultationFixtures {

    @Test
    void rejectingNeedsAReasonAndAnsweringAnAnswer() {
        long id = open();
        long comment = sent(id, comment("hoa@example.vn"));
        String path = comments(id) + "/" + comment;
        badRequest().contentType("application/json").header("Authorization", "Bearer " + ADMIN_TOKEN).body(Map.of())
                .post(path + "/reject").then().statusCode(422).body("errors.field", hasItem("reason"));
        badRequest().contentType("application/json").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("answer", " ")).post(path + "/answer").then().statusCode(422)
                .body("errors.field", hasItem("answer"));
        assertEquals(1, count("SELECT count(*) FROM consultation_comments WHERE id = " + comment + " AND status = 'pending'"
                + " AND moderated_at IS NULL"));

        admin().body(Map.of("reason", "Nội dung không liên quan đến dự thảo.")).post(path + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected")).body("reason", equalTo("Nội dung không liên quan đến dự thảo."))
                .body("moderatedBy", notNullValue()).body("moderatedAt", notNullValue());
        admin().body(Map.of("answer", "Đã tiếp thu.")).post(path + "/answer").then().statusCode(409);
        admin().post(path + "/approve").then().statusCode(200).body("status", equalTo("approved"))
                .body("reason", nullValue());
        admin().body(Map.of("answer", "Ban soạn thảo tiếp thu, bổ sung tại khoản 2 Điều 8.")).post(path + "/answer").then()
                .statusCode(200).body("status", equalTo("answered")).body("answeredBy", notNullValue())
                .body("answeredAt", notNullValue());
        admin().body(Map.of("reason", "Trùng lặp.")).post(path + "/reject").then().statusCode(409);

        admin().queryParam("status", "answered").get(comments(id)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].email", equalTo("hoa@example.vn"));
        admin().queryParam("status", "pending").get(comments(id)).then().statusCode(200).body("total", equalTo(0));
        assertEquals(3, count("SELECT count(*) FROM audit_log WHERE object_type = 'consultation' AND object_id = " + id
                + " AND action IN ('reject-comment', 'approve-comment', 'answer-comment')"));
    }

    @Test
    void aCommentOfAnotherConsultationIsNotFound() {
        long id = open();
        long comment = sent(id, comment("hoa@example.vn"));
        admin().post(comments(open()) + "/" + comment + "/approve").then().statusCode(404);
    }

    @Test
    void readersSeeOnlyApprovedCommentsAndOnlyOnceClosed() {
        long id = open();
        long approved = sent(id, comment("approved@example.vn"));
        long answered = sent(id, comment("answered@example.vn"));
        long rejected = sent(id, comment("rejected@example.vn"));
        sent(id, comment("pending@example.vn"));
        admin().post(comments(id) + "/" + approved + "/approve").then().statusCode(200);
        admin().body(Map.of("answer", "Đã tiếp thu.")).post(comments(id) + "/" + answered + "/answer").then().statusCode(200);
        admin().body(Map.of("reason", "Không liên quan.")).post(comments(id) + "/" + rejected + "/reject").then()
                .statusCode(200);

        api().get(CONSULTATIONS + "/" + id + "/comments").then().statusCode(409).contentType("application/problem+json");
        close(id);
        JsonPath page = api().get(CONSULTATIONS + "/" + id + "/comments").then().statusCode(200).body("total", equalTo(2))
                .extract().jsonPath();
        assertEquals(List.of(approved, answered), page.getList("items.id", Long.class));
        assertEquals(List.of("Đã tiếp thu."), page.getList("items.answer").stream().filter(a -> a != null).toList());
        assertEquals("Nguyễn Văn An", page.getString("items[0].name"));
    }

    @Test
    void emailsNeverAppearInPublicJson() {
        long id = open();
        long comment = sent(id, comment("secret.address@example.vn"));
        String receipt = send(id, comment("second.secret@example.vn")).then().statusCode(201).extract().asString();
        assertFalse(receipt.contains("@"), receipt);
        admin().post(comments(id) + "/" + comment + "/approve").then().statusCode(200);
        close(id);
        for (String path : List.of(CONSULTATIONS + "/" + id + "/comments", CONSULTATIONS + "/" + id,
                CONSULTATIONS + "?status=closed", CONSULTATIONS)) {
            String body = api().get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains("secret"), path + ": " + body);
            assertFalse(body.contains("\"email\""), path + ": " + body);
        }
    }

    @Test
    void theSummaryIsPublishedOnceClosedAndThePrivacyNoticeAlways() {
        long id = open();
        admin().contentType(MERGE_PATCH).body(Map.of("summary", "Sở đã nhận 42 ý kiến."))
                .patch(ADMIN_CONSULTATIONS + "/" + id).then().statusCode(200);
        api().get(CONSULTATIONS + "/" + id).then().statusCode(200).body("status", equalTo("open"))
                .body("summary", nullValue()).body("privacyNotice", containsString("13/2023/NĐ-CP"))
                .body("privacyNotice", containsString("365 ngày")).body("document.number", containsString("Dự thảo"))
                .body("document.slug", nullValue());
        close(id);
        api().get(CONSULTATIONS + "/" + id).then().statusCode(200).body("summary", equalTo("Sở đã nhận 42 ý kiến."));
        assertTrue(api().queryParam("status", "closed").queryParam("limit", 100).get(CONSULTATIONS).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class).contains(id));
        assertFalse(api().queryParam("status", "open").queryParam("limit", 100).get(CONSULTATIONS).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class).contains(id));
    }

    @Test
    void aDocumentUnderConsultationIsNotDeleted() {
        long document = draftDocument();
        admin().body(consultation(document, now(), now().plusDays(1))).post(ADMIN_CONSULTATIONS).then().statusCode(201);
        admin().delete("/api/v1/admin/documents/" + document).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, count("SELECT count(*) FROM documents WHERE id = " + document));
    }

    @Test
    void publicReadsCarryAnETagAndAnswer304() {
        long id = open();
        String etag = api().get(CONSULTATIONS + "/" + id).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", etag).get(CONSULTATIONS + "/" + id).then().statusCode(304);
    }

    @Test
    void staleVersionsAreRefusedWith412() {
        long id = open();
        admin().header("If-Match", "\"0\"").contentType(MERGE_PATCH).body(Map.of("title", "Tiêu đề mới"))
                .patch(ADMIN_CONSULTATIONS + "/" + id).then().statusCode(412);
    }

    @Test
    void theCsvExportHoldsEveryCommentWithEmailStatusReasonAndAnswer() {
        long id = open();
        long rejected = sent(id, comment("csv.rejected@example.vn"));
        Map<String, Object> formula = comment("csv.answered@example.vn");
        formula.put("comment", "=HYPERLINK(\"http://example.com\")");
        long answered = sent(id, formula);
        admin().body(Map.of("reason", "Không liên quan đến dự thảo.")).post(comments(id) + "/" + rejected + "/reject").then()
                .statusCode(200);
        admin().body(Map.of("answer", "Ban soạn thảo đã tiếp thu.")).post(comments(id) + "/" + answered + "/answer").then()
                .statusCode(200);
        String csv = as(ADMIN_TOKEN).accept("text/csv").get(ADMIN_CONSULTATIONS + "/" + id + "/comments.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("\uFEFFMã ý kiến,"), lines[0]);
        assertTrue(lines[1].startsWith(rejected + ","), lines[1]);
        assertTrue(lines[1].contains("csv.rejected@example.vn") && lines[1].contains(",rejected,")
                && lines[1].contains("Không liên quan đến dự thảo."), lines[1]);
        assertTrue(lines[2].contains("csv.answered@example.vn") && lines[2].contains(",answered,")
                && lines[2].contains("Ban soạn thảo đã tiếp thu."), lines[2]);
        assertTrue(lines[2].contains("\"'=HYPERLINK(\"\"http://example.com\"\")\""), lines[2]);
    }
}
