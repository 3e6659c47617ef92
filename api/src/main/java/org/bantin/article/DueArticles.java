package org.bantin.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ResponseCache;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every second, finds the published articles whose publish time or expiry came since it last looked, and drops the
 * cached responses that may show them: a scheduled article appears and an expired one goes at once, not when the
 * lists that would show it go stale, nor (for an article page, kept fresh while its ratings stand still) at max-age.
 * No row changes when that time comes, so no instance hears of it from the database: each one looks for itself,
 * and only reads.
 */
@ApplicationScoped
class DueArticles {

    private static final Logger LOG = Logger.getLogger(DueArticles.class);
    private static final long PERIOD_MILLIS = 1000;
    /** Names the look in pg_stat_activity, for operators (and tests) who tell it from the readers' reads. */
    private static final String APPLICATION_NAME = "bantin-due-articles";
    /**
     * Both bounds from the database's clock, which decides what readers see (bantin_visible). Only times still ahead
     * when the article was last saved: a change that showed or hid it at once was dropped from the cache as it was
     * saved (ContentChanges), and dropping its entries again would only cost reads.
     */
    private static final String DUE = """
            SELECT a.slug, c.slug, a.tags FROM articles a JOIN categories c ON c.id = a.category_id
            WHERE a.status = 'PUBLISHED' AND (a.published_at > ? AND a.published_at <= ? AND a.published_at > a.updated_at
                                              OR a.unpublish_at > ? AND a.unpublish_at <= ? AND a.unpublish_at > a.updated_at)""";

    private final ResponseCache cache;
    private final DataSource dataSource;
    private ScheduledExecutorService checks;
    /** The end of the last window looked at; the first begins when this instance starts, with an empty cache. */
    private OffsetDateTime lookedUntil;

    DueArticles(ResponseCache cache, DataSource dataSource) {
        this.cache = cache;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        if (cache.enabled()) {
            lookedUntil = Timestamps.now();
            checks = Periodic.start("bantin-due-articles", PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS, this::check);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    private void check() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            OffsetDateTime now = databaseNow(connection);
            List<ContentChange.Shown> due = due(connection, lookedUntil, now);
            connection.commit();
            if (!due.isEmpty()) {
                cache.invalidate(ContentChange.of(due.toArray(ContentChange.Shown[]::new)));
            }
            lookedUntil = now; // only once dropped: a failed look is made again, over the longer window
        } catch (SQLException | RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.debugf("Looking for articles that appear or expire failed: %s", e.getMessage());
        }
    }

    /** The database's time, naming this transaction's session as the look (for the transaction only). */
    private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT now(), set_config('application_name', '" + APPLICATION_NAME + "', true)");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        }
    }

    /** The articles published or expired in (after, until]. */
    private static List<ContentChange.Shown> due(Connection connection, OffsetDateTime after, OffsetDateTime until)
            throws SQLException {
        List<ContentChange.Shown> due = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            statement.setObject(1, after);
            statement.setObject(2, until);
            statement.setObject(3, after);
            statement.setObject(4, until);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new ContentChange.Shown(rows.getString(1), rows.getString(2),
                            List.of((String[]) rows.getArray(3).getArray())));
                }
            }
        }
        return due;
    }
}
