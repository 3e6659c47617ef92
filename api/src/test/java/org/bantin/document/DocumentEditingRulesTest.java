package org.bantin.document;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DocumentEditingRulesTest extends DocumentFixtures {

    @Test
    void authorsWriteDraftsThatOnlyEditorsPublish() {
        String author = tokenWithRole("author");
        long id = as(author).body(document("21/2024/QĐ-UBND", "Dự thảo của tác giả")).post(ADMIN_DOCUMENTS).then()
                .statusCode(201).body("state", equalTo("draft")).extract().jsonPath().getLong("id");

        as(author).post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(403);
        api().get(DOCUMENTS + "/" + slugOf(id)).then().statusCode(404);
        assertEquals(List.of(), numbersFound(Map.of()));

        as(tokenWithRole("editor")).post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(200);
        // The author's change to a published document waits beside it, as its pending version.
        as(author).body(document("21/2024/QĐ-UBND", "Sửa sau khi ban hành")).put(ADMIN_DOCUMENTS + "/" + id).then()
                .statusCode(200).body("pending.state", equalTo("draft"));
        api().get(DOCUMENTS + "/" + slugOf(id)).then().statusCode(200).body("summary", equalTo("Dự thảo của tác giả"));
        as(author).delete(ADMIN_DOCUMENTS + "/" + id).then().statusCode(403);
        admin().post(ADMIN_DOCUMENTS + "/" + id + "/unpublish").then().statusCode(200).body("state", equalTo("draft"));
        api().get(DOCUMENTS + "/" + slugOf(id)).then().statusCode(404);
        assertEquals(2,
                count("SELECT count(*) FROM content_transitions WHERE content_type = 'document' AND content_id = " + id));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document' AND action = 'unpublish'"
                + " AND object_id = " + id));
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefused() {
        long id = create(document("22/2024/QĐ-UBND", "Bản đầu"));
        String etag = admin().get(ADMIN_DOCUMENTS + "/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("summary", "Bản hai"))
                .patch(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200).body("summary", equalTo("Bản hai"));

        admin().header("If-Match", etag).body(document("22/2024/QĐ-UBND", "Bản ba")).put(ADMIN_DOCUMENTS + "/" + id)
                .then().statusCode(412);
        admin().get(ADMIN_DOCUMENTS + "/" + id).then().body("summary", equalTo("Bản hai"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long other = create(document("23/2024/QĐ-UBND", "Văn bản khác"));
        long id = create(document("24/2024/QĐ-UBND", "Bản gốc"));
        long documentsBefore = count("SELECT count(*) FROM documents");

        Map<String, Object> unknownType = document("25/2024/QĐ-UBND", "Loại lạ");
        unknownType.put("type", "Sắc lệnh");
        refused(unknownType, "type");
        Map<String, Object> endsBeforeStart = document("25/2024/QĐ-UBND", "Ngày sai");
        endsBeforeStart.put("expiresAt", "2024-05-31");
        refused(endsBeforeStart, "expiresAt");
        Map<String, Object> unknownRelation = document("25/2024/QĐ-UBND", "Liên kết lạ");
        unknownRelation.put("guides", List.of(other, Long.MAX_VALUE));
        refused(unknownRelation, "guides");
        assertEquals(documentsBefore, count("SELECT count(*) FROM documents"));

        Map<String, Object> itself = document("24/2024/QĐ-UBND", "Tự thay thế");
        itself.put("replaces", List.of(other));
        itself.put("amends", List.of(id));
        admin().body(itself).put(ADMIN_DOCUMENTS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("amends"));
        admin().get(ADMIN_DOCUMENTS + "/" + id).then().body("summary", equalTo("Bản gốc"))
                .body("replaces.size()", equalTo(0));
        assertEquals(0, count("SELECT count(*) FROM document_relations WHERE from_id = " + id));
    }

    private void refused(Map<String, Object> document, String field) {
        admin().body(document).post(ADMIN_DOCUMENTS).then().statusCode(422).body("errors[0].field", equalTo(field));
    }
}
