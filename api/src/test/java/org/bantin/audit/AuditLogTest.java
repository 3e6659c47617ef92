package org.bantin.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bantin.media.MediaSamples;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditLogTest extends ApiTest {

    private static final String AUDIT = "/api/v1/admin/audit";
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void anArticlesLifeIsRecordedNewestFirst() {
        String category = newCategory("Thời sự");
        long id = admin().body(Map.of("title", "Hội nghị sơ kết " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"summary\": \"Tóm tắt\", \"tags\": [\"CCHC\"]}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().delete("/api/v1/admin/articles/" + id).then().statusCode(204);

        JsonPath page = admin().queryParam("objectType", "article").queryParam("objectId", id).get(AUDIT).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(4, page.getInt("total"));
        assertEquals(List.of("delete", "publish", "update", "create"), page.getList("items.action"));
        assertEquals(List.of(204, 200, 200, 201), page.getList("items.status"));
        assertEquals(List.of("DELETE", "POST", "PATCH", "POST"), page.getList("items.method"));
        assertEquals("/api/v1/admin/articles/" + id + "/publish", page.getString("items[1].path"));
        assertEquals(List.of("summary", "tags"), page.getList("items[2].changedFields"));
        assertEquals(Set.of("title", "category"), Set.copyOf(page.getList("items[3].changedFields")));
        assertEquals(List.of(), page.getList("items[1].changedFields"));
        assertEquals("admin", page.getString("items[3].actorName"));
        assertEquals("admin", page.getString("items[3].actorRole"));
        assertNull(page.get("items[3].actorTokenId"));
        assertEquals("127.0.0.1", page.getString("items[3].clientAddress"));
        assertEquals(id, page.getLong("items[3].objectId"));
    }

    @Test
    void categoriesTokensAndUploadsAreRecorded() {
        String name = "Biên tập viên " + System.nanoTime();
        JsonPath issued = admin().body(Map.of("name", name, "role", "editor")).post("/api/v1/admin/tokens").then()
                .statusCode(201).extract().jsonPath();
        long tokenId = issued.getLong("id");
        String editor = issued.getString("token");
        long categoryId = as(editor).body(Map.of("name", "Chuyên mục " + System.nanoTime()))
                .post("/api/v1/admin/categories").then().statusCode(201).extract().jsonPath().getLong("id");
        long mediaId = as(editor).contentType("image/png").body(MediaSamples.png(32, 24)).queryParam("alt", "Ảnh thử")
                .post("/api/v1/admin/media").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().delete("/api/v1/admin/tokens/" + tokenId).then().statusCode(200);

        JsonPath byEditor = admin().queryParam("actor", name).get(AUDIT).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("upload", "create"), byEditor.getList("items.action"));
        assertEquals(List.of("media", "category"), byEditor.getList("items.objectType"));
        assertEquals(List.of(mediaId, categoryId), byEditor.getList("items.objectId", Long.class));
        assertEquals(List.of(), byEditor.getList("items[0].changedFields"));
        assertEquals(List.of("name"), byEditor.getList("items[1].changedFields"));
        assertEquals(List.of(tokenId, tokenId), byEditor.getList("items.actorTokenId", Long.class));
        assertEquals(List.of("editor", "editor"), byEditor.getList("items.actorRole"));

        JsonPath token = admin().queryParam("objectType", "token").queryParam("objectId", tokenId).get(AUDIT).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("revoke", "create"), token.getList("items.action"));
        assertEquals(Set.of("name", "role"), Set.copyOf(token.getList("items[1].changedFields")));
    }

    @Test
    void aRefusedTokenIsRecordedWithoutActorOrSecret() {
        String secret = "bt_not-a-token-" + System.nanoTime();
        String path = "/api/v1/admin/categories/" + System.nanoTime();
        badRequest().header("Authorization", "Bearer " + secret).delete(path).then().statusCode(401);

        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'login-refused' AND path = '" + path
                + "' AND actor_name IS NULL AND actor_token_id IS NULL AND status = 401 AND http_method = 'DELETE'"));
        assertEquals(0, count("SELECT count(*) FROM audit_log a WHERE a::text LIKE '%" + secret + "%'"));
        JsonPath refused = admin().queryParam("objectType", "token").get(AUDIT).then().statusCode(200).extract()
                .jsonPath();
        assertTrue(refused.getList("items.path").contains(path));
    }

    @Test
    void datesAreWholeDaysInTheSiteZoneAndRefusedWritesAreNotEntries() {
        String name = "Theo ngày " + System.nanoTime();
        String token = admin().body(Map.of("name", name, "role", "editor")).post("/api/v1/admin/tokens").then()
                .statusCode(201).extract().path("token");
        as(token).body(Map.of("name", "Chuyên mục " + System.nanoTime())).post("/api/v1/admin/categories").then()
                .statusCode(201);
        badRequest().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("name", " ")).post("/api/v1/admin/categories").then().statusCode(422);
        LocalDate today = LocalDate.now(SITE_ZONE);

        assertEquals(1, entries(name, today, today));
        assertEquals(1, entries(name, today.minusDays(3), null));
        assertEquals(0, entries(name, today.plusDays(1), null));
        assertEquals(0, entries(name, null, today.minusDays(1)));
    }

    private static int entries(String actor, LocalDate from, LocalDate to) {
        var request = admin().queryParam("actor", actor);
        if (from != null) {
            request.queryParam("from", from.toString());
        }
        if (to != null) {
            request.queryParam("to", to.toString());
        }
        return request.get(AUDIT).then().statusCode(200).extract().path("total");
    }

    @Test
    void theCsvHoldsTheFilteredEntries() {
        String name = "=Xuất CSV " + System.nanoTime();
        String token = admin().body(Map.of("name", name, "role", "editor")).post("/api/v1/admin/tokens").then()
                .statusCode(201).extract().path("token");
        long categoryId = as(token).body(Map.of("name", "Chuyên mục " + System.nanoTime()))
                .post("/api/v1/admin/categories").then().statusCode(201).extract().jsonPath().getLong("id");

        byte[] body = admin().queryParam("actor", name).get(AUDIT + ".csv").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF" + AuditCsv.HEADER + "\r\n"), csv);
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].contains(",'" + name + ",editor,"), lines[1]);
        assertTrue(lines[1].contains(",category," + categoryId + ",create,name,127.0.0.1,POST,/api/v1/admin/categories,201"),
                lines[1]);
        assertTrue(lines[1].startsWith(LocalDate.now(SITE_ZONE) + "T") && lines[1].contains("+07:00,"), lines[1]);
    }

    @Test
    void anExportOfMoreThanItsBoundIsRefused() throws SQLException {
        String actor = "Hàng loạt " + System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement("INSERT INTO audit_log (at, actor_name, object_type, action, "
                        + "changed_fields, client_address, http_method, path, status) SELECT now(), ?, 'article', "
                        + "'update', '{}', '192.0.2.1', 'PUT', '/api/v1/admin/articles/' || n, 200 "
                        + "FROM generate_series(1, ?) n")) {
            insert.setString(1, actor);
            insert.setInt(2, AuditLog.MAX_EXPORT_ROWS + 1);
            insert.executeUpdate();
        }
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("actor", actor).get(AUDIT + ".csv")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        admin().queryParam("actor", actor).get(AUDIT).then().statusCode(200)
                .body("total", equalTo(AuditLog.MAX_EXPORT_ROWS + 1));
    }

    @Test
    void onlyAdminsReadTheLog() {
        String editor = tokenWithRole("editor");
        as(editor).get(AUDIT).then().statusCode(403);
        badRequest().header("Authorization", "Bearer " + editor).get(AUDIT + ".csv").then().statusCode(403);
        given().get(AUDIT).then().statusCode(401);
    }

    @Test
    void invalidFiltersAreRefusedByName() {
        Map<String, String> invalid = Map.of("objectId", "abc", "from", "2024-13-01", "to", "yesterday",
                "objectType", "reader", "page", "0", "limit", "101");
        invalid.forEach((field, value) -> badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .queryParam(field, value).get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo(field)));
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).queryParam("from", "2024-12-02")
                .queryParam("to", "2024-12-01").get(AUDIT + ".csv").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_log (at, object_type, action, changed_fields, client_address, "
                    + "http_method, path, status) VALUES (now(), 'article', 'create', '{}', '192.0.2.1', 'POST', "
                    + "'/api/v1/admin/articles', 201)");
            long before = count("SELECT count(*) FROM audit_log");
            for (String change : List.of("UPDATE audit_log SET action = 'delete'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log", "UPDATE audit_log SET status = 200 WHERE id < 0")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(change), change);
                assertTrue(refused.getMessage().contains("audit_log is append-only"), refused.getMessage());
            }
            assertEquals(before, count("SELECT count(*) FROM audit_log"));
            assertEquals(0,
                    count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND path = '/api/v1/admin/articles'"));
        }
    }
}
