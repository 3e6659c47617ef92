package org.bantin.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path tempDir;

    Path dataDir;

    @BeforeEach
    void serverUserCanEnter() throws IOException {
        // Under root the server runs as nobody, which must be able to enter the (private by default) temp dir.
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dataDir = tempDir.resolve("data");
    }

    @Test
    void runsExtensionsAndKeepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            assertTrue(postgres.jdbcUrl().matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/bantin"), postgres.jdbcUrl());
            try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                assertEquals("Day manh cai cach", single(statement, "SELECT unaccent('Đẩy mạnh cải cách')"));
                assertEquals("true", single(statement, "SELECT (similarity('cải cách', 'cải cách hành chính') > 0.3)::text"));
                statement.execute("CREATE TABLE note (text TEXT)");
                statement.execute("INSERT INTO note VALUES ('Việt Nam')");
            }
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertEquals("Việt Nam", single(statement, "SELECT text FROM note"));
        }
    }

    @Test
    void loginsWithoutThePasswordAreRefused() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            for (String user : new String[]{"bantin", "bantin_app", "postgres"}) {
                assertThrows(SQLException.class, () -> DriverManager.getConnection(postgres.jdbcUrl(), user, "").close(), user);
                SQLException refused = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(postgres.jdbcUrl(), user, "wrong").close(), user);
                assertEquals("28P01", refused.getSQLState(), user + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void theApplicationsRoleIsNoSuperuserAndRunsNoPrograms() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertEquals("bantin_app", single(statement, "SELECT current_user"));
            assertEquals("false", single(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
            assertEquals("bantin_app",
                    single(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'bantin'"));
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("COPY (SELECT 1) TO PROGRAM 'touch " + tempDir.resolve("ran") + "'"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertFalse(Files.exists(tempDir.resolve("ran")));
            assertThrows(SQLException.class, () -> statement.execute("SELECT pg_read_file('postgresql.conf')"));
        }
    }

    @Test
    void passwordsLastAsLongAsTheDataAndOnlyTheirOwnerReadsThem() throws Exception {
        String password;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            password = postgres.password();
        }
        Path file = EmbeddedPostgres.passwordFile(dataDir);
        assertEquals(tempDir.resolve("data.passwords"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Properties stored = stored(file);
        assertEquals(password, stored.getProperty("application"));
        assertNotEquals(password, stored.getProperty("superuser"));
        assertTrue(password.length() >= 32, password);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            assertEquals(password, postgres.password());
            connect(postgres).close();
            DriverManager.getConnection(postgres.jdbcUrl(), "bantin", stored.getProperty("superuser")).close();
        }

        // A file others could read may have leaked: the passwords are replaced, and the new ones are the ones that work.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            assertNotEquals(password, postgres.password());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            connect(postgres).close();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(postgres.jdbcUrl(), "bantin_app", password));
        }
    }

    /** Data dirs made by earlier versions: every login trusted, the schema the superuser's, no passwords file. */
    @Test
    void aDataDirThatTrustedEveryLoginIsSecuredAndKeepsItsData() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
                Connection superuser = superuser(postgres, "bantin");
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE TABLE note (id bigint GENERATED ALWAYS AS IDENTITY, text TEXT)");
            statement.execute("INSERT INTO note (text) VALUES ('Việt Nam')");
            statement.execute("CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql RETURN upper($1)");
            statement.execute("REASSIGN OWNED BY bantin_app TO bantin");
            try (Connection other = superuser(postgres, "postgres"); Statement inOther = other.createStatement()) {
                inOther.execute("DROP OWNED BY bantin_app");
                inOther.execute("DROP ROLE bantin_app");
            }
        }
        Files.writeString(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        Files.delete(EmbeddedPostgres.passwordFile(dataDir));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(postgres.jdbcUrl(), "bantin", "").close());
            assertEquals("false", single(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
            statement.execute("INSERT INTO note (text) VALUES ('Hà Nội')");
            assertEquals("Việt Nam, Hà Nội", single(statement, "SELECT string_agg(text, ', ' ORDER BY id) FROM note"));
            assertEquals("HUE", single(statement, "SELECT shout('hue')"));
            statement.execute("DROP TABLE note");
        }
    }

    private Connection superuser(EmbeddedPostgres postgres, String database) throws IOException, SQLException {
        String url = postgres.jdbcUrl().replaceFirst("/bantin$", "/" + database);
        return DriverManager.getConnection(url, "bantin",
                stored(EmbeddedPostgres.passwordFile(dataDir)).getProperty("superuser"));
    }

    private static Properties stored(Path file) throws IOException {
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            stored.load(in);
        }
        return stored;
    }

    private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }
}
