package org.bantin.question;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.bantin.Periodic;
import org.bantin.database.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Once an hour, erases the contact of askers whose question was answered or rejected longer ago than
 * bantin.questions.contact-retention (Decree 13/2023/NĐ-CP: kept no longer than its purpose needs): email and phone
 * go, and the name is kept only as readers see it. Every instance runs it; erasing is idempotent.
 */
@ApplicationScoped
class ContactRetention {

    private static final Logger LOG = Logger.getLogger(ContactRetention.class);
    private static final long PERIOD_MINUTES = 60;

    private final Duration retention;
    private ScheduledExecutorService runs;

    ContactRetention(@ConfigProperty(name = "bantin.questions.contact-retention") Duration retention) {
        this.retention = retention;
    }

    Duration retention() {
        return retention;
    }

    void start(@Observes StartupEvent event) {
        runs = Periodic.start("bantin-question-contacts", 0, PERIOD_MINUTES, TimeUnit.MINUTES, this::eraseDue);
    }

    void stop(@Observes ShutdownEvent event) {
        runs.shutdownNow();
    }

    /** Erases the contacts whose retention has passed, and answers how many. */
    int eraseDue() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = Timestamps.now();
                List<Question> due = Question.<Question>find("contactErasedAt is null and settledAt < ?1",
                        now.minus(retention)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
                for (Question question : due) {
                    question.email = null;
                    question.phone = null;
                    question.name = PublicNames.of(question.name);
                    question.contactErasedAt = now;
                }
                return due.size();
            });
        } catch (RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.errorf("Erasing the contacts of askers failed; tried again in %d minutes: %s", PERIOD_MINUTES,
                    e.getMessage());
            return 0;
        }
    }
}
