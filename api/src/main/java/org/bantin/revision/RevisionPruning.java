package org.bantin.revision;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.bantin.settings.SiteSettings;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A minute after start and then hourly, deletes the revisions older than the settings' revisionRetentionDays (see
 * {@link Revisions#prune}); nothing while that setting is null. Every instance runs it; the delete is idempotent.
 */
@ApplicationScoped
class RevisionPruning {

    private static final Logger LOG = Logger.getLogger(RevisionPruning.class);
    private static final long FIRST_RUN_SECONDS = 60;
    private static final long PERIOD_SECONDS = 3600;

    private final SiteSettings settings;
    private final Revisions revisions;
    private ScheduledExecutorService runs;

    RevisionPruning(SiteSettings settings, Revisions revisions) {
        this.settings = settings;
        this.revisions = revisions;
    }

    void start(@Observes StartupEvent event) {
        runs = Periodic.start("bantin-revision-pruning", FIRST_RUN_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS, this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }

    /** Prunes as the settings say now; answers how many revisions went. */
    int prune() {
        Integer retentionDays = settings.current().revisionRetentionDays();
        return retentionDays == null ? 0 : revisions.prune(retentionDays);
    }

    private void run() {
        try {
            int pruned = prune();
            if (pruned > 0) {
                LOG.infof("Pruned %d old revisions", pruned);
            }
        } catch (RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.warnf("Pruning old revisions failed: %s", e.getMessage());
        }
    }
}
