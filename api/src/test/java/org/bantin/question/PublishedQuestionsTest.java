package org.bantin.question;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readers see published questions only, found without marks, the asker's name shortened and no contact ever. */
@QuarkusTest
class PublishedQuestionsTest extends QuestionFixtures {

    private static final String ANSWER = "Hồ sơ gồm đơn đề nghị theo mẫu và bản sao giấy chứng nhận đăng ký doanh nghiệp.";

    @Test
    void onlyPublishedQuestionsAreListedNewestAnswerFirst() {
        String word = marker();
        long older = published(question("Thủ tục cấp giấy phép bưu chính " + word), ANSWER);
        long newer = published(question("Thủ tục cấp giấy phép xuất bản bản tin " + word), ANSWER);
        long answered = ask(question("Thủ tục chưa công bố " + word));
        step(ADMIN_TOKEN, answered, "assign", Map.of("unit", "Văn phòng Sở"));
        step(ADMIN_TOKEN, answered, "answer", Map.of("answer", ANSWER));
        ask(question("Thủ tục mới hỏi " + word));
        long rejected = ask(question("Thủ tục bị từ chối " + word));
        step(ADMIN_TOKEN, rejected, "reject", Map.of("reason", "Trùng lặp."));

        List<Long> listed = api().queryParam("q", word).get(QUESTIONS).then().statusCode(200).body("total", equalTo(2))
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(List.of(newer, older), listed);
        for (long hidden : List.of(answered, rejected)) {
            api().get(QUESTIONS + "/" + hidden).then().statusCode(404).contentType("application/problem+json");
        }
        api().get(QUESTIONS + "/" + older).then().statusCode(200).body("answer", equalTo(ANSWER))
                .body("unit", equalTo("Phòng Hành chính – Tư pháp")).body("topic", equalTo(TOPIC));
    }

    @Test
    void theNameIsShortenedAndTheContactIsInNoPublicBody() {
        String word = marker();
        Map<String, Object> input = question("Hỏi về chữ ký số cho hộ kinh doanh " + word);
        long id = published(input, ANSWER);

        String list = api().queryParam("q", word).get(QUESTIONS).then().statusCode(200)
                .body("items[0].name", equalTo("Nguyễn V. A.")).extract().asString();
        String one = api().get(QUESTIONS + "/" + id).then().statusCode(200).body("name", equalTo("Nguyễn V. A."))
                .extract().asString();
        String all = api().get(QUESTIONS).then().statusCode(200).extract().asString();
        for (String body : List.of(list, one, all)) {
            for (String personal : List.of("nguyenvanan@example.vn", "0912 345 678", "Nguyễn Văn An", "@example.vn", "0912",
                    "\"email\"", "\"phone\"")) {
                assertEquals(-1, body.indexOf(personal), personal + " in " + body);
            }
        }
    }

    @Test
    void namesAreShortenedToTheFamilyNameAndInitials() {
        assertEquals("Nguyễn V. A.", PublicNames.of("Nguyễn Văn An"));
        assertEquals("Trần T. B. N.", PublicNames.of("  trần   thị bích ngọc "));
        assertEquals("Đỗ Đ.", PublicNames.of("Đỗ đức"));
        assertEquals("Ánh Ứ.", PublicNames.of("A\u0301nh ư\u0301"));
        assertEquals("H.", PublicNames.of("Hùng"));
        assertEquals("Nguyễn V. A.", PublicNames.of(PublicNames.of("Nguyễn Văn An")));
    }

    @Test
    void searchFindsWordsOfQuestionAndAnswerWithoutMarks() {
        String word = marker();
        Map<String, Object> land = question("Thủ tục chuyển mục đích sử dụng đất " + word);
        land.put("topic", "Đất đai");
        long aboutLand = published(land, "Nộp hồ sơ tại bộ phận một cửa cấp huyện.");
        long aboutLicence = published(question("Cấp lại giấy phép bị mất " + word), "Xuất trình căn cước công dân.");

        assertEquals(List.of(aboutLand), found("thu tuc " + word, null));
        assertEquals(List.of(aboutLand), found("THỦ TỤC " + word, null));
        assertEquals(List.of(aboutLicence), found("can cuoc cong dan " + word, null));
        assertEquals(List.of(aboutLicence, aboutLand), found(word, null));
        assertEquals(List.of(aboutLand), found(word, "Đất đai"));
        assertEquals(List.of(), found("\"cong dan can cuoc\" " + word, null));
    }

    private static List<Long> found(String q, String topic) {
        var request = api().queryParam("q", q);
        if (topic != null) {
            request = request.queryParam("topic", topic);
        }
        return request.get(QUESTIONS).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void aPublishedQuestionCarriesAnETag() {
        long id = published(question("Hỏi về giờ làm việc của bộ phận một cửa " + marker()), ANSWER);
        String etag = api().get(QUESTIONS + "/" + id).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", etag).get(QUESTIONS + "/" + id).then().statusCode(304);
        String listTag = api().get(QUESTIONS).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", listTag).get(QUESTIONS).then().statusCode(304);
        badRequest().queryParam("category", "x").get(QUESTIONS).then().statusCode(400).body("errors[0].field",
                equalTo("category"));
    }
}
