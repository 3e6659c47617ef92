package org.bantin.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.question.QuestionService;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The demo's questions load through the service as staff would answer them: four published, one waiting. */
@QuarkusTest
class DemoQuestionsTest extends ApiTest {

    @Inject
    QuestionService questions;

    @Test
    void theDemoQuestionsArePublishedButOne() {
        long before = count("SELECT count(*) FROM questions WHERE state = 'published'");
        DemoQuestions.load(questions, new Caller(null, "Bantin demo", Role.ADMIN));
        assertEquals(before + 4, count("SELECT count(*) FROM questions WHERE state = 'published'"));
        assertEquals(1, count("SELECT count(*) FROM questions WHERE state = 'new' AND name = 'Hoàng Văn Bình'"));
        api().queryParam("q", "dinh danh dien tu VNeID").get("/api/v1/questions").then().statusCode(200)
                .body("items.name", hasItem("Trần T. B. N.")).body("items[0].unit",
                        equalTo("Trung tâm Công nghệ thông tin và Truyền thông"));
    }
}
