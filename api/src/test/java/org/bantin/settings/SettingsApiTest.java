package org.bantin.settings;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Admins read and change the site's settings; nobody else may, and a refused change changes nothing. */
@QuarkusTest
class SettingsApiTest extends ApiTest {

    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String DEFAULTS = "{\"revisionRetentionDays\": null, \"secondApprovalCategories\": null,"
            + " \"webhookPrivateTargets\": null}";

    @Inject
    SiteSettings siteSettings;

    /** Other tests run with the defaults. */
    @AfterEach
    void backToDefaults() {
        admin().contentType(MERGE_PATCH).body(DEFAULTS).patch(SETTINGS).then().statusCode(200);
    }

    private static JsonPath settings() {
        return admin().get(SETTINGS).then().statusCode(200).extract().jsonPath();
    }

    private long categoryId(String slug) {
        return count("SELECT id FROM categories WHERE slug = '" + slug + "'");
    }

    @Test
    void anAdminChangesSettingsAndTheRestLeftOutStays() {
        admin().contentType(MERGE_PATCH).body(DEFAULTS).patch(SETTINGS).then().statusCode(200);
        JsonPath before = settings();
        int version = before.getInt("version");
        admin().get(SETTINGS).then().header("ETag", "\"" + version + "\"")
                .body("$", hasKey("revisionRetentionDays"))
                .body("revisionRetentionDays", nullValue())
                .body("secondApprovalCategories", equalTo(List.of()))
                .body("webhookPrivateTargets", equalTo(false));

        String notices = newCategory("Thông báo");
        String documents = newCategory("Văn bản");
        String news = newCategory("Tin tức");
        List<String> bothSorted = Stream.of(notices, documents).sorted().toList();
        admin().contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"")
                .body(Map.of("revisionRetentionDays", 90, "secondApprovalCategories", List.of(notices, documents, notices),
                        "webhookPrivateTargets", true))
                .patch(SETTINGS).then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("version", equalTo(version + 1))
                .body("revisionRetentionDays", equalTo(90))
                .body("secondApprovalCategories", equalTo(bothSorted))
                .body("webhookPrivateTargets", equalTo(true))
                .body("updatedBy", equalTo("admin"));
        assertEquals(2, count("SELECT count(*) FROM settings_second_approval_categories"));

        admin().contentType(MERGE_PATCH).body("{\"webhookPrivateTargets\": null}").patch(SETTINGS).then().statusCode(200)
                .body("version", equalTo(version + 2))
                .body("revisionRetentionDays", equalTo(90))
                .body("secondApprovalCategories", equalTo(bothSorted))
                .body("webhookPrivateTargets", equalTo(false));
        assertEquals(1, count("SELECT count(*) FROM settings WHERE revision_retention_days = 90 AND NOT webhook_private_targets"
                + " AND version = " + (version + 2)));

        SiteSettings.Current current = siteSettings.current();
        assertEquals(90, current.revisionRetentionDays());
        assertEquals(Set.of(categoryId(notices), categoryId(documents)), current.secondApprovalCategoryIds());
        assertFalse(current.webhookPrivateTargets());
        assertTrue(siteSettings.requiresSecondApproval(categoryId(notices)));
        assertFalse(siteSettings.requiresSecondApproval(categoryId(news)));

        admin().contentType(MERGE_PATCH).body("{\"secondApprovalCategories\": null, \"revisionRetentionDays\": null}")
                .patch(SETTINGS).then().statusCode(200)
                .body("revisionRetentionDays", nullValue())
                .body("secondApprovalCategories", equalTo(List.of()));
        assertFalse(siteSettings.requiresSecondApproval(categoryId(notices)));
        assertNull(siteSettings.current().revisionRetentionDays());
    }

    @Test
    void editorsAndAuthorsMayNeitherReadNorChangeSettings() {
        Map<String, Object> before = settings().getMap("");
        for (String role : List.of("editor", "author")) {
            String token = tokenWithRole(role);
            as(token).get(SETTINGS).then().statusCode(403);
            as(token).contentType(MERGE_PATCH).body(Map.of("webhookPrivateTargets", true)).patch(SETTINGS).then()
                    .statusCode(403);
        }
        assertEquals(before, settings().getMap(""));
    }

    @Test
    void invalidValuesAreRefusedNamingTheFieldAndNothingChanges() {
        String category = newCategory("Thông báo");
        admin().contentType(MERGE_PATCH)
                .body(Map.of("revisionRetentionDays", 30, "secondApprovalCategories", List.of(category)))
                .patch(SETTINGS).then().statusCode(200);
        Map<String, Object> before = settings().getMap("");
        long audited = count("SELECT count(*) FROM audit_log WHERE object_type = 'settings'");

        Map<String, String> invalid = Map.of(
                "{\"revisionRetentionDays\": 0, \"webhookPrivateTargets\": true}", "revisionRetentionDays",
                "{\"revisionRetentionDays\": -5}", "revisionRetentionDays",
                "{\"revisionRetentionDays\": 36501}", "revisionRetentionDays",
                "{\"secondApprovalCategories\": [\"khong-co-chuyen-muc-nay\"], \"revisionRetentionDays\": 7}",
                "secondApprovalCategories",
                "{\"secondApprovalCategories\": [\" \"]}", "secondApprovalCategories[0]");
        invalid.forEach((body, field) -> badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MERGE_PATCH)
                .body(body).patch(SETTINGS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));

        Map<String, String> malformed = Map.of(
                "{\"revisionRetentionDays\": \"30\"}", "revisionRetentionDays",
                "{\"revisionRetentionDays\": 1.5}", "revisionRetentionDays",
                "{\"webhookPrivateTargets\": \"yes\"}", "webhookPrivateTargets",
                "{\"secondApprovalCategories\": \"thong-bao\"}", "secondApprovalCategories",
                "{\"theme\": \"dark\"}", "theme",
                "{\"version\": 7, \"webhookPrivateTargets\": true}", "version");
        malformed
                .forEach((body, field) -> badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MERGE_PATCH)
                        .body(body).patch(SETTINGS).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo(field)));

        assertEquals(before, settings().getMap(""));
        assertEquals(audited, count("SELECT count(*) FROM audit_log WHERE object_type = 'settings'"),
                "refused changes are not audited");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        int version = settings().getInt("version");
        admin().contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"").body(Map.of("revisionRetentionDays", 60))
                .patch(SETTINGS).then().statusCode(200);
        Map<String, Object> before = settings().getMap("");

        admin().contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"").body(Map.of("revisionRetentionDays", 7))
                .patch(SETTINGS).then().statusCode(412).contentType("application/problem+json");
        admin().contentType(MERGE_PATCH).header("If-Match", "\"v1\"").body(Map.of("revisionRetentionDays", 7))
                .patch(SETTINGS).then().statusCode(412);

        assertEquals(before, settings().getMap(""));
        assertEquals(60, (Integer) before.get("revisionRetentionDays"));
    }

    @Test
    void aChangeIsAuditedWithTheSettingsItNames() {
        admin().contentType(MERGE_PATCH).body(Map.of("revisionRetentionDays", 30, "webhookPrivateTargets", true))
                .patch(SETTINGS).then().statusCode(200);

        JsonPath entry = admin().queryParam("objectType", "settings").get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath().setRootPath("items[0]");
        assertEquals("update", entry.getString("action"));
        assertEquals("PATCH", entry.getString("method"));
        assertEquals(SETTINGS, entry.getString("path"));
        assertEquals(200, entry.getInt("status"));
        assertEquals("admin", entry.getString("actorName"));
        assertEquals(Set.of("revisionRetentionDays", "webhookPrivateTargets"), Set.copyOf(entry.getList("changedFields")));
    }

    @Test
    void categoriesAreKeptByIdSoANewSlugFollowsAndADeletedCategoryLeaves() {
        String renamed = newCategory("Thông báo");
        String deleted = newCategory("Văn bản");
        admin().contentType(MERGE_PATCH).body(Map.of("secondApprovalCategories", List.of(renamed, deleted))).patch(SETTINGS)
                .then().statusCode(200);

        long renamedId = categoryId(renamed);
        String newSlug = "thong-bao-moi-" + System.nanoTime();
        admin().body(Map.of("name", "Thông báo mới", "slug", newSlug)).put("/api/v1/admin/categories/" + renamedId).then()
                .statusCode(200);
        admin().delete("/api/v1/admin/categories/" + categoryId(deleted)).then().statusCode(204);

        assertEquals(List.of(newSlug), settings().getList("secondApprovalCategories"));
        assertTrue(siteSettings.requiresSecondApproval(renamedId));
        assertEquals(1, count("SELECT count(*) FROM settings_second_approval_categories"));
    }
}
