package org.bantin.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ArticleApiTest extends ApiTest {

    static final String SAMPLE_TITLE = "Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp";
    static final String SAMPLE_SLUG = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep";

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Cải cách hành chính");
    }

    private Map<String, Object> article(String title) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("summary", "Sáng 8/6, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình tổ chức hội nghị sơ kết.");
        article.put("body", "<p>Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.</p>"
                + "<figure><img src=\"/media/demo/hoi-nghi.svg\" alt=\"Hội nghị\">"
                + "<figcaption>Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.</figcaption></figure><p>./.</p>");
        article.put("category", category);
        article.put("tags", List.of("CCHC", "chỉ số hài lòng"));
        article.put("coverImage",
                Map.of("url", "/media/demo/hoi-nghi.svg", "alt", "Hội nghị", "caption", "Toàn cảnh hội nghị"));
        return article;
    }

    private long create(Map<String, Object> article) {
        return admin().body(article).post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long createPublished(Map<String, Object> article) {
        long id = create(article);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200).body("state", equalTo("published"));
        return id;
    }

    private String slugOf(long id) {
        return admin().get("/api/v1/admin/articles/" + id).then().statusCode(200).extract().path("slug");
    }

    @Test
    void theSampleTitleGetsItsSlugAndTakenSlugsGetASuffix() {
        long first = create(article(SAMPLE_TITLE));
        long second = create(article(SAMPLE_TITLE));
        assertEquals(SAMPLE_SLUG, slugOf(first));
        assertEquals(SAMPLE_SLUG + "-2", slugOf(second));
        long before = count("SELECT count(*) FROM articles");
        admin().body(Map.of("title", "Bài khác", "slug", SAMPLE_SLUG, "category", category))
                .post("/api/v1/admin/articles").then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, count("SELECT count(*) FROM articles"));
    }

    @Test
    void createPublishReadRoundTrip() {
        Map<String, Object> input = article("Hội nghị sơ kết công tác Cải cách hành chính " + System.nanoTime());
        long id = create(input);
        String slug = slugOf(id);
        api().get("/api/v1/articles/" + slug).then().statusCode(404);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200)
                .body("state", equalTo("published")).body("updatedBy", equalTo("admin"));
        api().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("title", equalTo(input.get("title")))
                .body("body",
                        containsString(
                                "<figcaption>Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.</figcaption>"))
                .body("category.slug", equalTo(category))
                .body("tags", contains("CCHC", "chỉ số hài lòng"))
                .body("coverImage.caption", equalTo("Toàn cảnh hội nghị"))
                .body("author", equalTo("admin"))
                .body("publishedAt", notNullValue());
    }

    @Test
    void publishingTwiceKeepsTheFirstPublishDate() {
        long id = createPublished(article("Xuất bản hai lần " + System.nanoTime()));
        String first = admin().get("/api/v1/admin/articles/" + id).then().extract().path("publishedAt");
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200).body("publishedAt", equalTo(first));
    }

    @Test
    void draftsAndScheduledArticlesAreHiddenFromReaders() {
        String marker = "hienthi" + System.nanoTime();
        long draft = create(article("Bản nháp " + marker));
        long scheduled = create(article("Hẹn giờ " + marker));
        long published = create(article("Đã đăng " + marker));
        admin().body(Map.of("publishAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/v1/admin/articles/" + scheduled + "/publish").then().statusCode(200)
                .body("state", equalTo("scheduled"));
        admin().post("/api/v1/admin/articles/" + published + "/publish").then().statusCode(200);

        api().queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(1)).body("items.title", contains("Đã đăng " + marker));
        api().get("/api/v1/articles/" + slugOf(draft)).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        api().get("/api/v1/articles/" + slugOf(scheduled)).then().statusCode(404);
        admin().queryParam("state", "scheduled").get("/api/v1/admin/articles").then().statusCode(200)
                .body("items.id", hasItem((int) scheduled));

        admin().post("/api/v1/admin/articles/" + published + "/unpublish").then().statusCode(200).body("state",
                equalTo("draft"));
        api().get("/api/v1/articles/" + slugOf(published)).then().statusCode(404);
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        String marker = "timkiem" + System.nanoTime();
        createPublished(article("Đẩy mạnh cải cách hành chính ở cấp xã " + marker));
        for (String query : List.of("cai cach hanh chinh " + marker, "CẢI CÁCH " + marker, "Cải Cách Hành Chính " + marker,
                "day manh " + marker)) {
            api().queryParam("q", query).get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].title", containsString(marker));
        }
        api().queryParam("q", "duong cao toc " + marker).get("/api/v1/articles").then().statusCode(200).body("total",
                equalTo(0));
    }

    @Test
    void searchRanksTitleMatchesFirstAndFindsBodyText() {
        String marker = "xephang" + System.nanoTime();
        Map<String, Object> inBody = article("Tin tức trong tuần " + marker);
        inBody.put("body", "<p>Ủy ban đã bàn về chuyển đổi số và thủ tục.</p>");
        createPublished(inBody);
        createPublished(article("Chuyển đổi số cấp tỉnh " + marker));
        api().queryParam("q", "chuyen doi so " + marker).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].title", equalTo("Chuyển đổi số cấp tỉnh " + marker));
    }

    @Test
    void listsFilterByCategoryTagAndDate() {
        String marker = "loc" + System.nanoTime();
        Map<String, Object> tagged = article("Có thẻ " + marker);
        tagged.put("tags", List.of(marker));
        long id = create(tagged);
        admin().body(Map.of("publishAt", "2023-06-09T08:30:00+07:00")).post("/api/v1/admin/articles/" + id + "/publish")
                .then().statusCode(200);
        api().queryParam("tag", marker).get("/api/v1/articles").then().body("total", equalTo(1));
        api().queryParam("category", category).get("/api/v1/articles").then().body("items.title", hasItem("Có thẻ " + marker));
        api().queryParam("tag", marker).queryParam("from", "2023-06-09").queryParam("to", "2023-06-09")
                .get("/api/v1/articles").then().body("total", equalTo(1));
        api().queryParam("tag", marker).queryParam("from", "2023-06-10").get("/api/v1/articles").then().body("total",
                equalTo(0));
    }

    @Test
    void listsArePagedNewestFirst() {
        String marker = "trang" + System.nanoTime();
        for (int day = 1; day <= 3; day++) {
            Map<String, Object> input = article("Trang " + day + " " + marker);
            input.put("tags", List.of(marker));
            long id = create(input);
            admin().body(Map.of("publishAt", "2024-01-0" + day + "T08:00:00+07:00"))
                    .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        }
        api().queryParam("tag", marker).queryParam("limit", 2).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("limit", equalTo(2))
                .body("items.title", contains("Trang 3 " + marker, "Trang 2 " + marker));
        api().queryParam("tag", marker).queryParam("limit", 2).queryParam("page", 2).get("/api/v1/articles").then()
                .body("items.title", contains("Trang 1 " + marker));
    }

    @Test
    void outOfRangePagingIsABadRequest() {
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("page", 0), Map.of("page", "abc"), Map.of("from", "09/06/2023"))) {
            badRequest().queryParams(query).get("/api/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.keySet().iterator().next()));
        }
    }

    @Test
    void publicReadsCarryETagsAndAnswer304() {
        String slug = slugOf(createPublished(article("Bộ nhớ đệm " + System.nanoTime())));
        for (String path : List.of("/api/v1/articles/" + slug, "/api/v1/articles", "/api/v1/categories")) {
            String etag = api().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age")).extract().header("ETag");
            api().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
            api().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        long id = create(article("Bản vá " + System.nanoTime()));
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"summary\": \"Tóm tắt mới\"}").patch("/api/v1/admin/articles/" + id).then().statusCode(200)
                .body("summary", equalTo("Tóm tắt mới")).body("tags", contains("CCHC", "chỉ số hài lòng"));
        badRequest().contentType("application/merge-patch+json; charset=UTF-8").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body("{\"coverImage\": null, \"title\": \"\"}").patch("/api/v1/admin/articles/" + id).then().statusCode(422)
                .body("errors.field", contains("title"));
        admin().get("/api/v1/admin/articles/" + id).then().body("coverImage", notNullValue());
    }

    @Test
    void ifMatchRefusesToOverwriteAnotherChange() {
        long id = create(article("Phiên bản " + System.nanoTime()));
        String etag = admin().get("/api/v1/admin/articles/" + id).then().extract().header("ETag");
        Map<String, Object> change = article("Phiên bản mới");
        admin().header("If-Match", etag).body(change).put("/api/v1/admin/articles/" + id).then().statusCode(200);
        admin().header("If-Match", etag).body(article("Ghi đè")).put("/api/v1/admin/articles/" + id).then().statusCode(412);
        admin().get("/api/v1/admin/articles/" + id).then().body("title", equalTo("Phiên bản mới"));
    }

    @Test
    void scriptInBodiesDoesNotSurvive() {
        Map<String, Object> input = article("Bài có mã độc " + System.nanoTime());
        input.put("body", "<p onclick=\"steal()\">Chào<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">xem</a><img src=\"x\" onerror=\"alert(1)\">"
                + "<iframe src=\"https://example.org\"></iframe><a href=\"https://ninhbinh.gov.vn\">Cổng</a>"
                + "<svg onload=alert(1)></svg><p style=\"background:url(javascript:alert(1))\">x</p>");
        String slug = slugOf(createPublished(input));
        String body = api().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("body");
        for (String forbidden : List.of("<script", "onclick", "onerror", "javascript:", "<iframe", "<svg", "onload",
                "style=")) {
            org.hamcrest.MatcherAssert.assertThat(body, not(containsString(forbidden)));
        }
        org.hamcrest.MatcherAssert.assertThat(body,
                containsString("<a href=\"https://ninhbinh.gov.vn\" rel=\"noopener noreferrer\">Cổng</a>"));
    }

    @Test
    void categoriesCountOnlyPublishedArticles() {
        createPublished(article("Đếm bài " + System.nanoTime()));
        create(article("Nháp không đếm " + System.nanoTime()));
        api().get("/api/v1/categories").then().statusCode(200)
                .body("find { it.slug == '" + category + "' }.articleCount", equalTo(1));
    }
}
