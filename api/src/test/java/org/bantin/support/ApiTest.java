package org.bantin.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.http.entity.mime.HttpMultipartMode;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Base of the HTTP tests: a real server on a real port, a real PostgreSQL, and every exchange
 * checked against the published contract (openapi.yaml at the top of the repository).
 */
@QuarkusTestResource(TestDatabase.class)
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String CONTRACT = "../openapi.yaml";

    /** Checks requests and responses. */
    private static final OpenApiValidationFilter CONTRACT_CHECK = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createFor(CONTRACT).build());

    /** Checks responses only: for requests that break the contract on purpose, to test the refusal. */
    private static final OpenApiValidationFilter RESPONSE_CONTRACT_CHECK = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createFor(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    @Inject
    protected AgroalDataSource dataSource;

    /** A request whose exchange must follow the contract. */
    protected static RequestSpecification api() {
        return given().filter(CONTRACT_CHECK).contentType(ContentType.JSON);
    }

    /** A request that is wrong on purpose; the response must still follow the contract. */
    protected static RequestSpecification badRequest() {
        return given().filter(RESPONSE_CONTRACT_CHECK);
    }

    /**
     * A multipart upload, its fields and file name in UTF-8 as browsers send them. The checker cannot
     * read multipart bodies, so only the response is checked.
     */
    protected static RequestSpecification multipartAs(String token) {
        return given().filter(RESPONSE_CONTRACT_CHECK).header("Authorization", "Bearer " + token)
                .config(RestAssured.config()
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
                        .httpClient(
                                HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .contentType("multipart/form-data; charset=UTF-8");
    }

    protected static RequestSpecification as(String token) {
        return api().header("Authorization", "Bearer " + token);
    }

    protected static RequestSpecification admin() {
        return as(ADMIN_TOKEN);
    }

    /** Issues a token with this role and returns its secret. */
    protected static String tokenWithRole(String role) {
        return admin().body(Map.of("name", "Kiểm thử " + role, "role", role))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("token");
    }

    /** One number from the database, to assert what a request did or did not write. */
    protected long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new anonymous voter's token. */
    protected static String newVoter() {
        return api().body(Challenges.solved()).post("/api/v1/voters").then().statusCode(201).extract().path("token");
    }

    /** Creates a published article in a new category and returns its id and slug. */
    protected static PublishedArticle newPublishedArticle(String title) {
        String category = newCategory("Tin tức – Sự kiện");
        var created = admin().body(Map.of("title", title + " " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return new PublishedArticle(id, created.getString("slug"));
    }

    protected record PublishedArticle(long id, String slug) {
    }

    /** Creates a category with a unique slug and returns that slug. */
    protected static String newCategory(String name) {
        return admin().body(Map.of("name", name + " " + System.nanoTime()))
                .post("/api/v1/admin/categories").then().statusCode(201).extract().path("slug");
    }
}
