package org.bantin.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bantin.media.MediaSamples;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A comment may bring a document or a photo, checked by its bytes; only staff download it. */
@QuarkusTest
class CommentAttachmentTest extends ConsultationFixtures {

    static Map<String, String> fields(boolean withConsent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Nguyễn Văn An");
        fields.put("email", "file.sender@example.vn");
        fields.put("comment", "Góp ý chi tiết trong tệp đính kèm.");
        if (withConsent) {
            fields.put("consent", "true");
        }
        return fields;
    }

    @Test
    void aPdfCommentIsStoredForStaffOnly() {
        long id = open();
        byte[] pdf = MediaSamples.pdf();
        long comment = sendForm(id, fields(true), "góp ý.pdf", "application/pdf", pdf).then().statusCode(201)
                .body("withAttachment", equalTo(true)).extract().jsonPath().getLong("id");
        admin().get(comments(id)).then().statusCode(200).body("items[0].attachment.fileName", equalTo("góp ý.pdf"))
                .body("items[0].attachment.contentType", equalTo("application/pdf"))
                .body("items[0].attachment.bytes", equalTo(pdf.length))
                .body("items[0].name", equalTo("Nguyễn Văn An"));
        byte[] downloaded = as(ADMIN_TOKEN).accept("*/*").get(comments(id) + "/" + comment + "/attachment").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"gop-y-" + comment + ".pdf\"")
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        RestAssured.given().get(comments(id) + "/" + comment + "/attachment").then().statusCode(401);

        admin().post(comments(id) + "/" + comment + "/approve").then().statusCode(200);
        close(id);
        String published = api().get(CONSULTATIONS + "/" + id + "/comments").then().statusCode(200).extract().asString();
        assertFalse(published.contains("attachment") || published.contains("file.sender"), published);
    }

    @Test
    void aCommentFormWithoutAFileIsTaken() {
        long id = open();
        sendForm(id, fields(true), null, null, null).then().statusCode(201).body("withAttachment", equalTo(false));
        assertEquals(1, commentsOf(id));
    }

    @Test
    void filesOfOtherTypesAreRefusedWith415AndNothingIsSaved() {
        long id = open();
        sendForm(id, fields(true), "bang-tinh.xlsx", "application/octet-stream", MediaSamples.xlsx()).then().statusCode(415);
        sendForm(id, fields(true), "trang.html", "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
        assertEquals(0, commentsOf(id));
    }

    @Test
    void aFormWithoutConsentIsRefusedWith422() {
        long id = open();
        sendForm(id, fields(false), "gop-y.pdf", "application/pdf", MediaSamples.pdf()).then().statusCode(422)
                .body("errors[0].field", equalTo("consent"));
        assertEquals(0, commentsOf(id));
    }
}
