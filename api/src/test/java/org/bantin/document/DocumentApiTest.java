package org.bantin.document;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.bantin.media.MediaSamples;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DocumentApiTest extends DocumentFixtures {

    private static final String SUMMARY = "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính trên địa bàn tỉnh";

    @Test
    void aPublishedDocumentIsReadWithItsFilesAndStatus() {
        byte[] pdf = ("%PDF-1.7\n" + "1 0 obj << >> endobj\n".repeat(50) + "%%EOF\n").getBytes();
        long file = multipartAs(ADMIN_TOKEN).multiPart("file", "15-2024-QD-UBND.pdf", pdf, "application/pdf")
                .post("/api/v1/admin/media").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> input = document("10/2024/QĐ-UBND", SUMMARY);
        input.put("attachments", List.of(file));
        long id = create(input);
        String slug = slugOf(id);
        assertEquals("10-2024-qd-ubnd-ban-hanh-quy-che-phoi-hop-giai-quyet-thu-tuc-hanh-chinh", slug);
        assertEquals(slug + "-2", slugOf(create(document("10/2024/QĐ-UBND", SUMMARY))));

        admin().post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(200).body("state", equalTo("published"));

        String etag = api().get(DOCUMENTS + "/" + slug).then().statusCode(200)
                .body("number", equalTo("10/2024/QĐ-UBND"))
                .body("signer.position", equalTo("Chủ tịch"))
                .body("status", equalTo("in_force")).body("statusLabel", equalTo("Còn hiệu lực"))
                .body("attachments[0].fileName", equalTo("15-2024-QD-UBND.pdf"))
                .body("attachments[0].contentType", equalTo("application/pdf"))
                .body("attachments[0].bytes", equalTo(pdf.length))
                .extract().header("ETag");
        api().header("If-None-Match", etag).get(DOCUMENTS + "/" + slug).then().statusCode(304);
        admin().delete("/api/v1/admin/media/" + file).then().statusCode(409);
        api().get(DOCUMENTS + "/" + slug).then().body("attachments.id", contains((int) file));
        assertEquals(1, count("SELECT count(*) FROM content_transitions WHERE content_type = 'document' AND content_id = "
                + id + " AND from_state = 'draft' AND to_state = 'published'"));
    }

    @Test
    void searchFindsTheSymbolWholeOrInPartAndSummaryWordsWithoutMarks() {
        createPublished(document("15/2024/QĐ-UBND", SUMMARY));
        createPublished(document("07/2019/CT-TTg", "Chỉ thị về tăng cường kỷ luật hành chính"));

        assertEquals(List.of("15/2024/QĐ-UBND"), numbersFound(Map.of("q", "15/2024/QĐ-UBND")));
        assertEquals(List.of("15/2024/QĐ-UBND"), numbersFound(Map.of("q", "15/2024")));
        assertEquals(List.of("15/2024/QĐ-UBND"), numbersFound(Map.of("q", "qd-ubnd")));
        assertEquals(List.of("15/2024/QĐ-UBND"), numbersFound(Map.of("q", "quy che phoi hop")));
        assertEquals(List.of("07/2019/CT-TTg"), numbersFound(Map.of("q", "ky luat")));
        assertEquals(List.of("07/2019/CT-TTg"), numbersFound(Map.of("number", "ct-ttg")));
        assertEquals(List.of(), numbersFound(Map.of("q", "100%_")));
    }

    @Test
    void everyFilterNarrowsTheListNewestIssueFirst() {
        Map<String, Object> decision = document("20/2024/QĐ-UBND", SUMMARY);
        Map<String, Object> plan = document("112/KH-UBND", "Kế hoạch chuyển đổi số năm 2023");
        plan.put("type", "Kế hoạch");
        plan.put("field", "Khoa học – Công nghệ");
        plan.put("signer", Map.of("name", "Trần Song Tùng", "position", "Phó Chủ tịch"));
        plan.put("issuedAt", "2023-02-10");
        plan.put("effectiveAt", "2023-02-10");
        createPublished(decision);
        createPublished(plan);
        create(document("99/2024/QĐ-UBND", "Dự thảo chưa ban hành"));

        assertEquals(List.of("20/2024/QĐ-UBND", "112/KH-UBND"), numbersFound(Map.of()));
        assertEquals(List.of("112/KH-UBND"), numbersFound(Map.of("type", "Kế hoạch")));
        assertEquals(List.of("112/KH-UBND"), numbersFound(Map.of("field", "khoa hoc – cong nghe")));
        assertEquals(List.of("112/KH-UBND"), numbersFound(Map.of("signer", "song tung")));
        assertEquals(List.of("20/2024/QĐ-UBND"), numbersFound(Map.of("year", 2024)));
        assertEquals(List.of("20/2024/QĐ-UBND"), numbersFound(Map.of("number", "20/2024")));
        assertEquals(List.of(), numbersFound(Map.of("type", "Luật")));
        api().queryParam("issuer", issuer).queryParam("limit", 1).queryParam("page", 2).get(DOCUMENTS).then()
                .statusCode(200).body("total", equalTo(2)).body("items.number", contains("112/KH-UBND"));
    }

    @Test
    void statusFollowsTheDatesOfToday() {
        Map<String, Object> future = document("01/2030/QĐ-UBND", "Chưa có hiệu lực");
        future.put("effectiveAt", TODAY.plusDays(1).toString());
        Map<String, Object> expired = document("02/2020/QĐ-UBND", "Hết hiệu lực");
        expired.put("effectiveAt", "2020-01-01");
        expired.put("expiresAt", TODAY.toString());
        Map<String, Object> inForce = document("03/2024/QĐ-UBND", "Còn hiệu lực");
        inForce.put("effectiveAt", TODAY.toString());
        inForce.put("expiresAt", TODAY.plusDays(1).toString());
        for (Map<String, Object> document : List.of(future, expired, inForce)) {
            createPublished(document);
        }
        assertEquals(List.of("01/2030/QĐ-UBND"), numbersFound(Map.of("status", "not_yet_in_force")));
        assertEquals(List.of("02/2020/QĐ-UBND"), numbersFound(Map.of("status", "expired")));
        assertEquals(List.of("03/2024/QĐ-UBND"), numbersFound(Map.of("status", "in_force")));
        api().queryParam("issuer", issuer).queryParam("status", "expired").get(DOCUMENTS).then()
                .body("items[0].statusLabel", equalTo("Hết hiệu lực"));
    }

    @Test
    void aReplacementShowsOnBothSidesAndOnlyOncePublished() {
        long old = createPublished(document("07/2019/QĐ-UBND", "Quy chế cũ"));
        long amended = createPublished(document("08/2019/QĐ-UBND", "Quy định được sửa đổi"));
        Map<String, Object> input = document("15/2024/QĐ-UBND", SUMMARY);
        input.put("replaces", List.of(old));
        input.put("amends", List.of(amended));
        long replacing = create(input);

        api().get(DOCUMENTS + "/" + slugOf(old)).then().statusCode(200).body("status", equalTo("in_force"))
                .body("replacedBy", empty());
        admin().post(ADMIN_DOCUMENTS + "/" + replacing + "/publish").then().statusCode(200);

        api().get(DOCUMENTS + "/" + slugOf(old)).then().statusCode(200).body("status", equalTo("replaced"))
                .body("statusLabel", equalTo("Bị thay thế")).body("replacedBy.number", contains("15/2024/QĐ-UBND"))
                .body("replacedBy[0].id", equalTo((int) replacing));
        api().get(DOCUMENTS + "/" + slugOf(amended)).then().body("status", equalTo("in_force"))
                .body("amendedBy.slug", contains(slugOf(replacing)));
        api().get(DOCUMENTS + "/" + slugOf(replacing)).then().body("replaces.number", contains("07/2019/QĐ-UBND"))
                .body("amends.number", contains("08/2019/QĐ-UBND"));
        assertEquals(List.of("07/2019/QĐ-UBND"), numbersFound(Map.of("status", "replaced")));

        // Said from the replaced document's side, the relation is the same single row.
        Map<String, Object> fromOldSide = document("07/2019/QĐ-UBND", "Quy chế cũ");
        fromOldSide.put("replacedBy", List.of(replacing));
        admin().body(fromOldSide).put(ADMIN_DOCUMENTS + "/" + old).then().statusCode(200)
                .body("replacedBy", hasSize(1));
        assertEquals(1, count("SELECT count(*) FROM document_relations WHERE to_id = " + old));
    }

    @Test
    void anAttachmentMustBeADocumentOfTheLibrary() {
        long image = multipartAs(ADMIN_TOKEN).multiPart("file", "anh.png", MediaSamples.png(32, 32), "image/png")
                .post("/api/v1/admin/media").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> input = document("16/2024/QĐ-UBND", SUMMARY);
        input.put("attachments", List.of(image));
        admin().body(input).post(ADMIN_DOCUMENTS).then().statusCode(422)
                .body("errors[0].field", equalTo("attachments"));
    }
}
