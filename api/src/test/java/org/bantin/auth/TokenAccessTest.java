package org.bantin.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenAccessTest extends ApiTest {

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Chuyển đổi số");
    }

    private Map<String, Object> draft(String title) {
        return Map.of("title", title, "category", category);
    }

    @Test
    void noTokenOrAnUnknownTokenIsA401() {
        long before = count("SELECT count(*) FROM articles");
        badRequest().contentType("application/json").body(draft("Không có token")).post("/api/v1/admin/articles").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        badRequest().contentType("application/json").header("Authorization", "Bearer bt_khong-ton-tai")
                .body(draft("Token giả")).post("/api/v1/admin/articles").then().statusCode(401);
        badRequest().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/admin/articles").then().statusCode(401);
        assertEquals(before, count("SELECT count(*) FROM articles"));
    }

    @Test
    void tokensAreShownOnceAndStoredOnlyAsAHash() {
        String secret = tokenWithRole("editor");
        assertTrue(secret.startsWith("bt_"), secret);
        assertEquals(0, count(
                "SELECT count(*) FROM api_tokens WHERE position(convert_to('" + secret + "', 'UTF8') IN token_hash) > 0"));
        assertEquals(1,
                count("SELECT count(*) FROM api_tokens WHERE token_hash = sha256(convert_to('" + secret + "', 'UTF8'))"));
        admin().get("/api/v1/admin/tokens").then().statusCode(200)
                .body("name", hasItem("Kiểm thử editor")).body("$", not(hasItem(org.hamcrest.Matchers.hasKey("token"))));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        var issued = admin().body(Map.of("name", "Sắp thu hồi", "role", "editor")).post("/api/v1/admin/tokens")
                .then().statusCode(201).extract().jsonPath();
        String secret = issued.getString("token");
        int id = issued.getInt("id");
        as(secret).get("/api/v1/admin/articles").then().statusCode(200);
        admin().delete("/api/v1/admin/tokens/" + id).then().statusCode(200).body("revokedAt", startsWith("20"));
        as(secret).get("/api/v1/admin/articles").then().statusCode(401);
    }

    @Test
    void authorsWriteDraftsButCannotPublish() {
        String author = tokenWithRole("author");
        long id = as(author).body(draft("Bài của tác giả")).post("/api/v1/admin/articles").then().statusCode(201)
                .body("createdBy", equalTo("Kiểm thử author")).extract().jsonPath().getLong("id");
        as(author).body(draft("Bài của tác giả, sửa")).put("/api/v1/admin/articles/" + id).then().statusCode(200);
        as(author).post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        admin().get("/api/v1/admin/articles/" + id).then().body("state", equalTo("draft"));
    }

    @Test
    void authorsCannotChangeOthersArticlesAndTheirChangesToLiveOnesWait() {
        String author = tokenWithRole("author");
        long others = admin().body(draft("Bài của biên tập")).post("/api/v1/admin/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(author).body(draft("Sửa trộm")).put("/api/v1/admin/articles/" + others).then().statusCode(404);
        as(author).delete("/api/v1/admin/articles/" + others).then().statusCode(404);

        long own = as(author).body(draft("Của tôi")).post("/api/v1/admin/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String slug = admin().post("/api/v1/admin/articles/" + own + "/publish").then().statusCode(200).extract().path("slug");
        as(author).body(draft("Sửa sau khi đăng")).put("/api/v1/admin/articles/" + own).then().statusCode(200)
                .body("pending.state", equalTo("draft"));
        api().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("Của tôi"));

        admin().post("/api/v1/admin/articles/" + others + "/publish").then().statusCode(200);
        as(author).body(draft("Sửa trộm bài đã đăng")).put("/api/v1/admin/articles/" + others).then().statusCode(403);
        admin().get("/api/v1/admin/articles/" + others).then().body("title", equalTo("Bài của biên tập"))
                .body("pending", equalTo(null));
    }

    @Test
    void onlyAdminsManageTokensAndOnlyEditorsManageCategories() {
        String editor = tokenWithRole("editor");
        String author = tokenWithRole("author");
        long tokens = count("SELECT count(*) FROM api_tokens");
        as(editor).body(Map.of("name", "Leo thang", "role", "admin")).post("/api/v1/admin/tokens").then().statusCode(403);
        assertEquals(tokens, count("SELECT count(*) FROM api_tokens"));
        as(author).body(Map.of("name", "Chuyên mục mới")).post("/api/v1/admin/categories").then().statusCode(403);
        as(editor).body(Map.of("name", "Chuyên mục " + System.nanoTime())).post("/api/v1/admin/categories").then()
                .statusCode(201);
    }

    @Test
    void aTokenExpiresAfterTheDefaultLifetimeUnlessItIsGivenADate() {
        var lasting = admin().body(Map.of("name", "Mặc định", "role", "editor")).post("/api/v1/admin/tokens").then()
                .statusCode(201).extract().jsonPath();
        Duration left = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(lasting.getString("expiresAt")));
        assertTrue(left.compareTo(Duration.ofDays(90).minusMinutes(5)) > 0 && left.compareTo(Duration.ofDays(90)) <= 0,
                left.toString());

        OffsetDateTime chosen = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.SECONDS);
        var dated = admin().body(Map.of("name", "Có hạn", "role", "author", "expiresAt",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(chosen)))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().jsonPath();
        assertEquals(chosen.toInstant(), OffsetDateTime.parse(dated.getString("expiresAt")).toInstant());
        admin().get("/api/v1/admin/tokens").then().statusCode(200)
                .body("find { it.id == " + dated.getLong("id") + " }.expiresAt", equalTo(dated.getString("expiresAt")));
        assertEquals(1, count("SELECT count(*) FROM api_tokens WHERE id = " + dated.getLong("id")
                + " AND expires_at = '" + chosen + "'"));
        as(dated.getString("token")).get("/api/v1/admin/articles").then().statusCode(200);
    }

    @Test
    void anExpiryInThePastOrBeyondTheLongestLifetimeIsRefused() {
        long tokens = count("SELECT count(*) FROM api_tokens");
        for (OffsetDateTime expiresAt : new OffsetDateTime[]{OffsetDateTime.now().minusMinutes(1),
                OffsetDateTime.now().plusDays(366)}) {
            admin().body(Map.of("name", "Sai hạn", "role", "editor", "expiresAt",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(expiresAt)))
                    .post("/api/v1/admin/tokens").then().statusCode(422).body("errors[0].field", equalTo("expiresAt"));
        }
        assertEquals(tokens, count("SELECT count(*) FROM api_tokens"));
    }

    /** By default for tests, as when BANTIN_ADMIN_TOKEN_BOOTSTRAP_ONLY=false; BrokenAuthenticationTest has it on. */
    @Test
    void theEnvironmentTokenKeepsWorkingBesideNamedAdminsWhenItIsNotBootstrapOnly() {
        tokenWithRole("admin");
        admin().get("/api/v1/admin/tokens").then().statusCode(200);
    }

    @Test
    void anUnknownRoleIsRefused() {
        badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("name", "Sai vai trò", "role", "boss")).post("/api/v1/admin/tokens").then()
                .statusCode(400).body("errors[0].field", equalTo("role"));
    }
}
