package org.bantin.question;

import java.util.HashMap;
import java.util.Map;

import org.bantin.support.ApiTest;

import io.restassured.path.json.JsonPath;

/** Questions asked and moved through the workflow over HTTP, each with text no other test uses. */
abstract class QuestionFixtures extends ApiTest {

    static final String QUESTIONS = "/api/v1/questions";
    static final String ADMIN_QUESTIONS = "/api/v1/admin/questions";
    static final String TOPIC = "Thủ tục hành chính";

    /** A question of Nguyễn Văn An with both email and phone; the text ends with a marker no other question has. */
    static Map<String, Object> question(String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Nguyễn Văn An");
        input.put("email", "nguyenvanan@example.vn");
        input.put("phone", "0912 345 678");
        input.put("topic", TOPIC);
        input.put("question", text);
        input.put("consent", true);
        return input;
    }

    /** A word made only of letters, unique to the calling test, to find its questions by. */
    static String marker() {
        StringBuilder word = new StringBuilder("ma");
        for (char digit : Long.toString(System.nanoTime()).toCharArray()) {
            word.append((char) ('a' + digit - '0'));
        }
        return word.toString();
    }

    static long ask(Map<String, Object> input) {
        return api().header("Voter-Token", newVoter()).body(input).post(QUESTIONS).then().statusCode(202).extract()
                .jsonPath().getLong("id");
    }

    static JsonPath step(String token, long id, String step, Map<String, Object> body) {
        var request = as(token);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(ADMIN_QUESTIONS + "/" + id + "/" + step).then().statusCode(200).extract().jsonPath();
    }

    /** Asks, routes, answers and publishes a question; returns its id. */
    static long published(Map<String, Object> input, String answer) {
        long id = ask(input);
        step(ADMIN_TOKEN, id, "assign", Map.of("unit", "Phòng Hành chính – Tư pháp"));
        step(ADMIN_TOKEN, id, "answer", Map.of("answer", answer));
        step(ADMIN_TOKEN, id, "publish", null);
        return id;
    }

    long questionsContaining(String text) {
        return count("SELECT count(*) FROM questions WHERE question LIKE '%" + text + "%'");
    }
}
