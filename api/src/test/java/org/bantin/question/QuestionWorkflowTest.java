package org.bantin.question;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Staff route, answer, publish or reject questions; each step is recorded with who made it and when, and audited. */
@QuarkusTest
class QuestionWorkflowTest extends QuestionFixtures {

    private static final String UNIT = "Phòng Bưu chính, Viễn thông";

    @Test
    void aQuestionGoesFromNewToPublishedWithWhoAndWhenOfEveryStep() {
        String editor = tokenWithRole("editor");
        long id = ask(question("Sóng di động ở xã Gia Sinh rất yếu " + marker()));
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);

        JsonPath assigned = step(editor, id, "assign", Map.of("unit", UNIT));
        assertEquals("assigned", assigned.getString("state"));
        assertEquals(UNIT, assigned.getString("unit"));
        JsonPath answered = step(editor, id, "answer", Map.of("answer", "Sở đã đề nghị doanh nghiệp lắp thêm trạm."));
        assertEquals("answered", answered.getString("state"));
        assertEquals("Kiểm thử editor", answered.getString("answeredBy"));
        OffsetDateTime answeredAt = OffsetDateTime.parse(answered.getString("answeredAt"),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertTrue(answeredAt.isAfter(before));
        JsonPath edited = step(ADMIN_TOKEN, id, "answer", Map.of("answer", "Sở đã đề nghị doanh nghiệp lắp thêm hai trạm."));
        assertEquals("Sở đã đề nghị doanh nghiệp lắp thêm hai trạm.", edited.getString("answer"));
        assertFalse(edited.getString("answeredBy").equals("Kiểm thử editor"), "the last to answer is named");
        JsonPath published = step(editor, id, "publish", null);
        assertEquals("published", published.getString("state"));
        assertTrue(OffsetDateTime.parse(published.getString("publishedAt"), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .isAfter(before));

        JsonPath history = admin().get(ADMIN_QUESTIONS + "/" + id + "/transitions").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("answered", "answered", "assigned", "new"), history.getList("items.from"));
        assertEquals(List.of("published", "answered", "answered", "assigned"), history.getList("items.to"));
        assertEquals("Kiểm thử editor", history.getString("items[0].by"));
        assertEquals("Kiểm thử editor", history.getString("items[3].by"));
        assertEquals(UNIT, history.getString("items[3].comment"));
        for (String at : history.<String>getList("items.at")) {
            assertTrue(OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).isAfter(before), at);
        }
        for (String action : List.of("assign", "answer", "publish")) {
            assertTrue(count("SELECT count(*) FROM audit_log WHERE object_type = 'question' AND object_id = " + id
                    + " AND action = '" + action + "'") >= 1, action);
        }

        JsonPath unpublished = step(editor, id, "unpublish", null);
        assertEquals("answered", unpublished.getString("state"));
        api().get(QUESTIONS + "/" + id).then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'question' AND object_id = " + id
                + " AND action = 'unpublish' AND actor_name = 'Kiểm thử editor'"));
    }

    @Test
    void aRejectionKeepsItsReasonAndWhoMadeIt() {
        long id = ask(question("Câu hỏi ngoài thẩm quyền " + marker()));
        step(ADMIN_TOKEN, id, "assign", Map.of("unit", UNIT));
        badRequest().contentType("application/json").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("reason", " ")).post(ADMIN_QUESTIONS + "/" + id + "/reject").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        admin().get(ADMIN_QUESTIONS + "/" + id).then().body("state", equalTo("assigned"));

        String reason = "Nội dung không thuộc thẩm quyền giải quyết của Sở.";
        JsonPath rejected = step(ADMIN_TOKEN, id, "reject", Map.of("reason", reason));
        assertEquals("rejected", rejected.getString("state"));
        assertEquals(reason, rejected.getString("rejectReason"));
        admin().get(ADMIN_QUESTIONS + "/" + id + "/transitions").then().body("items[0].from", equalTo("assigned"))
                .body("items[0].to", equalTo("rejected")).body("items[0].comment", equalTo(reason))
                .body("items[0].at", notNullValue());
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'question' AND object_id = " + id
                + " AND action = 'reject'"));
    }

    @Test
    void stepsTheStateDoesNotAllowAreRefusedWithThatState() {
        long id = ask(question("Câu hỏi đi sai bước " + marker()));
        refused(id, "answer", Map.of("answer", "Trả lời trước khi chuyển đơn vị."), "new");
        refused(id, "publish", null, "new");
        refused(id, "unpublish", null, "new");
        step(ADMIN_TOKEN, id, "assign", Map.of("unit", UNIT));
        refused(id, "publish", null, "assigned");
        step(ADMIN_TOKEN, id, "answer", Map.of("answer", "Câu trả lời."));
        step(ADMIN_TOKEN, id, "publish", null);
        refused(id, "answer", Map.of("answer", "Sửa khi đã công bố."), "published");
        refused(id, "assign", Map.of("unit", UNIT), "published");
        refused(id, "reject", Map.of("reason", "Từ chối khi đã công bố."), "published");
        refused(id, "publish", null, "published");
        assertEquals(3, count("SELECT count(*) FROM content_transitions WHERE content_type = 'question' AND content_id = "
                + id));
        admin().get(ADMIN_QUESTIONS + "/" + id).then().body("answer", equalTo("Câu trả lời."));

        long rejected = ask(question("Câu hỏi bị từ chối rồi " + marker()));
        step(ADMIN_TOKEN, rejected, "reject", Map.of("reason", "Trùng câu hỏi đã trả lời."));
        refused(rejected, "assign", Map.of("unit", UNIT), "rejected");
        refused(rejected, "reject", Map.of("reason", "Lần nữa."), "rejected");
        admin().post(ADMIN_QUESTIONS + "/999999999/publish").then().statusCode(404);
    }

    private void refused(long id, String step, Map<String, Object> body, String state) {
        int version = admin().get(ADMIN_QUESTIONS + "/" + id).then().extract().path("version");
        var request = admin();
        if (body != null) {
            request = request.body(body);
        }
        request.post(ADMIN_QUESTIONS + "/" + id + "/" + step).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bantin:problem:invalid-transition")).body("state", equalTo(state))
                .body("detail", containsString(state));
        assertEquals(version, (int) admin().get(ADMIN_QUESTIONS + "/" + id).then().extract().path("version"),
                step + " changed nothing");
    }

    @Test
    void onlyEditorsSeeQuestions() {
        long id = ask(question("Ai được xem câu hỏi " + marker()));
        String author = tokenWithRole("author");
        as(author).get(ADMIN_QUESTIONS + "/" + id).then().statusCode(403);
        as(author).body(Map.of("unit", UNIT)).post(ADMIN_QUESTIONS + "/" + id + "/assign").then().statusCode(403);
        badRequest().get(ADMIN_QUESTIONS).then().statusCode(401);
    }

    @Test
    void theQueueListsNewQuestionsOldestFirstAndFindsWordsWithoutMarks() {
        String word = marker();
        long first = ask(question("Hỏi về lệ phí cấp giấy phép " + word));
        long second = ask(question("Hỏi về thời hạn giải quyết hồ sơ " + word));
        long assigned = ask(question("Hỏi về bưu chính công ích " + word));
        step(ADMIN_TOKEN, assigned, "assign", Map.of("unit", UNIT));

        List<Long> queue = admin().queryParam("state", "new").queryParam("q", word).get(ADMIN_QUESTIONS).then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(List.of(first, second), queue);
        admin().queryParam("q", "le phi " + word).get(ADMIN_QUESTIONS).then().body("items.id", equalTo(List.of((int) first)))
                .body("items[0].email", equalTo("nguyenvanan@example.vn"));
        admin().queryParam("state", "assigned").queryParam("q", word).get(ADMIN_QUESTIONS).then()
                .body("items.id", equalTo(List.of((int) assigned))).body("total", equalTo(1));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("state", "waiting").get(ADMIN_QUESTIONS).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }
}
