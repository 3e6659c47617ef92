package org.bantin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Every admin write of the published contract is named: a known object type and an action of its own. */
class AdminActionsTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @Test
    void everyAdminWriteOfTheContractHasANamedAction() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of(ApiTest.CONTRACT).toFile()).get("paths");
        int writes = 0;
        for (var path = paths.fields(); path.hasNext();) {
            var item = path.next();
            if (!item.getKey().startsWith(AdminActions.ADMIN_PATH)) {
                continue;
            }
            if (item.getKey().startsWith(AdminActions.ADMIN_PATH + "audit")) {
                assertEquals(List.of("get"), fieldNames(item.getValue()), "the audit log is only read: " + item.getKey());
                continue;
            }
            for (var operation = item.getValue().fieldNames(); operation.hasNext();) {
                String method = operation.next();
                if (!WRITES.contains(method)) {
                    continue;
                }
                AdminActions.Action action = AdminActions.of(method.toUpperCase(), item.getKey());
                String where = method + " " + item.getKey();
                assertTrue(AdminActions.OBJECT_TYPES.contains(action.objectType()), where);
                assertTrue(action.name().matches("[a-z]+(-[a-z]+)?"), where + ": " + action.name());
                writes++;
            }
        }
        assertTrue(writes > 20, "admin writes found: " + writes);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void actionsFollowTheirPaths() {
        assertEquals(new AdminActions.Action("article", "publish"),
                AdminActions.of("POST", "/api/v1/admin/articles/{id}/publish"));
        assertEquals(new AdminActions.Action("article", "clear-ratings"),
                AdminActions.of("DELETE", "/api/v1/admin/articles/{id}/ratings"));
        assertEquals(new AdminActions.Action("category", "update"), AdminActions.of("PUT", "/api/v1/admin/categories/{id}"));
        assertEquals(new AdminActions.Action("survey", "open"), AdminActions.of("POST", "/api/v1/admin/surveys/{id}/open"));
        assertEquals(new AdminActions.Action("settings", "update"), AdminActions.of("PATCH", "/api/v1/admin/settings"));
        for (String step : List.of("assign", "answer", "publish", "unpublish", "reject")) {
            assertEquals(new AdminActions.Action("question", step),
                    AdminActions.of("POST", "/api/v1/admin/questions/{id}/" + step));
        }
        assertEquals(new AdminActions.Action("consultation", "publish"),
                AdminActions.of("POST", "/api/v1/admin/consultations/{id}/publish"));
        assertEquals(new AdminActions.Action("consultation", "approve-comment"),
                AdminActions.of("POST", "/api/v1/admin/consultations/{id}/comments/{commentId}/approve"));
        assertEquals(new AdminActions.Action("consultation", "reject-comment"),
                AdminActions.of("POST", "/api/v1/admin/consultations/{id}/comments/{commentId}/reject"));
        assertEquals(new AdminActions.Action("consultation", "answer-comment"),
                AdminActions.of("POST", "/api/v1/admin/consultations/{id}/comments/{commentId}/answer"));
    }
}
