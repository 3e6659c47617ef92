package org.bantin.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.bantin.http.ResponseCache;
import org.bantin.media.store.MediaFileCache;
import org.bantin.support.SilentProxy;
import org.bantin.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The listening connection, on its own against a real PostgreSQL, behind a proxy that can fall silent. */
class ContentNotificationsTest {

    private static final String LISTENER = "SELECT max(pid) FROM pg_stat_activity WHERE application_name = '"
            + ContentNotifications.APPLICATION_NAME + "' AND query IN ('LISTEN bantin_content', 'SELECT 1') AND pid <> ?";

    @Test
    void aConnectionThatFallsSilentIsNoticedAndListeningResumes() throws Exception {
        TestDatabase database = new TestDatabase();
        Map<String, String> settings = database.start();
        String url = setting(settings, DatabaseSetup.URL);
        String username = setting(settings, DatabaseSetup.USERNAME);
        String password = setting(settings, DatabaseSetup.PASSWORD);
        URI server = URI.create(url.substring("jdbc:".length()));
        ContentNotifications notifications = null;
        try (SilentProxy proxy = new SilentProxy(server.getHost(), server.getPort());
                Connection direct = DriverManager.getConnection(url, username, password)) {
            String proxied = url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            notifications = new ContentNotifications(cache(), files(), proxied, Optional.ofNullable(username),
                    Optional.ofNullable(password));
            notifications.start(null);
            long first = awaitListener(direct, 0);
            proxy.silenceOpenConnections();
            awaitListener(direct, first);
        } finally {
            if (notifications != null) {
                notifications.stop(null);
            }
            database.stop();
        }
    }

    /** The pid of a listening connection other than `other`, within 20 s. */
    private static long awaitListener(Connection direct, long other) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (PreparedStatement query = direct.prepareStatement(LISTENER)) {
            query.setLong(1, other);
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    long pid = result.getLong(1);
                    if (pid != 0) {
                        return pid;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "a listening connection other than " + other + " within 20 s");
                Thread.sleep(50);
            }
        }
    }

    private static String setting(Map<String, String> settings, String key) {
        return settings.getOrDefault(key, System.getenv(key.toUpperCase().replace('.', '_')));
    }

    private static MediaFileCache files() throws ReflectiveOperationException {
        Constructor<MediaFileCache> constructor = MediaFileCache.class.getDeclaredConstructor(long.class);
        constructor.setAccessible(true);
        return constructor.newInstance(1 << 20);
    }

    private static ResponseCache cache() throws ReflectiveOperationException {
        Constructor<ResponseCache> constructor = ResponseCache.class.getDeclaredConstructor(boolean.class, Duration.class,
                Duration.class, long.class);
        constructor.setAccessible(true);
        return constructor.newInstance(true, Duration.ofSeconds(3), Duration.ofSeconds(60), 1 << 20);
    }
}
