package org.bantin.revision;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Revisions older than the settings' revisionRetentionDays are pruned, but the published ones and each content's
 * newest; the revision endpoints work across the gaps this leaves.
 */
@QuarkusTest
class RevisionPruningTest extends ApiTest {

    private static final String ARTICLES = "/api/v1/admin/articles";
    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    RevisionPruning pruning;

    private String category;

    @BeforeEach
    void createCategory() {
        category = newCategory("Cải cách hành chính");
    }

    /** Other tests run with every revision kept. */
    @AfterEach
    void keepEveryRevision() {
        retention("null");
    }

    private static void retention(String days) {
        admin().contentType(MERGE_PATCH).body("{\"revisionRetentionDays\": " + days + "}").patch(SETTINGS).then()
                .statusCode(200);
    }

    /** A new article with this many revisions (its creation, then a patch each). */
    private long articleWithRevisions(int revisions) {
        long id = admin().body(Map.of("title", "Bài nhiều bản " + System.nanoTime(), "category", category))
                .post(ARTICLES).then().statusCode(201).extract().jsonPath().getLong("id");
        for (int saved = 1; saved < revisions; saved++) {
            save(id);
        }
        return id;
    }

    private static void save(long id) {
        admin().contentType(MERGE_PATCH).body(Map.of("summary", "Tóm tắt " + System.nanoTime())).patch(ARTICLES + "/" + id)
                .then().statusCode(200);
    }

    private static List<Integer> numbers(long id) {
        return admin().get(ARTICLES + "/" + id + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("items.number");
    }

    private long revisionId(long article, int number) {
        return count("SELECT id FROM revisions WHERE content_type = 'article' AND content_id = " + article + " AND number = "
                + number);
    }

    /** Dates the article's revisions (those up to the number given) this many days back. */
    private void age(long article, int upToNumber, int days) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE revisions SET created_at = now() - interval '" + days + " days'"
                    + " WHERE content_type = 'article' AND content_id = " + article + " AND number <= " + upToNumber);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void publishingMarksTheNewestRevision() {
        long id = articleWithRevisions(2);
        admin().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        save(id);
        assertEquals(1, count("SELECT count(*) FROM revisions WHERE content_id = " + id + " AND published"));
        assertEquals(1, count("SELECT count(*) FROM revisions WHERE content_id = " + id + " AND published AND number = 2"));
    }

    @Test
    void oldRevisionsGoButPublishedAndNewestOnesStay() {
        long published = articleWithRevisions(2);
        admin().post(ARTICLES + "/" + published + "/publish").then().statusCode(200);
        save(published);
        save(published);
        age(published, 4, 40);
        long recentlyChanged = articleWithRevisions(2);
        age(recentlyChanged, 1, 40);
        long young = articleWithRevisions(2);
        age(young, 2, 20);

        retention("null");
        assertEquals(0, pruning.prune(), "nothing is pruned while every revision is kept");
        assertEquals(List.of(4, 3, 2, 1), numbers(published));
        assertEquals(List.of(2, 1), numbers(recentlyChanged));
        assertEquals(List.of(2, 1), numbers(young));

        retention("30");
        pruning.prune();
        assertEquals(List.of(4, 2), numbers(published), "the published revision and the newest stay");
        assertEquals(List.of(2), numbers(recentlyChanged), "the old revision goes, the recent one stays");
        assertEquals(List.of(2, 1), numbers(young), "revisions younger than the retention stay");
        assertEquals(0, pruning.prune(), "pruning again deletes nothing more");
    }

    @Test
    void theRevisionEndpointsWorkAcrossTheGaps() {
        long id = articleWithRevisions(4);
        admin().post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
        save(id);
        age(id, 5, 40);
        retention("30");
        pruning.prune();
        assertEquals(List.of(5, 4), numbers(id));

        String path = ARTICLES + "/" + id;
        admin().get(path + "/revisions/" + revisionId(id, 4) + "/diff/" + revisionId(id, 5)).then().statusCode(200)
                .body("from.number", equalTo(4)).body("to.number", equalTo(5)).body("changes[0].field", equalTo("summary"));
        admin().post(path + "/revisions/" + revisionId(id, 4) + "/restore").then().statusCode(200);
        assertEquals(List.of(6, 5, 4), numbers(id));
        admin().get(path + "/revisions?page=2&limit=2").then().statusCode(200).body("items.number", equalTo(List.of(4)))
                .body("total", equalTo(3));
    }
}
