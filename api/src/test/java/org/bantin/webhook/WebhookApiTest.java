package org.bantin.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.bantin.media.MediaSamples;
import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Webhooks get signed events of content changes, written with the change, retried until answered, each sent once. */
@QuarkusTest
class WebhookApiTest extends ApiTest {

    private static final String WEBHOOKS = "/api/v1/admin/webhooks";
    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;

    @Inject
    DeliveryWorker worker;

    @Inject
    OutboxPruning pruning;

    /** Other tests run with the default settings and no webhooks. */
    @AfterEach
    void cleanUp() {
        allowPrivateTargets(false);
        for (Object id : admin().get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getList("id")) {
            admin().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        }
    }

    private static void allowPrivateTargets(boolean allowed) {
        admin().contentType(MERGE_PATCH).body(Map.of("webhookPrivateTargets", allowed)).patch(SETTINGS).then().statusCode(200)
                .body("webhookPrivateTargets", equalTo(allowed));
    }

    /** Creates an enabled webhook for these events; returns its id and secret. */
    private static JsonPath newWebhook(String url, String... events) {
        return admin().body(Map.of("url", url, "events", List.of(events), "enabled", true)).post(WEBHOOKS).then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static long newDraft(String title) {
        String category = newCategory("Tin tức");
        return admin().body(Map.of("title", title + " " + System.nanoTime(), "category", category))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "waited in vain for " + what);
            Thread.sleep(50);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's own check of a Standard Webhooks signature, independent of the API's code. */
    private static String expectedSignature(String secret, Receiver.Received request) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
    }

    private long events(long articleId) {
        return count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'article:" + articleId + "'");
    }

    @Test
    void aPublishDeliversArticlePublishedWithAValidSignature() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver()) {
            JsonPath webhook = newWebhook(receiver.url(), "article.*");
            long webhookId = webhook.getLong("id");
            admin().get(WEBHOOKS + "/" + webhookId).then().statusCode(200).body("$", not(hasKey("secret")))
                    .body("url", equalTo(receiver.url())).body("events", equalTo(List.of("article.*")));

            long id = newDraft("Hội nghị tổng kết");
            admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            waitFor("the event", () -> !receiver.received().isEmpty());

            Receiver.Received request = receiver.received().get(0);
            assertEquals(expectedSignature(webhook.getString("secret"), request), request.signature());
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())) < 60);
            assertEquals("application/json", request.contentType());
            JsonNode body = json(request.body());
            assertEquals(request.id(), body.get("id").asText());
            assertEquals("article.published", body.get("type").asText());
            assertEquals(id, body.get("data").get("id").asLong());
            assertTrue(body.get("data").has("slug") && body.get("data").has("category") && body.get("data").has("tags"));
            assertFalse(body.get("data").has("previousSlug"));
            assertTrue(Instant.parse(body.get("occurredAt").asText()).isBefore(Instant.now().plusSeconds(1)));

            waitFor("the delivery to be recorded", () -> count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = "
                    + webhookId + " AND status = 'succeeded'") == 1);
            admin().get(WEBHOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].eventId", equalTo(request.id()))
                    .body("items[0].eventType", equalTo("article.published"))
                    .body("items[0].status", equalTo("succeeded"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[0].responseStatus", equalTo(200))
                    .body("items[0].responseBody", equalTo("ok"));
        }
    }

    @Test
    void aFailingReceiverGetsRetriesAndLaterEventsOfTheArticleWait() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 500 : 200)) {
            long webhookId = newWebhook(receiver.url(), "article.published", "article.unpublished").getLong("id");
            long id = newDraft("Lịch tiếp công dân");
            admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            admin().post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);
            waitFor("both events delivered", () -> count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = "
                    + webhookId + " AND status = 'succeeded'") == 2);

            List<String> types = receiver.received().stream().map(request -> json(request.body()).get("type").asText())
                    .toList();
            assertEquals(List.of("article.published", "article.published", "article.published", "article.unpublished"), types);
            assertEquals(1, receiver.received().subList(0, 3).stream().map(Receiver.Received::id).distinct().count());
            admin().get(WEBHOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                    .body("items[0].eventType", equalTo("article.unpublished"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[1].eventType", equalTo("article.published"))
                    .body("items[1].status", equalTo("succeeded"))
                    .body("items[1].attempts", equalTo(3));

            long published = admin().get(WEBHOOKS + "/" + webhookId + "/deliveries").then().extract().jsonPath()
                    .getLong("items[1].id");
            admin().post(WEBHOOKS + "/" + webhookId + "/deliveries/" + published + "/redeliver").then().statusCode(202)
                    .body("status", equalTo("pending")).body("eventType", equalTo("article.published"));
            waitFor("the redelivery", () -> receiver.received().size() == 5);
            assertEquals(receiver.received().get(0).id(), receiver.received().get(4).id());
        }
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttemptAndTheNextEventGoesOn() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver(n -> 503)) {
            long webhookId = newWebhook(receiver.url(), "article.*").getLong("id");
            long id = newDraft("Thông báo nghỉ lễ");
            admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            admin().post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);
            waitFor("both given up", () -> count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = " + webhookId
                    + " AND status = 'given_up'") == 2);

            List<String> types = receiver.received().stream().map(request -> json(request.body()).get("type").asText())
                    .toList();
            assertEquals(List.of("article.published", "article.published", "article.published", "article.published",
                    "article.unpublished", "article.unpublished", "article.unpublished", "article.unpublished"), types);
            admin().get(WEBHOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                    .body("items[1].status", equalTo("given_up"))
                    .body("items[1].attempts", equalTo(4))
                    .body("items[1].responseStatus", equalTo(503))
                    .body("items[1].error", equalTo("answered 503"))
                    .body("items[1]", not(hasKey("nextAttemptAt")));
            assertEquals(Duration.ofMillis(200), worker.retryDelay(1));
            assertEquals(Duration.ofMillis(800), worker.retryDelay(3));
            assertEquals(Duration.ofHours(1), worker.retryDelay(40));
        }
    }

    @Test
    void privateTargetsAreRefusedWhileTheSettingIsOff() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long before = count("SELECT count(*) FROM webhooks");
            for (String url : List.of(receiver.url(), "http://localhost:9/hook", "http://10.1.2.3/hook", "http://[::1]/hook",
                    "http://169.254.169.254/latest", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                    "ftp://example.com/hook")) {
                badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                        .body(Map.of("url", url, "events", List.of("article.*"), "enabled", true)).post(WEBHOOKS).then()
                        .statusCode(422).body("errors[0].field", equalTo("url"));
            }
            badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                    .body(Map.of("url", "https://203.0.113.7/hook", "events", List.of("article.created"), "enabled", true))
                    .post(WEBHOOKS).then().statusCode(422).body("errors[0].field", equalTo("events"));
            assertEquals(before, count("SELECT count(*) FROM webhooks"));

            // Checked again when sending: allowed when saved, refused once the setting is off.
            allowPrivateTargets(true);
            long webhookId = newWebhook(receiver.url(), "article.published").getLong("id");
            allowPrivateTargets(false);
            long id = newDraft("Thông báo tuyển dụng");
            admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            waitFor("the refused attempt", () -> count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = "
                    + webhookId + " AND status = 'failed'") == 1);
            admin().get(WEBHOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                    .body("items[0].error", startsWith("not sent: the url resolves to a loopback"));
            assertTrue(receiver.received().isEmpty());
        }
    }

    @Test
    void eventsAreWrittenWithTheirChangeAndOnlyForLiveArticles() {
        long id = newDraft("Kế hoạch năm");
        admin().body(Map.of("title", "Kế hoạch năm mới", "category", newCategory("Văn bản")))
                .put("/api/v1/admin/articles/" + id)
                .then().statusCode(200);
        assertEquals(0, events(id), "a draft's change says nothing");

        admin().header("If-Match", "\"999\"").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(412);
        assertEquals(0, events(id), "a refused publish says nothing");

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.emit("article.updated", "article:" + id, Map.of("id", id));
            throw new IllegalStateException("the change fails");
        }));
        assertEquals(0, events(id), "a change rolled back says nothing");
        assertThrows(TransactionalException.class, () -> outbox.emit("article.updated", "article:" + id, Map.of("id", id)));

        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().body(Map.of("title", "Kế hoạch năm mới", "slug", "ke-hoach-" + id, "category", newCategory("Văn bản")))
                .put("/api/v1/admin/articles/" + id).then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        admin().delete("/api/v1/admin/articles/" + id).then().statusCode(204);
        assertEquals(List.of("article.published", "article.updated", "article.unpublished", "article.published",
                "article.deleted"), eventTypes(id));
        assertEquals(1, count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'article:" + id
                + "' AND data ->> 'previousSlug' IS NOT NULL AND data ->> 'slug' = 'ke-hoach-" + id + "'"));
    }

    @Test
    void categoriesEmitTheirChangesAndARefusedDeleteNothing() {
        String slug = newCategory("Chuyên mục");
        long id = count("SELECT id FROM categories WHERE slug = '" + slug + "'");
        String key = "category:" + id;
        admin().body(Map.of("name", "Chuyên mục mới", "slug", slug + "-moi")).put("/api/v1/admin/categories/" + id).then()
                .statusCode(200);
        admin().body(Map.of("title", "Bài trong chuyên mục", "category", slug + "-moi")).post("/api/v1/admin/articles").then()
                .statusCode(201);
        admin().delete("/api/v1/admin/categories/" + id).then().statusCode(409);
        assertEquals(List.of("category.created", "category.updated"), eventTypes(key));
        assertEquals(1,
                count("SELECT count(*) FROM webhook_events WHERE ordering_key = '" + key + "' AND data ->> 'previousSlug' = '"
                        + slug + "' AND data ->> 'slug' = '" + slug + "-moi'"));

        String unused = newCategory("Chuyên mục trống");
        long unusedId = count("SELECT id FROM categories WHERE slug = '" + unused + "'");
        admin().delete("/api/v1/admin/categories/" + unusedId).then().statusCode(204);
        assertEquals(List.of("category.created", "category.deleted"), eventTypes("category:" + unusedId));
    }

    @Test
    void theMediaLibraryEmitsItsChanges() {
        long id = admin().contentType("image/jpeg").body(MediaSamples.jpeg(400, 300)).queryParam("alt", "Cầu Tràng An")
                .post("/api/v1/admin/media").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType(MERGE_PATCH).header("If-Match", "\"99\"").body(Map.of("caption", "Cũ"))
                .patch("/api/v1/admin/media/" + id)
                .then().statusCode(412);
        admin().contentType(MERGE_PATCH).body(Map.of("caption", "Cầu Tràng An lúc bình minh"))
                .patch("/api/v1/admin/media/" + id)
                .then().statusCode(200);
        admin().delete("/api/v1/admin/media/" + id).then().statusCode(204);
        assertEquals(List.of("media.created", "media.updated", "media.deleted"), eventTypes("media:" + id));
        assertEquals(3, count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'media:" + id
                + "' AND data ->> 'kind' = 'image' AND (data ->> 'id')::bigint = " + id));
    }

    @Test
    void surveysEmitTheirChanges() {
        long id = admin().body(Map.of("question", "Bạn quan tâm mục gì nhất?", "options", List.of("Tin tức", "Văn bản"),
                "multipleChoice", false, "resultsVisibility", "always"))
                .post("/api/v1/admin/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("text", "Thủ tục hành chính")).post("/api/v1/admin/surveys/" + id + "/options").then()
                .statusCode(201);
        admin().body(Map.of("text", "Tin tức")).post("/api/v1/admin/surveys/" + id + "/options").then().statusCode(422);
        admin().post("/api/v1/admin/surveys/" + id + "/open").then().statusCode(200);
        admin().post("/api/v1/admin/surveys/" + id + "/close").then().statusCode(200);
        admin().delete("/api/v1/admin/surveys/" + id).then().statusCode(204);
        assertEquals(List.of("survey.created", "survey.updated", "survey.opened", "survey.closed", "survey.deleted"),
                eventTypes("survey:" + id));
        assertEquals(1, count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'survey:" + id
                + "' AND type = 'survey.opened' AND data ->> 'status' = 'open'"));
    }

    @Test
    void oldEventsGoOnceTheirDeliveriesAreFinished() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver()) {
            long webhookId = newWebhook(receiver.url(), "article.*").getLong("id");
            String key = "article:pruning-" + System.nanoTime();
            String delivered = oldEvent(key, webhookId, "succeeded");
            String retried = oldEvent(key, webhookId, "failed");
            String recent = event(key, "now()");
            pruning.prune();
            for (String id : List.of(delivered, retried, recent)) {
                assertEquals(id.equals(delivered) ? 0 : 1, count("SELECT count(*) FROM webhook_events WHERE id = '" + id + "'"),
                        id);
            }
            assertEquals(1, count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = " + webhookId));
        }
    }

    private String oldEvent(String key, long webhookId, String status) {
        String id = event(key, "now() - interval '31 days'");
        execute("INSERT INTO webhook_deliveries (webhook_id, event_id, ordering_key, status, attempts, next_attempt_at) VALUES ("
                + webhookId + ", '" + id + "', '" + key + "', '" + status + "', 1, now() + interval '1 hour')");
        return id;
    }

    private String event(String key, String occurredAt) {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO webhook_events (id, type, ordering_key, occurred_at, data) VALUES ('" + id
                + "', 'article.updated', '"
                + key + "', " + occurredAt + ", '{}')");
        return id;
    }

    private void execute(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> eventTypes(long articleId) {
        return eventTypes("article:" + articleId);
    }

    private List<String> eventTypes(String orderingKey) {
        List<String> types = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT type FROM webhook_events WHERE ordering_key = ? ORDER BY occurred_at, id")) {
            statement.setString(1, orderingKey);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    @Test
    void concurrentWorkersSendEachEventOnce() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver()) {
            long webhookId = newWebhook(receiver.url(), "article.*").getLong("id");
            int events = 40;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int n = 0; n < events; n++) {
                    outbox.emit("article.updated", "article:test-" + System.nanoTime(), Map.of("id", n));
                }
            });
            ExecutorService workers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                running.add(workers.submit(() -> {
                    while (worker.deliverNextDue()) {
                        // the next one
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
            workers.shutdown();
            waitFor("every delivery", () -> count("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = " + webhookId
                    + " AND status = 'succeeded'") == events);
            List<Receiver.Received> received = receiver.received();
            assertEquals(events, received.size());
            assertEquals(events, received.stream().map(Receiver.Received::id).distinct().count());
        }
    }

    @Test
    void aPingIsSentAtOnce() throws Exception {
        allowPrivateTargets(true);
        try (Receiver receiver = new Receiver()) {
            JsonPath webhook = newWebhook(receiver.url(), "media.*");
            long webhookId = webhook.getLong("id");
            admin().post(WEBHOOKS + "/" + webhookId + "/ping").then().statusCode(200)
                    .body("eventType", equalTo("ping")).body("status", equalTo("succeeded"))
                    .body("responseStatus", equalTo(200));
            Receiver.Received request = receiver.received().get(0);
            assertEquals(expectedSignature(webhook.getString("secret"), request), request.signature());
            assertEquals(webhookId, json(request.body()).get("data").get("webhookId").asLong());

            admin().body(Map.of("enabled", false)).patch(WEBHOOKS + "/" + webhookId).then().statusCode(200)
                    .body("enabled", equalTo(false)).body("events", equalTo(List.of("media.*")));
            badRequest().header("Authorization", "Bearer " + ADMIN_TOKEN).post(WEBHOOKS + "/" + webhookId + "/ping").then()
                    .statusCode(409);
        }
    }
}
