package org.bantin.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The Java mirror of a consultation's status agrees with bantin_consultation_status, at and around both edges. */
@QuarkusTest
class ConsultationStatusTest extends ConsultationFixtures {

    @Test
    void javaAndSqlAgreeAtEveryEdge() throws SQLException {
        OffsetDateTime opens = OffsetDateTime.of(2024, 6, 1, 1, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime closes = opens.plusDays(30);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement status = connection.prepareStatement("SELECT bantin_consultation_status(?, ?, ?)")) {
            for (OffsetDateTime at : new OffsetDateTime[]{opens.minusNanos(1000), opens, opens.plusDays(1),
                    closes.minusNanos(1000), closes, closes.plusDays(1)}) {
                status.setObject(1, opens);
                status.setObject(2, closes);
                status.setObject(3, at);
                try (ResultSet result = status.executeQuery()) {
                    result.next();
                    assertEquals(ConsultationStatus.at(opens, closes, at).wireName(), result.getString(1), at.toString());
                }
            }
        }
    }
}
