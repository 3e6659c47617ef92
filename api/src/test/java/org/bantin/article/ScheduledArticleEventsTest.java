package org.bantin.article;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Webhooks hear of an article when readers can see it, and when they no longer can: a scheduled article when its
 * publish time comes, an expiring one when its expiry comes, each once however many instances look, and after a
 * moment that no instance was running for.
 */
@QuarkusTest
class ScheduledArticleEventsTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";

    @Inject
    ArticleEvents events;

    private record Draft(long id, String slug, String category, String tag) {
    }

    private static Draft draft(String title) {
        String tag = "lich" + System.nanoTime();
        String category = newCategory("Thông báo");
        var created = admin().body(Map.of("title", title + " " + System.nanoTime(), "category", category, "tags", List.of(tag)))
                .post(ARTICLES).then().statusCode(201).extract().jsonPath();
        return new Draft(created.getLong("id"), created.getString("slug"), category, tag);
    }

    private static ValidatableResponse publish(Draft draft, Map<String, Object> request) {
        return admin().body(request).post(ARTICLES + "/" + draft.id() + "/publish").then().statusCode(200);
    }

    /** As the API writes it: seconds always (toString leaves out :00, which the contract refuses). */
    private static String wire(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Whole seconds, so that it reads back as sent. */
    private static OffsetDateTime inSeconds(long seconds) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "waited in vain for " + what);
            Thread.sleep(50);
        }
    }

    private List<String> eventTypes(long articleId) {
        List<String> types = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT type FROM webhook_events WHERE ordering_key = ? ORDER BY occurred_at, id")) {
            statement.setString(1, "article:" + articleId);
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

    /** Events of this type that say what ArticleEvents says of an article: its id, slug, category and tags. */
    private long eventsNaming(String type, Draft draft, String slug) {
        return count("SELECT count(*) FROM webhook_events WHERE ordering_key = 'article:" + draft.id() + "' AND type = '"
                + type + "' AND (data ->> 'id')::bigint = " + draft.id() + " AND data ->> 'slug' = '" + slug
                + "' AND data ->> 'category' = '" + draft.category() + "' AND data -> 'tags' = '[\"" + draft.tag()
                + "\"]'::jsonb AND data ->> 'previousSlug' IS NULL");
    }

    /** Changes rows as time would, or as a restart after that time finds them. */
    private void execute(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScheduledArticleIsAnnouncedWhenItsTimeComesAndNotBefore() throws InterruptedException {
        Draft draft = draft("Lịch tiếp công dân");
        OffsetDateTime publishAt = inSeconds(3);
        publish(draft, Map.of("publishAt", wire(publishAt))).body("state", equalTo("scheduled"));
        assertEquals(List.of(), eventTypes(draft.id()), "nothing while readers cannot see it");

        waitFor("article.published", () -> !eventTypes(draft.id()).isEmpty());
        // Receivers fetch the public article when told: by then readers see it.
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(200);
        assertFalse(OffsetDateTime.now(ZoneOffset.UTC).isBefore(publishAt), "told at its publish time, not before");

        Thread.sleep(1500); // more looks, by this and any other instance
        assertEquals(List.of("article.published"), eventTypes(draft.id()));
        assertEquals(1, eventsNaming("article.published", draft, draft.slug()));
    }

    @Test
    void aPublishTimeThatCameWhileNoInstanceRanIsAnnouncedAtTheNextLook() throws Exception {
        Draft draft = draft("Kế hoạch phòng chống bão");
        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).body("state", equalTo("scheduled"));
        events.announceDue();
        assertEquals(List.of(), eventTypes(draft.id()));

        execute("UPDATE articles SET published_at = now() - interval '10 minutes' WHERE id = " + draft.id());
        waitFor("article.published", () -> !eventTypes(draft.id()).isEmpty());
        assertEquals(List.of("article.published"), eventTypes(draft.id()));
        assertEquals(1, eventsNaming("article.published", draft, draft.slug()));
    }

    @Test
    void anExpiringArticleIsWithdrawnWhenItsExpiryComes() throws InterruptedException {
        Draft draft = draft("Thông báo tuyển sinh");
        publish(draft, Map.of("unpublishAt", wire(inSeconds(3)))).body("state", equalTo("published"));
        assertEquals(List.of("article.published"), eventTypes(draft.id()), "told at once: readers see it");

        waitFor("article.unpublished", () -> eventTypes(draft.id()).size() == 2);
        assertEquals(List.of("article.published", "article.unpublished"), eventTypes(draft.id()));
        assertEquals(1, eventsNaming("article.unpublished", draft, draft.slug()));
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(410);

        // Unpublished or deleted once expired, it is not withdrawn again.
        admin().post(ARTICLES + "/" + draft.id() + "/unpublish").then().statusCode(200);
        admin().delete(ARTICLES + "/" + draft.id()).then().statusCode(204);
        assertEquals(List.of("article.published", "article.unpublished"), eventTypes(draft.id()));
    }

    @Test
    void draftsAndArticlesTakenBackBeforeTheirTimeSayNothing() throws SQLException {
        Draft draft = draft("Dự thảo quy chế");
        admin().body(Map.of("title", "Dự thảo quy chế mới", "category", draft.category()))
                .put(ARTICLES + "/" + draft.id()).then().statusCode(200);
        events.announceDue();
        assertEquals(List.of(), eventTypes(draft.id()), "a draft");

        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).body("state", equalTo("scheduled"));
        admin().post(ARTICLES + "/" + draft.id() + "/unpublish").then().statusCode(200).body("state", equalTo("draft"));
        assertEquals(List.of(), eventTypes(draft.id()), "a scheduled article unpublished");

        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).body("state", equalTo("scheduled"));
        admin().delete(ARTICLES + "/" + draft.id()).then().statusCode(204);
        events.announceDue();
        assertEquals(List.of(), eventTypes(draft.id()), "a scheduled article deleted");
    }

    @Test
    void aPendingVersionOfAScheduledArticleIsAnnouncedOnlyWhenItsTimeComes() throws Exception {
        Draft draft = draft("Hội nghị sơ kết");
        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).body("state", equalTo("scheduled"));
        String slug = draft.slug() + "-moi";
        admin().body(Map.of("title", "Hội nghị sơ kết quý", "slug", slug, "category", draft.category(), "tags",
                List.of(draft.tag()))).put(ARTICLES + "/" + draft.id()).then().statusCode(200);
        admin().post(ARTICLES + "/" + draft.id() + "/publish").then().statusCode(200).body("state", equalTo("scheduled"))
                .body("slug", equalTo(slug));
        events.announceDue();
        assertEquals(List.of(), eventTypes(draft.id()), "its new version is not visible yet either");

        execute("UPDATE articles SET published_at = now() - interval '1 second' WHERE id = " + draft.id());
        waitFor("article.published", () -> !eventTypes(draft.id()).isEmpty());
        // Receivers never knew the first slug: the new one is all they are told.
        assertEquals(1, eventsNaming("article.published", draft, slug));
        assertEquals(List.of("article.published"), eventTypes(draft.id()));
    }

    @Test
    void aVisibleArticleRescheduledIsWithdrawnUntilItsNewTime() throws InterruptedException {
        Draft draft = draft("Lễ khánh thành");
        admin().post(ARTICLES + "/" + draft.id() + "/publish").then().statusCode(200).body("state", equalTo("published"));
        publish(draft, Map.of("publishAt", wire(inSeconds(3600)))).body("state", equalTo("scheduled"));
        assertEquals(List.of("article.published", "article.unpublished"), eventTypes(draft.id()));
        api().get("/api/v1/articles/" + draft.slug()).then().statusCode(404);

        execute("UPDATE articles SET published_at = now() - interval '1 second' WHERE id = " + draft.id());
        waitFor("article.published again", () -> eventTypes(draft.id()).size() == 3);
        assertEquals(List.of("article.published", "article.unpublished", "article.published"), eventTypes(draft.id()));
    }

    @Test
    void concurrentLooksAnnounceEachArticleOnce() throws Exception {
        List<Draft> scheduled = new ArrayList<>();
        List<Draft> expiring = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            Draft due = draft("Lịch công tác tuần " + n);
            publish(due, Map.of("publishAt", wire(inSeconds(3600))));
            scheduled.add(due);
            Draft ending = draft("Thông báo thi tuyển " + n);
            publish(ending, Map.of("unpublishAt", wire(inSeconds(3600))));
            expiring.add(ending);
        }
        int looks = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(looks);
        List<Future<?>> running = new ArrayList<>();
        for (int n = 0; n < looks; n++) {
            running.add(instances.submit(() -> {
                start.await();
                for (int look = 0; look < 5; look++) {
                    events.announceDue();
                }
                return null;
            }));
        }
        // Their times come at once, as for instances that start after them all.
        execute("UPDATE articles SET published_at = now() - interval '1 second' WHERE id IN (" + ids(scheduled) + ");"
                + "UPDATE articles SET published_at = now() - interval '2 hours', unpublish_at = now() - interval '1 hour'"
                + " WHERE id IN (" + ids(expiring) + ")");
        start.countDown();
        for (Future<?> each : running) {
            each.get();
        }
        instances.shutdown();

        for (Draft draft : scheduled) {
            assertEquals(List.of("article.published"), eventTypes(draft.id()), draft.slug());
        }
        for (Draft draft : expiring) {
            assertEquals(List.of("article.published", "article.unpublished"), eventTypes(draft.id()), draft.slug());
        }
    }

    private static String ids(List<Draft> drafts) {
        return drafts.stream().map(draft -> String.valueOf(draft.id())).collect(Collectors.joining(", "));
    }
}
