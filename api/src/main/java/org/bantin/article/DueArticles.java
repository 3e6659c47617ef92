package org.bantin.article;

import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every second, on every instance, announces the articles whose publish time or expiry came (ArticleEvents.announceDue):
 * webhooks are told, and the row it changes notifies every instance (migration V17), which drops the cached responses
 * that may show the article: a scheduled article appears and an expired one goes at once, not when the lists that
 * would show it go stale, nor (for an article page, kept fresh while its ratings stand still) at max-age.
 */
@ApplicationScoped
class DueArticles {

    private static final Logger LOG = Logger.getLogger(DueArticles.class);
    private static final long PERIOD_MILLIS = 1000;

    private final ArticleEvents events;
    private ScheduledExecutorService checks;

    DueArticles(ArticleEvents events) {
        this.events = events;
    }

    void start(@Observes StartupEvent event) {
        checks = Periodic.start("bantin-due-articles", 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS, this::check);
    }

    void stop(@Observes ShutdownEvent event) {
        checks.shutdownNow();
    }

    private void check() {
        try {
            events.announceDue();
        } catch (SQLException | RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.warnf("Announcing the articles whose publish time or expiry came failed, tried again in 1 s: %s",
                    e.getMessage());
        }
    }
}
