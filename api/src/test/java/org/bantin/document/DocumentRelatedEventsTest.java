package org.bantin.document;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A document whose status another one changes (it is replaced, or no longer) is heard of as changed: its cached public
 * responses drop and webhooks get document.updated for it.
 */
@QuarkusTest
class DocumentRelatedEventsTest extends DocumentFixtures {

    private long updates(long id) {
        return count("SELECT count(*) FROM webhook_events WHERE type = 'document.updated' AND ordering_key = 'document:"
                + id + "'");
    }

    private void statusIs(String slug, String status) {
        api().get(DOCUMENTS + "/" + slug).then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void publishingUnpublishingAndDeletingAReplacementAreHeardForTheReplacedDocument() {
        long old = createPublished(document("60/2019/QĐ-UBND", "Quy chế cũ về tiếp công dân"));
        String slug = slugOf(old);
        statusIs(slug, "in_force"); // now in the public cache
        Map<String, Object> input = document("61/2024/QĐ-UBND", "Quy chế mới về tiếp công dân");
        input.put("replaces", List.of(old));
        long replacing = create(input);
        assertEquals(0, updates(old), "a draft changes no reader's view");

        admin().post(ADMIN_DOCUMENTS + "/" + replacing + "/publish").then().statusCode(200);
        statusIs(slug, "replaced");
        assertEquals(1, updates(old));
        assertEquals(List.of("60/2019/QĐ-UBND"), numbersFound(Map.of("status", "replaced")));

        admin().post(ADMIN_DOCUMENTS + "/" + replacing + "/unpublish").then().statusCode(200);
        statusIs(slug, "in_force");
        assertEquals(2, updates(old));

        admin().post(ADMIN_DOCUMENTS + "/" + replacing + "/publish").then().statusCode(200);
        statusIs(slug, "replaced");
        admin().delete(ADMIN_DOCUMENTS + "/" + replacing).then().statusCode(204);
        statusIs(slug, "in_force");
        assertEquals(4, updates(old));
        assertEquals(0, updates(replacing), "the replacing document sent its own published, unpublished and deleted");
    }

    @Test
    void aReplacementInAPendingVersionIsHeardOnceItIsPublished() {
        long old = createPublished(document("62/2019/QĐ-UBND", "Kế hoạch cũ"));
        long unrelated = createPublished(document("63/2019/QĐ-UBND", "Kế hoạch khác"));
        long replacing = createPublished(document("64/2024/QĐ-UBND", "Kế hoạch mới"));
        statusIs(slugOf(old), "in_force");

        Map<String, Object> pending = document("64/2024/QĐ-UBND", "Kế hoạch mới");
        pending.put("replaces", List.of(old));
        pending.put("amends", List.of(unrelated));
        admin().body(pending).put(ADMIN_DOCUMENTS + "/" + replacing).then().statusCode(200)
                .body("replaces[0].id", equalTo((int) old));
        statusIs(slugOf(old), "in_force");
        assertEquals(0, updates(old));

        admin().post(ADMIN_DOCUMENTS + "/" + replacing + "/publish").then().statusCode(200);
        statusIs(slugOf(old), "replaced");
        assertEquals(1, updates(old));
        assertEquals(0, updates(unrelated), "an amended document keeps its status");
        assertEquals(1, updates(replacing));
    }
}
