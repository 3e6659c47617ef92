package org.bantin.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path tempDir;

    @Test
    void runsExtensionsAndKeepsDataAcrossRestarts() throws Exception {
        // Under root the server runs as nobody, which must be able to enter the (private by default) temp dir.
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = tempDir.resolve("data");

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
