package org.bantin.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Editors patching different fields of one article at the same moment keep each other's changes; editors saving
 * from the same version at the same moment: one wins, the others are told, nothing is lost.
 */
@QuarkusTest
class ConcurrentEditingTest extends ApiTest {

    private static final int ROUNDS = 15;

    @Test
    void concurrentPatchesWithoutIfMatchLoseNoField() throws Exception {
        long id = newPublishedArticle("Bài nhiều người sửa").id();
        String path = "/api/v1/admin/articles/" + id;
        ExecutorService editors = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Object> changes = Map.of(
                        "summary", "Tóm tắt lần " + round,
                        "body", "<p>Nội dung lần " + round + "</p>",
                        "author", "Phóng viên " + round,
                        "tags", List.of("vòng " + round));
                List<Callable<String>> patches = new ArrayList<>();
                changes.forEach(
                        (field, value) -> patches.add(() -> admin().contentType("application/merge-patch+json; charset=UTF-8")
                                .body(Map.of(field, value)).patch(path).then().extract().response().statusLine()));
                for (Future<String> status : editors.invokeAll(patches)) {
                    assertEquals("HTTP/1.1 200 OK", status.get());
                }
                JsonPath article = admin().get(path).then().statusCode(200).extract().jsonPath();
                for (var change : changes.entrySet()) {
                    assertEquals(change.getValue(), article.get(change.getKey()), "round " + round + ", " + change.getKey());
                }
            }
        } finally {
            editors.shutdownNow();
        }
    }

    @Test
    void savesFromTheSameVersionAtOnceLetOneWin() throws Exception {
        long draft = newPublishedArticle("Bài nháp nhiều người sửa").id();
        admin().post("/api/v1/admin/articles/" + draft + "/unpublish").then().statusCode(200);
        long live = newPublishedArticle("Bài đã đăng nhiều người sửa").id(); // its saves are pending versions
        for (long id : new long[]{draft, live}) {
            for (String method : new String[]{"PUT", "PATCH"}) {
                oneOfManyWins(id, method);
            }
        }
    }

    /** Eight editors send a change based on the same version at once: one is saved, seven get 412 or 409. */
    private void oneOfManyWins(long id, String method) throws Exception {
        String path = "/api/v1/admin/articles/" + id;
        JsonPath before = admin().get(path).then().statusCode(200).extract().jsonPath();
        String etag = "\"" + before.getInt("version") + "\"";
        ExecutorService editors = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> saves = new ArrayList<>();
            for (int editor = 0; editor < 8; editor++) {
                String title = method + " của biên tập viên " + editor;
                saves.add(() -> {
                    var request = admin().header("If-Match", etag);
                    var response = method.equals("PUT")
                            ? request.body(Map.of("title", title, "category", before.getString("category.slug"))).put(path)
                            : request.contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("title", title))
                                    .patch(path);
                    return response.then().extract().statusCode();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : editors.invokeAll(saves)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), method + " " + statuses);
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 412 || status == 409),
                    statuses.toString());
            JsonPath after = admin().get(path).then().statusCode(200).extract().jsonPath();
            assertEquals(before.getInt("version") + 1, after.getInt("version"));
            assertTrue(after.getString("title").startsWith(method + " của biên tập viên "), after.getString("title"));
        } finally {
            editors.shutdownNow();
        }
    }
}
