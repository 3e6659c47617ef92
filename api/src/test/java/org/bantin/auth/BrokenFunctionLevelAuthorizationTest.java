package org.bantin.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * OWASP API5:2023 Broken Function Level Authorization: every admin operation of the published
 * contract, found in openapi.yaml so that new ones are covered too, refuses a request without a
 * token and a token whose role is below the one the contract names.
 */
@QuarkusTest
class BrokenFunctionLevelAuthorizationTest extends ApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final List<String> ROLES = List.of("author", "editor", "admin");

    /** One operation under /api/v1/admin, as the contract describes it. */
    record AdminOperation(String method, String path, String requiredRole, String bodyType) {

        /** The path with every parameter set to 1: the role is checked before the id is looked up. */
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        Response send(String token) {
            RequestSpecification request = badRequest();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            // Without a type of its own a bodiless POST would be sent as a form, and refused (415) before any role check.
            request.contentType(bodyType == null ? "application/json" : bodyType);
            if (bodyType != null) {
                request.body("{}".getBytes(StandardCharsets.UTF_8));
            }
            return request.request(method, concretePath());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<AdminOperation> adminOperations() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of(CONTRACT).toFile()).get("paths");
        List<AdminOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/v1/admin/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    JsonNode op = operation.getValue();
                    // The first type the test can write as "{}": a multipart form needs parts.
                    List<String> bodyTypes = new ArrayList<>();
                    op.path("requestBody").path("content").fieldNames().forEachRemaining(bodyTypes::add);
                    String bodyType = bodyTypes.stream().filter(type -> !type.startsWith("multipart/")).findFirst()
                            .orElse(null);
                    operations.add(new AdminOperation(operation.getKey(), path.getKey(),
                            op.path("x-required-role").asText(null), bodyType));
                }
            });
        }
        return operations;
    }

    @Test
    void everyAdminOperationRefusesNoTokenAndARoleBelowTheOneItNeeds() throws IOException {
        List<AdminOperation> operations = adminOperations();
        assertTrue(operations.size() >= 30, "admin operations found in the contract: " + operations);
        String author = tokenWithRole("author");
        String editor = tokenWithRole("editor");
        long contentBefore = content();

        List<String> wrong = new ArrayList<>();
        for (AdminOperation operation : operations) {
            if (operation.requiredRole() == null || !ROLES.contains(operation.requiredRole())) {
                wrong.add(operation + ": the contract names no x-required-role");
                continue;
            }
            Response anonymous = operation.send(null);
            if (anonymous.statusCode() != 401 || !"Bearer".equals(anonymous.header("WWW-Authenticate"))) {
                wrong.add(operation + " without a token: " + anonymous.statusCode());
            }
            int asAuthor = operation.send(author).statusCode();
            if (operation.requiredRole().equals("author") ? asAuthor == 401 : asAuthor != 403) {
                wrong.add(operation + " as an author: " + asAuthor);
            }
            // Only refusals are sent as an editor: an allowed request could change what other tests read.
            if (operation.requiredRole().equals("admin")) {
                int asEditor = operation.send(editor).statusCode();
                if (asEditor != 403) {
                    wrong.add(operation + " as an editor: " + asEditor);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(contentBefore, content(), "refused requests changed nothing");
    }

    @Test
    void anAdminEndpointThatNamesNoRoleIsForAdminsOnly() {
        given().get(UnmarkedAdminResource.PATH).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + tokenWithRole("editor")).get(UnmarkedAdminResource.PATH).then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).get(UnmarkedAdminResource.PATH).then().statusCode(200);
    }

    /** Rows an admin request could write, to show that refused ones wrote none. */
    private long content() {
        return count("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM categories)"
                + " + (SELECT count(*) FROM surveys) + (SELECT count(*) FROM survey_options)"
                + " + (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) + (SELECT count(*) FROM rating_resets)"
                + " + (SELECT version FROM settings)");
    }
}
