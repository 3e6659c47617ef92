package org.bantin.document;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Document types are a list editors keep: added, renamed with their documents, ordered, deleted once unused. */
@QuarkusTest
class DocumentTypesTest extends DocumentFixtures {

    private static final String TYPES = "/api/v1/document-types";
    private static final String ADMIN_TYPES = "/api/v1/admin/document-types";

    @Test
    void readersGetTheTypesInTheSitesOrder() {
        List<String> names = api().get(TYPES).then().statusCode(200).extract().jsonPath().getList("name");
        assertEquals(List.of("Luật", "Nghị định", "Thông tư", "Quyết định"), names.subList(0, 4));
        List<Integer> positions = api().get(TYPES).then().extract().jsonPath().getList("position");
        assertEquals(positions.stream().sorted().toList(), positions);
    }

    @Test
    void aTypeIsAddedRenamedWithItsDocumentsAndDeletedOnceUnused() {
        long audited = count("SELECT count(*) FROM audit_log WHERE object_type = 'document-type'");
        long suffix = System.nanoTime();
        String name = "Hướng dẫn " + suffix;
        admin().body(Map.of("name", " " + name + " ", "position", 1000)).post(ADMIN_TYPES).then().statusCode(201)
                .body("name", equalTo(name)).body("position", equalTo(1000)).body("secondApproval", equalTo(false))
                .body("documents", equalTo(0));
        admin().body(Map.of("name", name)).post(ADMIN_TYPES).then().statusCode(409);
        api().get(TYPES).then().body("name", hasItem(name));

        Map<String, Object> input = document("50/2024/HD-UBND", "Hướng dẫn thực hiện quy chế");
        input.put("type", name);
        long id = createPublished(input);
        String slug = slugOf(id);
        api().get(DOCUMENTS + "/" + slug).then().statusCode(200).body("type", equalTo(name));

        long renamedSuffix = System.nanoTime();
        String renamed = "Hướng dẫn liên ngành " + renamedSuffix;
        admin().body(Map.of("name", renamed)).patch(ADMIN_TYPES + "/" + name).then().statusCode(200)
                .body("name", equalTo(renamed)).body("position", equalTo(1000)).body("documents", equalTo(1));
        api().get(DOCUMENTS + "/" + slug).then().statusCode(200).body("type", equalTo(renamed));
        assertEquals(List.of("50/2024/HD-UBND"), numbersFound(Map.of("type", renamed)));
        admin().body(Map.of("name", "Quyết định")).patch(ADMIN_TYPES + "/" + renamed).then().statusCode(409);
        admin().body(Map.of("position", 2)).patch(ADMIN_TYPES + "/Không có " + System.nanoTime()).then().statusCode(404);

        admin().delete(ADMIN_TYPES + "/" + renamed).then().statusCode(409);
        api().get(TYPES).then().body("name", hasItem(renamed));
        admin().delete(ADMIN_DOCUMENTS + "/" + id).then().statusCode(204);
        admin().delete(ADMIN_TYPES + "/" + renamed).then().statusCode(204);
        api().get(TYPES).then().body("name", not(hasItem(renamed)));

        assertEquals(audited + 3, count("SELECT count(*) FROM audit_log WHERE object_type = 'document-type'"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document-type' AND action = 'update'"
                + " AND path LIKE '%" + suffix + "'"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE object_type = 'document-type' AND action = 'delete'"
                + " AND path LIKE '%" + renamedSuffix + "'"));
    }

    @Test
    void onlyEditorsChangeTheList() {
        String author = tokenWithRole("author");
        as(author).get(ADMIN_TYPES).then().statusCode(200).body("name", hasItem("Quyết định"));
        as(author).body(Map.of("name", "Sắc lệnh")).post(ADMIN_TYPES).then().statusCode(403);
        as(author).delete(ADMIN_TYPES + "/Thông báo").then().statusCode(403);
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("name", " ")).post(ADMIN_TYPES).then().statusCode(422);
        api().get(TYPES).then().body("name", not(hasItem("Sắc lệnh")));
    }
}
