package org.bantin.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Editors patching different fields of one article at the same moment keep each other's changes. */
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
}
