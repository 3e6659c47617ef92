package org.bantin.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Picks the database before the application starts. With QUARKUS_DATASOURCE_JDBC_URL set, that
 * server is checked once so that a wrong address or password ends start-up with one clear line;
 * without it, an embedded PostgreSQL is started and the datasource pointed at it.
 */
public final class DatabaseSetup {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    private static final String DEFAULT_EMBEDDED_DIR = ".bantin/postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    // Read without the lock by stop(), which may run while prepare() holds it: System.exit waits for the shutdown hooks.
    private static volatile EmbeddedPostgres embedded;

    private DatabaseSetup() {
    }

    public static synchronized void prepare() {
        Optional<String> url = setting(URL);
        if (url.isPresent()) {
            checkConnection(url.get(), setting(USERNAME).orElse(null), setting(PASSWORD).orElse(null));
        } else if (embedded == null) {
            Path dir = Path.of(Optional.ofNullable(System.getenv("BANTIN_EMBEDDED_DB_DIR")).orElse(DEFAULT_EMBEDDED_DIR));
            embedded = EmbeddedPostgres.start(dir.toAbsolutePath());
            System.setProperty(URL, embedded.jdbcUrl());
            System.setProperty(USERNAME, embedded.username());
            System.setProperty(PASSWORD, embedded.password());
        }
    }

    /** Stops the embedded PostgreSQL, if one was started; within seconds, even when it is stuck or its directory gone. */
    public static void stop() {
        EmbeddedPostgres started = embedded;
        if (started != null) {
            started.close();
        }
    }

    /** The URL fit for a log: the value of any password parameter, and a password in user info, hidden. */
    static String redacted(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)([?&;][^=&;]*password=)[^&;]*", "$1***")
                .replaceAll("(//[^/@:?#]*:)[^/@?#]*@", "$1***@");
    }

    /** A system property, else its environment variable (quarkus.datasource.jdbc.url -> QUARKUS_DATASOURCE_JDBC_URL). */
    private static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static void checkConnection(String url, String username, String password) {
        DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url, username, password)) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            System.err.println("Bantin cannot use the database at " + redacted(url) + " as user " + username + ": "
                    + redacted(firstLine(e.getMessage())));
            System.exit(1);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
