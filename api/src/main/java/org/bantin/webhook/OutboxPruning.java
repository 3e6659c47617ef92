package org.bantin.webhook;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.bantin.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A minute after start and then hourly, deletes the events older than the retention whose deliveries are all
 * finished, with their delivery log. Every instance runs it; the delete is idempotent.
 */
@ApplicationScoped
class OutboxPruning {

    private static final Logger LOG = Logger.getLogger(OutboxPruning.class);
    private static final long FIRST_RUN_SECONDS = 60;
    private static final long PERIOD_SECONDS = 3600;
    private static final String PRUNE = """
            DELETE FROM webhook_events e WHERE e.occurred_at < now() - cast(?1 AS interval)
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status IN ('pending', 'failed'))""";

    private final EntityManager entityManager;
    private final Duration retention;
    private ScheduledExecutorService runs;

    OutboxPruning(EntityManager entityManager, @ConfigProperty(name = "bantin.webhooks.retention") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    void start(@Observes StartupEvent event) {
        runs = Periodic.start("bantin-outbox-pruning", FIRST_RUN_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS, this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }

    /** Answers how many events went. */
    int prune() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(PRUNE)
                .setParameter(1, retention.toSeconds() + " seconds").executeUpdate());
    }

    private void run() {
        try {
            int pruned = prune();
            if (pruned > 0) {
                LOG.infof("Pruned %d old webhook events", pruned);
            }
        } catch (RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.warnf("Pruning old webhook events failed: %s", e.getMessage());
        }
    }
}
