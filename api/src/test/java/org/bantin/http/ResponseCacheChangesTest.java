package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A content change drops the cached responses that show what it touched, whichever instance made
 * it, and no others; concurrent misses of one key are one read; a read begun before a change that
 * touches it is not stored. Another instance is stood for by writes to the database that this
 * instance hears of only through the notification's payload; writes that nobody is to hear of
 * (with the notifying trigger off inside their transaction) show which responses are still served
 * from memory.
 */
@QuarkusTest
@TestProfile(ResponseCacheChangesTest.CacheOn.class)
class ResponseCacheChangesTest extends ApiTest {

    /** Waiters for a read give up after this (bantin.public-reads.timeout). */
    private static final long MAX_WAIT_MILLIS = 3_000;

    public static class CacheOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true", "bantin.response-cache.ttl", "1H",
                    "bantin.response-cache.max-age", "2H", "bantin.public-reads.timeout", MAX_WAIT_MILLIS + "MS");
        }
    }

    /** Readers' reads that are waiting for a lock: not the test's own, nor the instance's look for due articles. */
    private static final String LOCK_WAITERS = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND application_name <> 'bantin-due-articles'";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    ResponseCache cache;

    private record Article(long id, String slug) {
    }

    private static Article published(String title, String category, List<String> tags) {
        var created = admin().body(Map.of("title", title + " " + System.nanoTime(), "category", category, "tags", tags))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        admin().post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return new Article(id, created.getString("slug"));
    }

    private static String title(Article article) {
        return api().get("/api/v1/articles/" + article.slug()).then().statusCode(200).extract().path("title");
    }

    /** The titles a list shows, by article slug order. */
    private static List<String> titles(String query) {
        return api().get("/api/v1/articles?" + query).then().statusCode(200).extract().path("items.title");
    }

    /** Changes a title so that no instance hears of it: what still shows the old one is served from memory. */
    private void silentlyRetitle(Article article, String title) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Transactional: other writers wait for the table's lock and never find the trigger off.
            try (Statement trigger = connection.createStatement();
                    PreparedStatement update = connection.prepareStatement("UPDATE articles SET title = ? WHERE id = ?")) {
                trigger.execute("ALTER TABLE articles DISABLE TRIGGER articles_notify_updated");
                update.setString(1, title);
                update.setLong(2, article.id());
                assertEquals(1, update.executeUpdate());
                trigger.execute("ALTER TABLE articles ENABLE TRIGGER articles_notify_updated");
            }
            connection.commit();
        }
    }

    /** A change as another instance makes it: the triggers notify every instance. */
    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void anEditorsChangeToOneArticleDropsWhatShowsItAndNothingElse() throws SQLException {
        String news = newCategory("Tin tức");
        String other = newCategory("Văn hóa");
        String word = "tu" + System.nanoTime();
        Article changed = published("Bài sẽ sửa " + word, news, List.of("CCHC"));
        Article neighbour = published("Bài cùng chuyên mục", news, List.of());
        Article elsewhere = published("Bài chuyên mục khác", other, List.of("CCHC-khac"));
        String[] lists = {"limit=100", "category=" + news, "category=" + other, "tag=CCHC", "tag=CCHC-khac", "q=" + word};
        for (String list : lists) {
            titles(list);
        }
        title(changed);
        title(neighbour);
        title(elsewhere);
        silentlyRetitle(neighbour, "Không ai biết 1");
        silentlyRetitle(elsewhere, "Không ai biết 2");

        String newSlug = changed.slug() + "-moi";
        admin().contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("title", "Bài đã sửa " + word, "slug", newSlug)).patch("/api/v1/admin/articles/" + changed.id())
                .then().statusCode(200);
        admin().post("/api/v1/admin/articles/" + changed.id() + "/publish").then().statusCode(200);

        api().get("/api/v1/articles/" + changed.slug()).then().statusCode(404);
        assertEquals("Bài đã sửa " + word, title(new Article(changed.id(), newSlug)));
        for (String list : new String[]{"limit=100", "category=" + news, "tag=CCHC", "q=" + word}) {
            assertTrue(titles(list).contains("Bài đã sửa " + word), list + " shows the change");
        }
        assertTrue(titles("category=" + news).contains("Không ai biết 1"), "the changed article's category is read anew");
        assertTrue(title(neighbour).startsWith("Bài cùng chuyên mục"), "another article's entry stays");
        assertTrue(title(elsewhere).startsWith("Bài chuyên mục khác"), "another article's entry stays");
        assertTrue(titles("category=" + other).get(0).startsWith("Bài chuyên mục khác"), "another category's list stays");
        assertTrue(titles("tag=CCHC-khac").get(0).startsWith("Bài chuyên mục khác"), "another tag's list stays");
    }

    @Test
    void anotherInstancesChangeReachesThisOneThroughTheNotificationAndDropsNothingElse() throws Exception {
        String from = newCategory("Chuyên mục cũ");
        String to = newCategory("Chuyên mục mới");
        String untouched = newCategory("Chuyên mục khác");
        Article moved = published("Bài chuyển chuyên mục", from, List.of("cu"));
        Article stays = published("Bài ở lại", to, List.of());
        Article elsewhere = published("Bài không đổi", untouched, List.of());
        for (String list : new String[]{"category=" + from, "category=" + to, "category=" + untouched, "tag=cu", "tag=moi"}) {
            titles(list);
        }
        title(moved);
        title(stays);
        title(elsewhere);
        silentlyRetitle(stays, "Không ai biết 3");
        silentlyRetitle(elsewhere, "Không ai biết 4");

        update("UPDATE articles SET title = 'Bài đã chuyển', tags = '{moi}',"
                + " category_id = (SELECT id FROM categories WHERE slug = ?) WHERE id = ?", to, moved.id());

        awaitTrue(() -> "Bài đã chuyển".equals(title(moved)), "the changed article is read anew");
        assertEquals(List.of(), titles("category=" + from), "the old category's list is read anew");
        assertEquals(List.of(), titles("tag=cu"), "the old tag's list is read anew");
        assertTrue(titles("category=" + to).contains("Bài đã chuyển"), "the new category's list is read anew");
        assertEquals(List.of("Bài đã chuyển"), titles("tag=moi"), "the new tag's list is read anew");
        assertTrue(title(stays).startsWith("Bài ở lại"), "another article's entry stays");
        assertTrue(titles("category=" + untouched).get(0).startsWith("Bài không đổi"), "another category's list stays");
        assertTrue(title(elsewhere).startsWith("Bài không đổi"), "another article's entry stays");
    }

    @Test
    void concurrentMissesOfOneKeyAreOneReadAndNoWaiterWaitsLongerThanTheBound() throws Exception {
        String category = newCategory("Đọc cùng lúc");
        Article article = published("Bài nhiều người đọc", category, List.of());
        List<CompletableFuture<HttpResponse<String>>> readers = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();
            // Few enough that, each reading by itself, they fit in the pool (8) besides the test's two connections.
            for (int i = 0; i < 5; i++) {
                readers.add(get("/api/v1/articles/" + (i < 3 ? article.slug() : "khong-co-bai-nay")));
            }
            awaitTrue(() -> count(LOCK_WAITERS) >= 2, "the reads reach the database");
            Thread.sleep(500);
            assertTrue(System.nanoTime() - started < MAX_WAIT_MILLIS * 1_000_000, "counted before the wait is over");
            assertEquals(2, count(LOCK_WAITERS), "one read of each key");
            // Past the bound, each waiter reads by itself.
            awaitTrue(() -> count(LOCK_WAITERS) == 5, "every waiter reads by itself after the wait");
            assertTrue(System.nanoTime() - started > MAX_WAIT_MILLIS * 1_000_000, "not before the wait is over");
            lock.rollback();
        }
        for (int i = 0; i < readers.size(); i++) {
            assertEquals(i < 3 ? 200 : 404, readers.get(i).get().statusCode());
        }

        String list = "/api/v1/articles?category=" + category;
        readers.clear();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            for (int i = 0; i < 6; i++) {
                readers.add(get(list));
            }
            awaitTrue(() -> count(LOCK_WAITERS) >= 1, "the read reaches the database");
            Thread.sleep(500);
            assertEquals(1, count(LOCK_WAITERS), "one read of the list");
            lock.rollback();
        }
        String first = readers.get(0).get().body();
        for (CompletableFuture<HttpResponse<String>> reader : readers) {
            assertEquals(200, reader.get().statusCode());
            assertEquals(first, reader.get().body(), "the waiters get what the read stored");
        }
    }

    @Test
    void aReadBegunBeforeAChangeToItsKeyIsNotStoredAndOneBegunBeforeAnotherKeysChangeIs() throws Exception {
        String category = newCategory("Đọc trong lúc sửa");
        Article changed = published("Bài bị sửa trong lúc đọc", category, List.of());
        Article kept = published("Bài được giữ", category, List.of());
        Article other = published("Bài khác", category, List.of());
        String otherKey = CacheKeys.ARTICLE_PREFIX + other.slug();

        readDuringChange(changed, touching(changed, other), otherKey);
        assertNull(cache.get(CacheKeys.ARTICLE_PREFIX + changed.slug()), "a read begun before its key's change is not stored");
        silentlyRetitle(changed, "Đọc lại");
        assertEquals("Đọc lại", title(changed));

        readDuringChange(kept, touching(other), otherKey);
        assertNotNull(cache.get(CacheKeys.ARTICLE_PREFIX + kept.slug()), "a read begun before another key's change is stored");
        silentlyRetitle(kept, "Không đọc lại");
        assertTrue(title(kept).startsWith("Bài được giữ"));
    }

    /** What V17 notifies for a change to these articles' titles. */
    private static String touching(Article... articles) {
        List<String> slugs = Arrays.stream(articles).map(article -> "\"" + article.slug() + "\"").toList();
        return "{\"slugs\": [" + String.join(", ", slugs) + "], \"categories\": [], \"tags\": []}";
    }

    /**
     * Begins a read of the article that waits in the database, makes the change that `payload`
     * describes meanwhile (and waits until this instance has dropped `droppedKey` for it), then
     * lets the read end.
     */
    private void readDuringChange(Article article, String payload, String droppedKey) throws Exception {
        // Read until held: the notifications of the changes that made the articles may drop it once more just after a read.
        awaitTrue(() -> {
            api().get(droppedKey).then().statusCode(200);
            return cache.get(droppedKey) != null;
        }, "the article is held");
        CompletableFuture<HttpResponse<String>> reader;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            }
            reader = get("/api/v1/articles/" + article.slug());
            awaitTrue(() -> count(LOCK_WAITERS) == 1, "the read waits in the database");
            try (Connection other = dataSource.getConnection();
                    PreparedStatement notify = other.prepareStatement("SELECT pg_notify('bantin_content', ?)")) {
                notify.setString(1, payload);
                notify.execute();
            }
            awaitTrue(() -> cache.get(droppedKey) == null, "the change is heard of");
            lock.rollback();
        }
        assertEquals(200, reader.get().statusCode());
    }

    private static CompletableFuture<HttpResponse<String>> get(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            Thread.sleep(20);
        }
    }
}
