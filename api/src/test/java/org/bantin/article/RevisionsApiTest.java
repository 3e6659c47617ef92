package org.bantin.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every save of an article keeps a numbered revision that editors can read, compare and restore. */
@QuarkusTest
class RevisionsApiTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String FIRST_BODY = "<p>Sáng 8/6, hội nghị sơ kết.</p><p>Chỉ số hài lòng đạt 8,17/10 điểm.</p>"
            + "<ul><li>Giữ nguyên dòng này.</li></ul>";
    private static final String SECOND_BODY = "<p>Sáng 8/6, hội nghị sơ kết.</p><p>Chỉ số hài lòng đạt <b>8,5/10</b> điểm.</p>"
            + "<ul><li>Giữ nguyên dòng này.</li></ul>";

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Cải cách hành chính");
    }

    private JsonPath create(String token, String title, String body) {
        return as(token).body(Map.of("title", title + " " + System.nanoTime(), "category", category, "body", body))
                .post(ARTICLES).then().statusCode(201).extract().jsonPath();
    }

    private JsonPath revisions(String token, long article) {
        return as(token).get(ARTICLES + "/" + article + "/revisions").then().statusCode(200).extract().jsonPath();
    }

    /** The id of the article's revision with this number. */
    private long revisionId(long article, int number) {
        return count("SELECT id FROM revisions WHERE content_type = 'article' AND content_id = " + article + " AND number = "
                + number);
    }

    @Test
    void everySaveAddsARevisionWithWhoSavedIt() {
        String reporter = tokenWithRole("author");
        JsonPath created = create(reporter, "Bản thảo", FIRST_BODY);
        long id = created.getLong("id");
        String path = ARTICLES + "/" + id;
        String title = created.getString("title");

        as(reporter).body(Map.of("title", title + " (sửa)", "category", category, "body", SECOND_BODY)).put(path).then()
                .statusCode(200);
        as(reporter).contentType(MERGE_PATCH).body(Map.of("summary", "Tóm tắt mới")).patch(path).then().statusCode(200);

        JsonPath list = revisions(reporter, id);
        assertEquals(3, list.getInt("total"));
        assertEquals(List.of(3, 2, 1), list.getList("items.number"));
        assertEquals(List.of("Kiểm thử author", "Kiểm thử author", "Kiểm thử author"), list.getList("items.createdBy"));
        assertTrue(list.getList("items.data").stream().allMatch(data -> data == null), "a list carries no fields");
        assertEquals(3, count("SELECT count(*) FROM revisions WHERE content_type = 'article' AND content_id = " + id));
        assertEquals(3, count("SELECT count(*) FROM revisions WHERE content_id = " + id + " AND token_id IS NOT NULL"));

        admin().post(path + "/publish").then().statusCode(200);
        admin().post(path + "/unpublish").then().statusCode(200);
        assertEquals(3, revisions(ADMIN_TOKEN, id).getInt("total"), "publishing changes no content");

        as(reporter).get(path + "/revisions?page=2&limit=2").then().statusCode(200).body("items.number", contains(1))
                .body("total", equalTo(3));
    }

    @Test
    void aRevisionHoldsTheFieldsAsSaved() {
        JsonPath created = create(ADMIN_TOKEN, "Bài có ảnh bìa", FIRST_BODY);
        long id = created.getLong("id");
        admin().contentType(MERGE_PATCH).body(Map.of("coverImage", Map.of("url", "/media/demo/bia.jpg", "alt", "Ảnh bìa"),
                "tags", List.of("CCHC", "TTHC"))).patch(ARTICLES + "/" + id).then().statusCode(200);

        String first = ARTICLES + "/" + id + "/revisions/" + revisionId(id, 1);
        admin().get(first).then().statusCode(200)
                .body("number", equalTo(1))
                .body("createdBy", notNullValue())
                .body("data.title", equalTo(created.getString("title")))
                .body("data.body", equalTo(created.getString("body")))
                .body("data.category", equalTo(category))
                .body("data.tags", equalTo(List.of()));
        admin().get(ARTICLES + "/" + id + "/revisions/" + revisionId(id, 2)).then().statusCode(200)
                .body("data.coverImage.url", equalTo("/media/demo/bia.jpg"))
                .body("data.coverImage.alt", equalTo("Ảnh bìa"))
                .body("data.tags", equalTo(List.of("CCHC", "TTHC")));

        long other = create(ADMIN_TOKEN, "Bài khác", FIRST_BODY).getLong("id");
        admin().get(ARTICLES + "/" + other + "/revisions/" + revisionId(id, 1)).then().statusCode(404);
    }

    @Test
    void aDiffShowsTheChangedFieldsAndTheBodyLineByLine() {
        JsonPath created = create(ADMIN_TOKEN, "Bài so sánh", FIRST_BODY);
        long id = created.getLong("id");
        admin().contentType(MERGE_PATCH).body(Map.of("title", "Tiêu đề mới", "body", SECOND_BODY)).patch(ARTICLES + "/" + id)
                .then().statusCode(200);

        String diff = ARTICLES + "/" + id + "/revisions/" + revisionId(id, 1) + "/diff/" + revisionId(id, 2);
        JsonPath changes = admin().get(diff).then().statusCode(200)
                .body("from.number", equalTo(1))
                .body("to.number", equalTo(2))
                .extract().jsonPath();
        assertEquals(List.of("body", "title"), changes.getList("changes.field"));
        assertEquals(created.getString("title"), changes.getString("changes[1].before"));
        assertEquals("Tiêu đề mới", changes.getString("changes[1].after"));
        assertNull(changes.get("changes[1].lines"), "only rich text is compared line by line");
        assertEquals(List.of(
                Map.of("op", "equal", "text", "Sáng 8/6, hội nghị sơ kết."),
                Map.of("op", "delete", "text", "Chỉ số hài lòng đạt 8,17/10 điểm."),
                Map.of("op", "insert", "text", "Chỉ số hài lòng đạt 8,5/10 điểm."),
                Map.of("op", "equal", "text", "Giữ nguyên dòng này.")), changes.getList("changes[0].lines"));

        long other = create(ADMIN_TOKEN, "Bài khác", FIRST_BODY).getLong("id");
        admin().get(ARTICLES + "/" + id + "/revisions/" + revisionId(id, 1) + "/diff/" + revisionId(other, 1)).then()
                .statusCode(404);
    }

    @Test
    void restoringSavesTheOldContentAsANewRevision() {
        JsonPath created = create(ADMIN_TOKEN, "Bài khôi phục", FIRST_BODY);
        long id = created.getLong("id");
        String path = ARTICLES + "/" + id;
        admin().contentType(MERGE_PATCH).body(Map.of("title", "Tiêu đề sai", "body", SECOND_BODY, "tags", List.of("nhầm")))
                .patch(path).then().statusCode(200);

        admin().header("If-Match", "\"0\"").post(path + "/revisions/" + revisionId(id, 1) + "/restore").then()
                .statusCode(412);
        admin().post(path + "/revisions/" + revisionId(id, 1) + "/restore").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo(created.getString("title")))
                .body("body", equalTo(FIRST_BODY))
                .body("tags", equalTo(List.of()))
                .body("version", equalTo(2));

        assertEquals(List.of(3, 2, 1), revisions(ADMIN_TOKEN, id).getList("items.number"));
        admin().get(path + "/revisions/" + revisionId(id, 1) + "/diff/" + revisionId(id, 3)).then().statusCode(200)
                .body("changes", equalTo(List.of()));
        assertEquals(created.getString("title"), admin().get(path).then().statusCode(200).extract().path("title"));
    }

    @Test
    void anAuthorReadsOnlyWhatTheyMayReadAndRestoresOnlyTheirOwnArticles() {
        String reporter = tokenWithRole("author");
        String otherReporter = tokenWithRole("author");
        long draft = create(reporter, "Bản thảo riêng", FIRST_BODY).getLong("id");
        long first = revisionId(draft, 1);

        as(otherReporter).get(ARTICLES + "/" + draft + "/revisions").then().statusCode(404);
        as(otherReporter).get(ARTICLES + "/" + draft + "/revisions/" + first).then().statusCode(404);
        as(otherReporter).get(ARTICLES + "/" + draft + "/revisions/" + first + "/diff/" + first).then().statusCode(404);
        as(otherReporter).post(ARTICLES + "/" + draft + "/revisions/" + first + "/restore").then().statusCode(404);

        long published = create(reporter, "Bài sẽ đăng", FIRST_BODY).getLong("id");
        as(reporter).contentType(MERGE_PATCH).body(Map.of("body", SECOND_BODY)).patch(ARTICLES + "/" + published).then()
                .statusCode(200);
        String slug = admin().post(ARTICLES + "/" + published + "/publish").then().statusCode(200).extract().path("slug");
        as(otherReporter).get(ARTICLES + "/" + published + "/revisions").then().statusCode(404); // the work is its author's
        as(otherReporter).post(ARTICLES + "/" + published + "/revisions/" + revisionId(published, 1) + "/restore").then()
                .statusCode(404);
        assertEquals(2, count("SELECT count(*) FROM revisions WHERE content_type = 'article' AND content_id = " + published));

        // Its own author restores into a pending version; readers keep the published one.
        as(reporter).post(ARTICLES + "/" + published + "/revisions/" + revisionId(published, 1) + "/restore").then()
                .statusCode(200).body("body", equalTo(FIRST_BODY)).body("pending.revision", equalTo(3));
        api().get("/api/v1/articles/" + slug).then().statusCode(200).body("body", equalTo(SECOND_BODY));
    }

    @Test
    void concurrentPatchesNumberTheirRevisionsWithoutGapsOrRepeats() throws Exception {
        long id = create(ADMIN_TOKEN, "Bài sửa đồng thời", FIRST_BODY).getLong("id");
        String path = ARTICLES + "/" + id;
        ExecutorService editors = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> patches = new ArrayList<>();
            for (int editor = 0; editor < 8; editor++) {
                String summary = "Tóm tắt của người sửa " + editor;
                boolean basedOnFirstVersion = editor % 2 == 0;
                patches.add(() -> {
                    var request = admin().contentType(MERGE_PATCH).body(Map.of("summary", summary));
                    if (basedOnFirstVersion) {
                        request.header("If-Match", "\"0\"");
                    }
                    return request.patch(path).then().extract().statusCode();
                });
            }
            int saved = 0;
            for (Future<Integer> status : editors.invokeAll(patches)) {
                assertTrue(Set.of(200, 409, 412).contains(status.get()), "status " + status.get());
                saved += status.get() == 200 ? 1 : 0;
            }
            assertTrue(saved >= 4, "every patch without If-Match waits for the row and saves, got " + saved);
            String revisions = "FROM revisions WHERE content_type = 'article' AND content_id = " + id;
            long n = count("SELECT count(*) " + revisions);
            assertEquals(1 + saved, n);
            assertEquals(n, count("SELECT count(DISTINCT number) " + revisions));
            assertEquals(1, count("SELECT min(number) " + revisions));
            assertEquals(n, count("SELECT max(number) " + revisions));
        } finally {
            editors.shutdownNow();
        }
    }

    @Test
    void measuresTheStorageOfARevisionOfTheModelArticle() throws Exception {
        JsonNode model;
        try (InputStream content = getClass().getResourceAsStream("/demo/content.json")) {
            model = new ObjectMapper().readTree(content).get("articles").get(0);
        }
        String body = model.get("body").asText().replaceAll("data-demo-media=\"([^\"]+)\"",
                "src=\"/media/demo/$1\" alt=\"Ảnh\"");
        Map<String, Object> input = new HashMap<>();
        input.put("title", model.get("title").asText());
        input.put("slug", "mau-" + System.nanoTime());
        input.put("summary", model.get("summary").asText());
        input.put("body", body);
        input.put("category", category);
        input.put("tags", List.of("cải cách hành chính", "CCHC", "chỉ số hài lòng", "TTHC"));
        input.put("author", model.get("author").asText());
        long id = admin().body(input).post(ARTICLES).then().statusCode(201).extract().jsonPath().getLong("id");

        String revision = "FROM revisions WHERE content_type = 'article' AND content_id = " + id + " AND number = 1";
        long stored = count("SELECT pg_column_size(data) " + revision);
        long text = count("SELECT octet_length(data::text) " + revision);
        System.out.println("Revision of the model article: " + stored + " bytes stored (jsonb), " + text
                + " bytes as JSON text, body " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
        assertTrue(stored > 0 && text > body.length() / 2, "stored " + stored + ", text " + text);
    }
}
