package org.bantin.question;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Floods of questions from one address are refused with a 429 and saved nowhere. */
@QuarkusTest
@TestProfile(QuestionFloodTest.TwoQuestionsAnHour.class)
class QuestionFloodTest extends QuestionFixtures {

    public static class TwoQuestionsAnHour implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.submissions.burst", "2",
                    "bantin.rate-limit.submissions.refill", "1",
                    "bantin.rate-limit.submissions.refill-period", "1H");
        }
    }

    @Test
    void aThirdQuestionFromOneAddressIsRefusedAndNotSaved() {
        String text = "Hỏi dồn dập " + marker();
        ask(question(text + " một"));
        ask(question(text + " hai"));
        api().header("Voter-Token", newVoter()).body(question(text + " ba")).post(QUESTIONS).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        assertEquals(2, questionsContaining(text));
    }
}
