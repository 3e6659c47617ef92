package org.bantin.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.junit.QuarkusTest;

/** Other instances hear of the changes readers see of documents (migration V29's triggers), and only of those. */
@QuarkusTest
class DocumentNotificationsTest extends DocumentFixtures {

    @Test
    void publishingTellsOtherInstancesAndDraftsDoNot() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN bantin_content");
            PGConnection listener = connection.unwrap(PGConnection.class);
            long id = create(document("30/2024/QĐ-UBND", "Dự thảo"));
            admin().body(document("30/2024/QĐ-UBND", "Dự thảo sửa")).put(ADMIN_DOCUMENTS + "/" + id).then().statusCode(200);
            assertFalse(heardOfDocuments(listener, 300), "drafts are nobody's view");

            admin().post(ADMIN_DOCUMENTS + "/" + id + "/publish").then().statusCode(200);
            assertTrue(heardOfDocuments(listener, 5000), "a publication is heard");
            statement.execute("UNLISTEN bantin_content");
        }
    }

    private static boolean heardOfDocuments(PGConnection listener, int waitMillis) throws SQLException {
        PGNotification[] received = listener.getNotifications(waitMillis);
        return received != null && Arrays.stream(received).anyMatch(n -> n.getParameter().equals("documents"));
    }
}
