package org.bantin.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.http.ResponseCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drops this instance's cached public responses when any instance changes content: the
 * database notifies channel bantin_content on every committed change to articles or categories
 * (migration V11). PostgreSQL does not replay notifications, so the cache is also dropped
 * whenever listening (re)starts. One connection of its own, outside the pool.
 */
@ApplicationScoped
class ContentNotifications {

    private static final Logger LOG = Logger.getLogger(ContentNotifications.class);
    private static final String CHANNEL = "bantin_content";
    private static final int WAIT_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 1_000;

    private final ResponseCache cache;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    ContentNotifications(ResponseCache cache, @ConfigProperty(name = DatabaseSetup.URL) String url,
            @ConfigProperty(name = DatabaseSetup.USERNAME) Optional<String> username,
            @ConfigProperty(name = DatabaseSetup.PASSWORD) Optional<String> password) {
        this.cache = cache;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "bantin-content-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.invalidateAll(); // whatever changed while nobody listened
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        cache.invalidateAll();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Not listening for content changes (%s); again in %d ms", e.getMessage(), RETRY_MILLIS);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
