package org.bantin.consultation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.junit.QuarkusTest;

/** Other instances hear of the changes readers see of consultations (migration V30's triggers), and only of those. */
@QuarkusTest
class ConsultationNotificationsTest extends ConsultationFixtures {

    @Test
    void publishingAndModerationTellOtherInstancesAndNewCommentsDoNot() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN bantin_content");
            PGConnection listener = connection.unwrap(PGConnection.class);
            long id = admin().body(consultation(draftDocument(), now().minusDays(1), now().plusDays(1)))
                    .post(ADMIN_CONSULTATIONS).then().statusCode(201).extract().jsonPath().getLong("id");
            assertFalse(heardOfConsultations(listener, 300), "drafts are nobody's view");

            admin().post(ADMIN_CONSULTATIONS + "/" + id + "/publish").then().statusCode(200);
            assertTrue(heardOfConsultations(listener, 5000), "a publication is heard");

            long comment = sent(id, comment("notified@example.vn"));
            assertFalse(heardOfConsultations(listener, 300), "a pending comment is nobody's view");
            admin().body(Map.of("answer", "Đã tiếp thu.")).post(comments(id) + "/" + comment + "/answer").then()
                    .statusCode(200);
            assertTrue(heardOfConsultations(listener, 5000), "an answered comment is heard");
            statement.execute("UNLISTEN bantin_content");
        }
    }

    private static boolean heardOfConsultations(PGConnection listener, int waitMillis) throws SQLException {
        PGNotification[] received = listener.getNotifications(waitMillis);
        return received != null && Arrays.stream(received).anyMatch(n -> n.getParameter().equals("consultations"));
    }
}
