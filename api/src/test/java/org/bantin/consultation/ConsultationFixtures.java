package org.bantin.consultation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.bantin.support.ApiTest;

import io.restassured.response.Response;

/** Consultations on draft documents as staff write them, and comments as readers send them. */
abstract class ConsultationFixtures extends ApiTest {

    static final String ADMIN_CONSULTATIONS = "/api/v1/admin/consultations";
    static final String CONSULTATIONS = "/api/v1/consultations";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String BOUNDARY = "----bantin-comment-form";

    static String at(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A draft document for a consultation to be about. */
    static long draftDocument() {
        Map<String, Object> document = new HashMap<>();
        document.put("number", "Dự thảo " + System.nanoTime());
        document.put("type", "Quyết định");
        document.put("issuer", "UBND tỉnh Ninh Bình");
        document.put("summary", "Ban hành Quy định quản lý, vận hành Cổng thông tin điện tử tỉnh Ninh Bình");
        return admin().body(document).post("/api/v1/admin/documents").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static Map<String, Object> consultation(long documentId, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        Map<String, Object> consultation = new HashMap<>();
        consultation.put("title", "Lấy ý kiến dự thảo Quy định quản lý Cổng thông tin điện tử tỉnh " + System.nanoTime());
        consultation.put("description", "Sở Thông tin và Truyền thông đề nghị các tổ chức, cá nhân góp ý.");
        consultation.put("documentId", documentId);
        consultation.put("opensAt", at(opensAt));
        consultation.put("closesAt", at(closesAt));
        return consultation;
    }

    /** A published consultation on a new draft, taking comments between these times. */
    static long published(OffsetDateTime opensAt, OffsetDateTime closesAt) {
        long id = admin().body(consultation(draftDocument(), opensAt, closesAt)).post(ADMIN_CONSULTATIONS).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        admin().post(ADMIN_CONSULTATIONS + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static long open() {
        return published(now().minusDays(1), now().plusDays(10));
    }

    /** Moves a consultation's window into the past, as if it had closed a moment ago. */
    static void close(long id) {
        Map<String, Object> times = Map.of("opensAt", at(now().minusDays(30)), "closesAt", at(now().minusSeconds(1)));
        admin().contentType(MERGE_PATCH).body(times).patch(ADMIN_CONSULTATIONS + "/" + id).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("closed"));
    }

    /**
     * A comment sent as a browser's form would send it: multipart/form-data with a Content-Length, its fields in
     * UTF-8, and the file (name, type, bytes) if not null. The checker cannot read multipart bodies, so only the
     * response is checked.
     */
    static Response sendForm(long consultationId, Map<String, String> fields, String fileName, String type, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return badRequest().header("Voter-Token", newVoter()).contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(body.toByteArray()).post(CONSULTATIONS + "/" + consultationId + "/comments");
    }

    static Map<String, Object> comment(String email) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("name", "Nguyễn Văn An");
        comment.put("email", email);
        comment.put("organisation", "Hội Doanh nghiệp tỉnh Ninh Bình");
        comment.put("comment", "Đề nghị bổ sung quy định về thời hạn cập nhật văn bản trên cổng thông tin.");
        comment.put("consent", true);
        return comment;
    }

    static Response send(long consultationId, Map<String, Object> comment) {
        return api().header("Voter-Token", newVoter()).body(comment).post(CONSULTATIONS + "/" + consultationId + "/comments");
    }

    static long sent(long consultationId, Map<String, Object> comment) {
        return send(consultationId, comment).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String comments(long consultationId) {
        return ADMIN_CONSULTATIONS + "/" + consultationId + "/comments";
    }

    long commentsOf(long consultationId) {
        return count("SELECT count(*) FROM consultation_comments WHERE consultation_id = " + consultationId);
    }
}
