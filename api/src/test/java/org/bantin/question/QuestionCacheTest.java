package org.bantin.question;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the public response cache on, as in production: readers see a publication or unpublication at once. */
@QuarkusTest
@TestProfile(QuestionCacheTest.CacheOn.class)
class QuestionCacheTest extends QuestionFixtures {

    public static class CacheOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bantin.response-cache.enabled", "true");
        }
    }

    @Test
    void publishingAndUnpublishingAreServedAtOnce() {
        String word = marker();
        long first = published(question("Hỏi về hộp thư công vụ " + word), "Đăng ký tại Văn phòng Sở.");
        String etag = api().queryParam("q", word).get(QUESTIONS).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", etag).queryParam("q", word).get(QUESTIONS).then().statusCode(304);
        api().get(QUESTIONS + "/" + first).then().statusCode(200);

        long second = published(question("Hỏi về chứng thư số " + word), "Liên hệ Trung tâm Công nghệ thông tin.");
        assertEquals(List.of(second, first), api().queryParam("q", word).get(QUESTIONS).then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class));

        step(ADMIN_TOKEN, first, "unpublish", null);
        api().get(QUESTIONS + "/" + first).then().statusCode(404);
        api().queryParam("q", word).get(QUESTIONS).then().body("total", equalTo(1));
    }

    @Test
    void otherInstancesHearOfWhatReadersSeeOnly() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN bantin_content");
            PGConnection listener = connection.unwrap(PGConnection.class);
            long id = ask(question("Hỏi về cước viễn thông " + marker()));
            step(ADMIN_TOKEN, id, "assign", Map.of("unit", "Phòng Bưu chính, Viễn thông"));
            step(ADMIN_TOKEN, id, "answer", Map.of("answer", "Theo bảng giá của doanh nghiệp."));
            assertFalse(heardOfQuestions(listener, 300), "questions not published are nobody's view");

            step(ADMIN_TOKEN, id, "publish", null);
            assertTrue(heardOfQuestions(listener, 5000), "a publication is heard");
            statement.execute("UNLISTEN bantin_content");
        }
    }

    private static boolean heardOfQuestions(PGConnection listener, int waitMillis) throws SQLException {
        PGNotification[] received = listener.getNotifications(waitMillis);
        return received != null && Arrays.stream(received).anyMatch(n -> n.getParameter().equals("questions"));
    }
}
