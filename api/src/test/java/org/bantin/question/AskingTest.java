package org.bantin.question;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readers ask with consent, a way to answer them and a topic of the list; the receipt gives nothing personal back. */
@QuarkusTest
class AskingTest extends QuestionFixtures {

    @Test
    void aQuestionIsTakenWithConsentAndTheReceiptHoldsNoPersonalData() {
        String text = "Xin hỏi thủ tục cấp phép trang thông tin điện tử " + marker();
        String body = api().header("Voter-Token", newVoter()).body(question(text)).post(QUESTIONS).then().statusCode(202)
                .body("id", notNullValue()).body("state", equalTo("new")).body("topic", equalTo(TOPIC))
                .body("askedAt", notNullValue()).extract().asString();
        for (String personal : List.of("Nguyễn Văn An", "nguyenvanan@example.vn", "0912 345 678", text)) {
            assertEquals(-1, body.indexOf(personal), personal);
        }
        assertEquals(1, questionsContaining(text));
        assertEquals(1, count("SELECT count(*) FROM questions WHERE question = '" + text
                + "' AND state = 'new' AND email = 'nguyenvanan@example.vn' AND phone = '0912 345 678'"));
    }

    @Test
    void withoutConsentNothingIsSaved() {
        String text = "Câu hỏi không đồng ý " + marker();
        Map<String, Object> refused = question(text);
        refused.put("consent", false);
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(refused).post(QUESTIONS).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", equalTo(List.of("consent")))
                .body("errors[0].message", containsString("must be true"));
        refused.remove("consent");
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(refused).post(QUESTIONS).then()
                .statusCode(422).body("errors.field", equalTo(List.of("consent")));
        assertEquals(0, questionsContaining(text));
    }

    @Test
    void anEmailOrAPhoneIsRequiredAndEachMustBeOne() {
        String text = "Câu hỏi không có liên hệ " + marker();
        Map<String, Object> input = question(text);
        input.remove("email");
        input.remove("phone");
        api().header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("email", "phone"));
        input.put("email", "");
        api().header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("email", "phone"));
        input.put("email", "khong-phai-email");
        api().header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("email")));
        input.remove("email");
        input.put("phone", "gọi tôi");
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("phone")));
        assertEquals(0, questionsContaining(text));

        input.put("phone", "+84 229 3871 234");
        long id = ask(input);
        admin().get(ADMIN_QUESTIONS + "/" + id).then().body("phone", equalTo("+84 229 3871 234"))
                .body("$", not(hasKey("email")));
        assertEquals(1, questionsContaining(text));
    }

    @Test
    void theTopicMustBeOneOfTheList() {
        List<String> topics = api().get(QUESTIONS + "/topics").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(TOPIC, topics.get(0));
        String text = "Câu hỏi về chủ đề lạ " + marker();
        Map<String, Object> input = question(text);
        input.put("topic", "Chuyện phiếm");
        api().header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("topic"))).body("errors[0].message", containsString("Đất đai"));
        assertEquals(0, questionsContaining(text));
    }

    @Test
    void askingNeedsAVoterToken() {
        String text = "Câu hỏi không có mã bạn đọc " + marker();
        badRequest().contentType("application/json").body(question(text)).post(QUESTIONS).then().statusCode(401)
                .header("WWW-Authenticate", "Voter-Token");
        badRequest().contentType("application/json").header("Voter-Token", "gia.mao").body(question(text)).post(QUESTIONS)
                .then().statusCode(401);
        assertEquals(0, questionsContaining(text));
    }

    @Test
    void thePrivacyNoticeSaysPurposeWhatIsKeptAndHowLong() {
        api().get(QUESTIONS + "/privacy-notice").then().statusCode(200).body("retentionDays", equalTo(365))
                .body("collected", hasItem("Thư điện tử hoặc số điện thoại"))
                .body("text", containsString("365 ngày")).body("text", containsString("13/2023/NĐ-CP"))
                .body("purpose", containsString("trả lời câu hỏi"));
    }

    @Test
    void manyAskersAtOnceAreEachTakenOnce() throws Exception {
        String text = "Hỏi cùng lúc " + marker();
        int askers = 24;
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < askers; i++) {
            voters.add(newVoter());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> asked = new ArrayList<>();
            for (int i = 0; i < askers; i++) {
                String voter = voters.get(i);
                Map<String, Object> input = question(text + " số " + i);
                asked.add(pool.submit(() -> api().header("Voter-Token", voter).body(input).post(QUESTIONS).then()
                        .statusCode(202).extract().jsonPath().getLong("id")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> id : asked) {
                ids.add(id.get());
            }
            assertEquals(askers, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(askers, questionsContaining(text));
        assertEquals(askers, count("SELECT count(DISTINCT question) FROM questions WHERE question LIKE '" + text + "%'"));
    }
}
