package org.bantin.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Once a minute, deletes what the limits no longer need: ballot counts of past hours (with their
 * address hashes) and spent voter challenges past their expiry. Every instance runs it; the
 * deletes are idempotent.
 */
@ApplicationScoped
class ExpiredLimits {

    private static final Logger LOG = Logger.getLogger(ExpiredLimits.class);
    private static final long PERIOD_SECONDS = 60;

    private final DataSource dataSource;
    private ScheduledExecutorService runs;

    ExpiredLimits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        runs = Periodic.start("bantin-expired-limits", 0, PERIOD_SECONDS, TimeUnit.SECONDS, this::deleteExpired);
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }

    /** Deletes expired rows, and answers how many went. */
    int deleteExpired() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM ballot_counts WHERE hour < date_trunc('hour', now(), 'UTC')")
                    + statement.executeUpdate("DELETE FROM spent_voter_challenges WHERE expires_at < now()");
        } catch (SQLException | RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.debugf("Deleting expired limits failed: %s", e.getMessage());
            return 0;
        }
    }
}
