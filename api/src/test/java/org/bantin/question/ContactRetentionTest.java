package org.bantin.question;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Once the retention after the answer (or the rejection) has passed, the asker's email and phone are erased. */
@QuarkusTest
class ContactRetentionTest extends QuestionFixtures {

    @Inject
    ContactRetention retention;

    @Test
    void theContactIsErasedOnceItsRetentionHasPassed() throws SQLException {
        long answered = published(question("Hỏi đã trả lời từ lâu " + marker()), "Đã trả lời.");
        long rejected = ask(question("Hỏi đã từ chối từ lâu " + marker()));
        step(ADMIN_TOKEN, rejected, "reject", Map.of("reason", "Không thuộc thẩm quyền."));
        long recent = published(question("Hỏi vừa trả lời " + marker()), "Vừa trả lời.");
        long waiting = ask(question("Hỏi chưa trả lời " + marker()));
        settledDaysAgo(answered, 366);
        settledDaysAgo(rejected, 366);
        settledDaysAgo(recent, 364);

        retention.eraseDue();

        for (long erased : new long[]{answered, rejected}) {
            admin().get(ADMIN_QUESTIONS + "/" + erased).then().statusCode(200).body("$", not(hasKey("email")))
                    .body("$", not(hasKey("phone"))).body("contactErasedAt", notNullValue())
                    .body("name", equalTo("Nguyễn V. A."));
        }
        for (long kept : new long[]{recent, waiting}) {
            admin().get(ADMIN_QUESTIONS + "/" + kept).then().body("email", equalTo("nguyenvanan@example.vn"))
                    .body("phone", equalTo("0912 345 678")).body("name", equalTo("Nguyễn Văn An"))
                    .body("$", not(hasKey("contactErasedAt")));
        }
        api().get(QUESTIONS + "/" + answered).then().statusCode(200).body("name", equalTo("Nguyễn V. A."));
        assertEquals(0, count("SELECT count(*) FROM questions WHERE id IN (" + answered + ", " + rejected
                + ") AND (email IS NOT NULL OR phone IS NOT NULL OR name <> 'Nguyễn V. A.')"));
        assertEquals(0, retention.eraseDue(), "erasing again finds nothing more");
    }

    private void settledDaysAgo(long id, int days) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE questions SET settled_at = now() - interval '" + days + " days' WHERE id = " + id);
        }
    }
}
