package org.bantin.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Floods of comments from one address are refused; public reads come from the response cache, dropped on change. */
@QuarkusTest
@TestProfile(CommentFloodTest.SmallBurstAndCache.class)
class CommentFloodTest extends ConsultationFixtures {

    public static class SmallBurstAndCache implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bantin.rate-limit.submissions.burst", "3",
                    "bantin.rate-limit.submissions.refill", "1",
                    "bantin.rate-limit.submissions.refill-period", "1H",
                    "bantin.response-cache.enabled", "true",
                    "bantin.response-cache.ttl", "1H",
                    "bantin.response-cache.max-age", "2H");
        }
    }

    @Test
    void aFloodFromOneAddressIsRefusedWith429AndRetryAfter() {
        long id = open();
        for (int i = 0; i < 3; i++) {
            sent(id, comment("flood" + i + "@example.vn"));
        }
        send(id, comment("flood3@example.vn")).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        assertEquals(3, commentsOf(id));
    }

    @Test
    void aCachedConsultationIsDroppedWhenStaffChangeIt() {
        long id = open();
        String path = CONSULTATIONS + "/" + id;
        String first = api().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(first, api().get(path).then().statusCode(200).extract().header("ETag"));
        admin().contentType(MERGE_PATCH).body(Map.of("title", "Lấy ý kiến dự thảo đã sửa"))
                .patch(ADMIN_CONSULTATIONS + "/" + id).then().statusCode(200);
        api().get(path).then().statusCode(200).body("title", equalTo("Lấy ý kiến dự thảo đã sửa"));
        assertNotEquals(first, api().get(path).then().extract().header("ETag"));
    }
}
