package org.bantin.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bantin.media.MediaSamples;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/** What webhooks send is what the contract's schemas say receivers get: every event type, and the signature example. */
@QuarkusTest
class WebhookPayloadContractTest extends ApiTest {

    private static final String WEBHOOKS = "/api/v1/admin/webhooks";
    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI CONTRACT_MODEL = new OpenAPIV3Parser().read(CONTRACT);
    /** Objects are closed: a field sent but not in its schema (e.g. one renamed) is an error, as in every API test. */
    private static final SchemaValidator SCHEMAS = new SchemaValidator(CONTRACT_MODEL,
            new MessageResolver(LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR).build()));

    /** Other tests run with the default settings and no webhooks. */
    @AfterEach
    void cleanUp() {
        allowPrivateTargets(false);
        for (Object id : admin().get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getList("id")) {
            admin().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        }
    }

    @Test
    void everyEventTypeSentFollowsItsSchemasInTheContract() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver()) {
            long webhookId = admin().body(Map.of("url", receiver.url(), "events",
                    List.of("article.*", "category.*", "media.*", "survey.*", "document.*", "consultation.*"), "enabled",
                    true)).post(WEBHOOKS)
                    .then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            changeAnArticle();
            changeACategory();
            changeAMediaFile();
            changeASurvey();
            changeADocument();
            changeAConsultation();
            admin().post(WEBHOOKS + "/" + webhookId + "/ping").then().statusCode(200).body("status", equalTo("succeeded"));
            List<Receiver.Received> requests = receiver
                    .await(count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = " + webhookId));

            List<JsonNode> bodies = new ArrayList<>();
            for (Receiver.Received request : requests) {
                JsonNode body = JSON.readTree(request.body());
                assertFollows(dataSchema(body.get("type").asText()), JSON.writeValueAsString(body.get("data")));
                assertFollows("WebhookEvent", request.body());
                assertEquals(request.id(), body.get("id").asText(), "webhook-id is the event's id");
                bodies.add(body);
            }
            assertEquals(documentedTypes(), bodies.stream().map(body -> body.get("type").asText())
                    .collect(Collectors.toCollection(TreeSet::new)), "every type the contract lists is sent and checked");
            assertTrue(sentWithPreviousSlug(bodies, "article.updated"), "an article's new slug says the old one");
            assertTrue(sentWithPreviousSlug(bodies, "category.updated"), "a category's new slug says the old one");
        }
    }

    /** article.published, article.updated with a new slug, article.unpublished, then published again and deleted. */
    private static void changeAnArticle() {
        String category = newCategory("Tin tức – Sự kiện");
        long id = admin().body(Map.of("title", "Hội nghị tổng kết " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().body(Map.of("title", "Hội nghị tổng kết năm", "slug", "hoi-nghi-tong-ket-" + id, "category", category))
                .put("/api/v1/admin/articles/" + id).then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().delete("/api/v1/admin/articles/" + id).then().statusCode(204);
    }

    /** category.created, category.updated with a new slug, category.deleted. */
    private static void changeACategory() {
        long id = admin().body(Map.of("name", "Cải cách hành chính " + System.nanoTime()))
                .post("/api/v1/admin/categories").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("name", "Cải cách hành chính", "slug", "cai-cach-hanh-chinh-" + id))
                .put("/api/v1/admin/categories/" + id).then().statusCode(200);
        admin().delete("/api/v1/admin/categories/" + id).then().statusCode(204);
    }

    /** media.created, media.updated, media.deleted. */
    private static void changeAMediaFile() {
        long id = admin().contentType("image/jpeg").body(MediaSamples.jpeg(400, 300)).queryParam("alt", "Cầu Tràng An")
                .post("/api/v1/admin/media").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType(MERGE_PATCH).body(Map.of("caption", "Cầu Tràng An lúc bình minh"))
                .patch("/api/v1/admin/media/" + id).then().statusCode(200);
        admin().delete("/api/v1/admin/media/" + id).then().statusCode(204);
    }

    /** survey.created, survey.updated, survey.opened, survey.closed, survey.deleted. */
    private static void changeASurvey() {
        long id = admin().body(Map.of("question", "Bạn quan tâm mục gì nhất?", "options", List.of("Tin tức", "Văn bản"),
                "multipleChoice", false, "resultsVisibility", "always"))
                .post("/api/v1/admin/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("text", "Thủ tục hành chính")).post("/api/v1/admin/surveys/" + id + "/options").then()
                .statusCode(201);
        admin().post("/api/v1/admin/surveys/" + id + "/open").then().statusCode(200);
        admin().post("/api/v1/admin/surveys/" + id + "/close").then().statusCode(200);
        admin().delete("/api/v1/admin/surveys/" + id).then().statusCode(204);
    }

    /**
     * document.published, document.updated (a pending version published), document.unpublished, then published again
     * and deleted.
     */
    private static void changeADocument() {
        Map<String, Object> document = Map.of("number", "15/2024/QĐ-UBND", "type", "Quyết định", "summary",
                "Ban hành Quy chế phối hợp");
        long id = admin().body(document).post("/api/v1/admin/documents").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        admin().post("/api/v1/admin/documents/" + id + "/publish").then().statusCode(200);
        admin().body(document).put("/api/v1/admin/documents/" + id).then().statusCode(200);
        admin().post("/api/v1/admin/documents/" + id + "/publish").then().statusCode(200); // its pending version
        admin().post("/api/v1/admin/documents/" + id + "/unpublish").then().statusCode(200);
        admin().post("/api/v1/admin/documents/" + id + "/publish").then().statusCode(200);
        admin().delete("/api/v1/admin/documents/" + id).then().statusCode(204);
    }

    /** consultation.published, consultation.updated, consultation.unpublished, then published again and deleted. */
    private static void changeAConsultation() {
        long document = admin().body(Map.of("number", "Dự thảo", "type", "Quyết định", "summary", "Ban hành Quy chế"))
                .post("/api/v1/admin/documents").then().statusCode(201).extract().jsonPath().getLong("id");
        OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> consultation = Map.of("title", "Lấy ý kiến dự thảo Quy chế", "documentId", document, "opensAt",
                opens.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), "closesAt",
                opens.plusDays(30).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        long id = admin().body(consultation).post("/api/v1/admin/consultations").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        admin().post("/api/v1/admin/consultations/" + id + "/publish").then().statusCode(200);
        admin().body(consultation).put("/api/v1/admin/consultations/" + id).then().statusCode(200);
        admin().post("/api/v1/admin/consultations/" + id + "/unpublish").then().statusCode(200);
        admin().post("/api/v1/admin/consultations/" + id + "/publish").then().statusCode(200);
        admin().delete("/api/v1/admin/consultations/" + id).then().statusCode(204);
    }

    /** The contract's rule: `data` follows the schema of the type's kind, the part before the dot. */
    private static String dataSchema(String type) {
        String kind = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + "EventData";
    }

    private static void assertFollows(String schema, String json) {
        ValidationReport report = SCHEMAS.validate(json, new Schema<>().$ref("#/components/schemas/" + schema), "webhook");
        assertTrue(report.getMessages().isEmpty(), () -> json + " does not follow " + schema + ": " + report.getMessages());
    }

    private static Set<String> documentedTypes() {
        Schema<?> event = CONTRACT_MODEL.getComponents().getSchemas().get("WebhookEvent");
        Schema<?> type = event.getProperties().get("type");
        return type.getEnum().stream().map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean sentWithPreviousSlug(List<JsonNode> bodies, String type) {
        return bodies.stream()
                .anyMatch(body -> body.get("type").asText().equals(type) && body.get("data").has("previousSlug"));
    }

    @Test
    void theContractListsEveryEventType() {
        Set<String> types = new TreeSet<>(EventTypes.CHANGES);
        types.add(EventTypes.PING);
        assertEquals(types, documentedTypes());
    }

    @Test
    void theContractsSignatureExampleIsWhatTheApiSends() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "0b9e3c4e-6f0a-4d8e-9a43-2f1f0c3b7d11";
        long timestamp = 1733371200;
        String body = "{\"id\":\"" + id + "\",\"type\":\"article.published\",\"occurredAt\":\"2024-12-05T04:00:00Z\","
                + "\"data\":{\"id\":42,\"slug\":\"hoi-nghi-tong-ket-cai-cach-hanh-chinh\",\"category\":\"cai-cach-hanh-chinh\","
                + "\"tags\":[\"cải cách hành chính\"]}}";
        String description = CONTRACT_MODEL.getComponents().getSchemas().get("WebhookEvent").getDescription();
        for (String shown : List.of(secret, "webhook-id: " + id, "webhook-timestamp: " + timestamp, body,
                Signatures.sign(secret, id, timestamp, body))) {
            assertTrue(description.contains("`" + shown + "`"), () -> "the example does not show " + shown);
        }
        assertFollows("WebhookEvent", body);
    }

    private static void allowPrivateTargets(boolean allowed) {
        admin().contentType(MERGE_PATCH).body(Map.of("webhookPrivateTargets", allowed)).patch(SETTINGS).then().statusCode(200)
                .body("webhookPrivateTargets", equalTo(allowed));
    }
}
