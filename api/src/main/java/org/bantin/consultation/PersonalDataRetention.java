package org.bantin.consultation;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.Periodic;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Erases commenters' personal data once the retention period after a consultation's close has passed, as the privacy
 * notice states: every email and attached file, and the names of comments that were not published (published names
 * stay with what readers see). Hourly on every instance; the statements are idempotent, so instances may overlap.
 */
@ApplicationScoped
class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);
    private static final String EXPIRED = "consultation_id IN (SELECT id FROM consultations"
            + " WHERE closes_at < now() - CAST(?1 AS interval))";

    private final EntityManager entityManager;
    private final Duration retention;
    private ScheduledExecutorService executor;

    PersonalDataRetention(EntityManager entityManager, PrivacyNotice notice) {
        this.entityManager = entityManager;
        this.retention = notice.retention();
    }

    void start(@Observes StartupEvent event) {
        executor = Periodic.start("bantin-consultation-retention", 1, 60, TimeUnit.MINUTES, this::eraseSafely);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void eraseSafely() {
        try {
            erase();
        } catch (RuntimeException e) { // the next run tries again
            LOG.warnf("Erasing expired personal data of comments failed: %s", e.getMessage());
        }
    }

    /** Erases what is past its retention; returns the number of comments changed. */
    @Transactional
    int erase() {
        String interval = retention.toSeconds() + " seconds";
        entityManager.createNativeQuery("DELETE FROM consultation_comment_files WHERE comment_id IN (SELECT id FROM"
                + " consultation_comments WHERE " + EXPIRED + ")").setParameter(1, interval).executeUpdate();
        int erased = entityManager.createNativeQuery("UPDATE consultation_comments SET email = NULL,"
                + " name = CASE WHEN status IN ('approved', 'answered') THEN name END"
                + " WHERE " + EXPIRED + " AND (email IS NOT NULL OR (name IS NOT NULL AND status IN ('pending', 'rejected')))")
                .setParameter(1, interval).executeUpdate();
        if (erased > 0) {
            LOG.infof("Erased the personal data of %d comments past their retention", erased);
        }
        return erased;
    }
}
