package org.bantin.rating;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.bantin.http.ResponseCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Twice per cache ttl, reads in one statement a fingerprint of the ratings of every article the
 * response cache holds, so that the cache reads anew only the articles whose ratings moved (see
 * ResponseCache.ratingsChecked) instead of every popular article once per ttl. Should a check
 * fail, cached articles are read anew once per ttl as other responses are.
 */
@ApplicationScoped
class CachedRatingsCheck {

    private static final Logger LOG = Logger.getLogger(CachedRatingsCheck.class);
    /**
     * The fingerprint is the sum of the transaction ids that last wrote the article's rating
     * shards (xmin): every rating rewrites a shard in a newer transaction, so the sum moves with
     * each one; clearing the ratings removes the shards.
     */
    private static final String FINGERPRINTS = """
            SELECT a.slug, coalesce(sum(t.xmin::text::bigint), 0) FROM articles a
            LEFT JOIN rating_totals t ON t.article_id = a.id WHERE a.slug = ANY (?) GROUP BY a.slug""";

    private final ResponseCache cache;
    private final DataSource dataSource;
    private final Duration period;
    private ScheduledExecutorService checks;

    CachedRatingsCheck(ResponseCache cache, DataSource dataSource,
            @ConfigProperty(name = "bantin.response-cache.ttl") Duration ttl) {
        this.cache = cache;
        this.dataSource = dataSource;
        this.period = ttl.dividedBy(2);
    }

    void start(@Observes StartupEvent event) {
        if (cache.enabled()) {
            checks = Periodic.start("bantin-cached-ratings-check", period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS,
                    this::check);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    private void check() {
        Set<String> slugs = cache.articleSlugs();
        try {
            cache.ratingsChecked(slugs.isEmpty() ? Map.of() : fingerprints(slugs));
        } catch (SQLException | RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.debugf("Checking the ratings of cached articles failed: %s", e.getMessage());
        }
    }

    private Map<String, Long> fingerprints(Set<String> slugs) throws SQLException {
        Map<String, Long> fingerprints = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FINGERPRINTS)) {
            Array slugArray = connection.createArrayOf("varchar", slugs.toArray());
            statement.setArray(1, slugArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fingerprints.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return fingerprints;
    }
}
