package org.bantin.consultation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Comments are taken only while a published consultation is open, with consent and valid fields; else nothing is saved. */
@QuarkusTest
class CommentWindowTest extends ConsultationFixtures {

    @Test
    void commentsBeforeOpeningAreRefusedWith409AndNotSaved() {
        long id = published(now().plusDays(1), now().plusDays(10));
        send(id, comment("an@example.vn")).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
        assertEquals(0, commentsOf(id));
    }

    @Test
    void commentsAfterClosingAreRefusedWith409AndNotSaved() {
        long id = published(now().minusDays(10), now().minusDays(1));
        send(id, comment("an@example.vn")).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("closed"));
        assertEquals(0, commentsOf(id));
    }

    @Test
    void anOpenConsultationTakesACommentPendingModeration() {
        long id = open();
        send(id, comment("an@example.vn")).then().statusCode(201).body("status", equalTo("pending"))
                .body("consultationId", equalTo((int) id)).body("withAttachment", equalTo(false));
        assertEquals(1, count("SELECT count(*) FROM consultation_comments WHERE consultation_id = " + id
                + " AND email = 'an@example.vn' AND status = 'pending'"));
    }

    @Test
    void consentIsRequiredAndNothingIsSavedWithout() {
        long id = open();
        Map<String, Object> refused = comment("an@example.vn");
        refused.put("consent", false);
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(refused)
                .post(CONSULTATIONS + "/" + id + "/comments").then().statusCode(422)
                .body("errors.field", hasItem("consent"));
        Map<String, Object> missing = comment("an@example.vn");
        missing.remove("consent");
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(missing)
                .post(CONSULTATIONS + "/" + id + "/comments").then().statusCode(422)
                .body("errors.field", hasItem("consent"));
        assertEquals(0, commentsOf(id));
    }

    @Test
    void invalidEmailsAndLongTextsAreRefusedWith422() {
        long id = open();
        Map<String, Object> input = comment("not-an-email");
        input.put("comment", "ý".repeat(10_001));
        badRequest().contentType("application/json").header("Voter-Token", newVoter()).body(input)
                .post(CONSULTATIONS + "/" + id + "/comments").then().statusCode(422)
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("comment"));
        assertEquals(0, commentsOf(id));
    }

    @Test
    void aCommentNeedsAVoterToken() {
        long id = open();
        badRequest().contentType("application/json").body(comment("an@example.vn"))
                .post(CONSULTATIONS + "/" + id + "/comments").then().statusCode(401);
        assertEquals(0, commentsOf(id));
    }

    @Test
    void draftsTakeNoComments() {
        long id = admin().body(consultation(draftDocument(), now().minusDays(1), now().plusDays(1)))
                .post(ADMIN_CONSULTATIONS).then().statusCode(201).extract().jsonPath().getLong("id");
        send(id, comment("an@example.vn")).then().statusCode(404);
        api().get(CONSULTATIONS + "/" + id).then().statusCode(404);
        assertEquals(0, commentsOf(id));
    }

    @Test
    void closesAtMustComeAfterOpensAt() {
        long document = draftDocument();
        badRequest().contentType("application/json").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(consultation(document, now(), now().minusHours(1))).post(ADMIN_CONSULTATIONS).then().statusCode(422)
                .body("errors.field", hasItem("closesAt"));
        assertEquals(0, count("SELECT count(*) FROM consultations WHERE document_id = " + document));
    }
}
