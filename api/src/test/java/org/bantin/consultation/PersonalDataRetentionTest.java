package org.bantin.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.media.MediaSamples;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Past the retention period after closing, emails, files and unpublished names are erased; published names stay. */
@QuarkusTest
class PersonalDataRetentionTest extends ConsultationFixtures {

    @Inject
    PersonalDataRetention retention;

    @Test
    void theRetentionJobErasesEmailsFilesAndUnpublishedNames() {
        long expired = open();
        long approved = sent(expired, comment("kept.until@example.vn"));
        long pending = sent(expired, comment("pending.person@example.vn"));
        sendForm(expired, CommentAttachmentTest.fields(true), "gop-y.pdf", "application/pdf", MediaSamples.pdf()).then()
                .statusCode(201);
        admin().post(comments(expired) + "/" + approved + "/approve").then().statusCode(200);
        long recent = open();
        sent(recent, comment("recent@example.vn"));
        // Closed a little more than the retention period (365 days) ago.
        admin().contentType(MERGE_PATCH)
                .body(Map.of("opensAt", at(now().minusDays(400)), "closesAt", at(now().minusDays(366))))
                .patch(ADMIN_CONSULTATIONS + "/" + expired).then().statusCode(200);

        retention.erase();

        assertEquals(0, count("SELECT count(*) FROM consultation_comments WHERE consultation_id = " + expired
                + " AND email IS NOT NULL"));
        assertEquals(0, count("SELECT count(*) FROM consultation_comment_files f JOIN consultation_comments c"
                + " ON c.id = f.comment_id WHERE c.consultation_id = " + expired));
        assertEquals(1, count("SELECT count(*) FROM consultation_comments WHERE id = " + approved
                + " AND name = 'Nguyễn Văn An'"));
        assertEquals(1, count("SELECT count(*) FROM consultation_comments WHERE id = " + pending + " AND name IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM consultation_comments WHERE consultation_id = " + recent
                + " AND email = 'recent@example.vn'"));
        admin().get(comments(expired)).then().statusCode(200);
    }
}
