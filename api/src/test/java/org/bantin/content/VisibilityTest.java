package org.bantin.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL rule (bantin_visible) and its Java mirror agree on every kind of case, at one instant: the
 * database's now() of one transaction. A null from SQL counts as not visible, as it does in a WHERE.
 */
@QuarkusTest
class VisibilityTest extends ApiTest {

    private record Case(String status, OffsetDateTime publishedAt, OffsetDateTime unpublishAt) {
    }

    @Test
    void theSqlFunctionAndTheJavaMirrorAgree() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            OffsetDateTime now = databaseNow(connection);
            List<OffsetDateTime> times = Arrays.asList(null, now.minusDays(1), now.minusSeconds(1), now, now.plusSeconds(1),
                    now.plusDays(1));
            List<Case> cases = new ArrayList<>();
            for (String status : List.of("DRAFT", "PUBLISHED")) {
                for (OffsetDateTime publishedAt : times) {
                    for (OffsetDateTime unpublishAt : times) {
                        cases.add(new Case(status, publishedAt, unpublishAt));
                    }
                }
            }
            for (Case c : cases) {
                assertEquals(inSql(connection, c), Visibility.visible("PUBLISHED".equals(c.status()), c.publishedAt(),
                        c.unpublishAt(), now), c.toString());
            }
            // The rule itself, so that the two cannot agree on a wrong one.
            assertTrue(inSql(connection, new Case("PUBLISHED", now.minusDays(1), null)), "due, no expiry");
            assertTrue(inSql(connection, new Case("PUBLISHED", now, now.plusSeconds(1))), "published just now, expiring soon");
            assertFalse(inSql(connection, new Case("PUBLISHED", now.minusDays(1), now)), "expiring exactly now");
            assertFalse(inSql(connection, new Case("PUBLISHED", now.minusDays(1), now.minusSeconds(1))), "expired");
            assertFalse(inSql(connection, new Case("PUBLISHED", now.plusSeconds(1), null)), "scheduled");
            assertFalse(inSql(connection, new Case("DRAFT", now.minusDays(1), null)), "draft");
            assertFalse(inSql(connection, new Case("PUBLISHED", null, null)), "no publish time");
            connection.rollback();
        }
    }

    /** The plan shows no call: the planner inlined the function, so that partial indexes on status still apply. */
    @Test
    void theFunctionIsInlinedIntoQueries() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection
                        .prepareStatement("EXPLAIN SELECT id FROM articles a WHERE " + Visibility.sql("a"));
                ResultSet plan = explain.executeQuery()) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            assertFalse(text.toString().contains("bantin_visible"), text.toString());
        }
    }

    private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT now()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    private static boolean inSql(Connection connection, Case c) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT bantin_visible(?, ?, ?) IS TRUE")) {
            statement.setString(1, c.status());
            statement.setObject(2, c.publishedAt());
            statement.setObject(3, c.unpublishAt());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
