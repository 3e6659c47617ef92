package org.bantin.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.http.ContentChange;
import org.bantin.http.ResponseCache;
import org.bantin.media.store.MediaFileCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drops this instance's cached public responses that a change by any instance touched: the
 * database notifies channel bantin_content on every committed change to articles or categories,
 * saying which published articles, categories and tags a change to articles touched (migration
 * V17), and only the table's name for other changes (V11), which drop everything. A deleted media
 * file (V18's 'media_files') or changed media (V19's 'media': a document's download name) also
 * drops the media files held in memory. PostgreSQL does not replay
 * notifications, so both are also dropped whenever listening stops or (re)starts.
 * One connection of its own, outside the pool, checked every few seconds: a connection that died
 * unnoticed would otherwise wait for notifications forever while changes went unheard.
 */
@ApplicationScoped
class ContentNotifications {

    /** How the listening connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "bantin-content-notifications";
    private static final Logger LOG = Logger.getLogger(ContentNotifications.class);
    private static final String CHANNEL = "bantin_content";
    /** Tables whose changes also drop the media files held in memory. */
    private static final Set<String> MEDIA_TABLES = Set.of("media_files", "media");
    /** Between liveness checks (SELECT 1), notifications are waited for. */
    private static final int CHECK_EVERY_MILLIS = 2_000;
    /** A query or connection attempt that takes longer has failed. */
    private static final String TIMEOUT_SECONDS = "5";
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long LAST_RETRY_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResponseCache cache;
    private final MediaFileCache files;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    ContentNotifications(ResponseCache cache, MediaFileCache files, @ConfigProperty(name = DatabaseSetup.URL) String url,
            @ConfigProperty(name = DatabaseSetup.USERNAME) Optional<String> username,
            @ConfigProperty(name = DatabaseSetup.PASSWORD) Optional<String> password) {
        this.cache = cache;
        this.files = files;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!cache.enabled() && !files.enabled()) {
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
        long retryMillis = FIRST_RETRY_MILLIS;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                dropAll(); // whatever changed while nobody listened
                retryMillis = FIRST_RETRY_MILLIS;
                receive(connection);
            } catch (SQLException e) {
                if (running) { // else the application has stopped, its caches with it
                    dropAll(); // changes from now until listening again go unheard
                    LOG.warnf("Not listening for content changes (%s); again in %d ms", DatabaseSetup.redacted(e.getMessage()),
                            retryMillis);
                    pause(retryMillis);
                    retryMillis = Math.min(2 * retryMillis, LAST_RETRY_MILLIS);
                }
            }
        }
    }

    /** Until the connection fails: drops what each notification touched, and checks the connection between them. */
    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        try (Statement liveness = connection.createStatement()) {
            while (running) {
                PGNotification[] received = notifications.getNotifications(CHECK_EVERY_MILLIS);
                if (received != null) {
                    for (PGNotification notification : received) {
                        cache.invalidate(changeOf(notification.getParameter()));
                        if (MEDIA_TABLES.contains(notification.getParameter())) {
                            files.evictAll();
                        }
                    }
                }
                liveness.execute("SELECT 1");
            }
        }
    }

    private void dropAll() {
        cache.invalidateAll();
        files.evictAll();
    }

    /** The change a notification describes; a bare table name, or anything unreadable, is everything. */
    private static ContentChange changeOf(String payload) {
        if (!payload.startsWith("{")) {
            return ContentChange.EVERYTHING;
        }
        try {
            return JSON.readValue(payload, ContentChange.class); // V17's {slugs, categories, tags}
        } catch (JsonProcessingException e) {
            LOG.warnf("Unreadable content notification, dropping every cached response: %s", e.getOriginalMessage());
            return ContentChange.EVERYTHING;
        }
    }

    /** Keepalives and timeouts, so that a dead connection or server ends in an error rather than a wait. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
        return DriverManager.getConnection(url, properties);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
