package org.bantin.category;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.webhook.Outbox;

/** What webhooks are told of categories, in the transaction of the change. */
@ApplicationScoped
class CategoryEvents {

    private final Outbox outbox;

    CategoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** type is category.created, category.updated or category.deleted; previousSlug is the slug before an update. */
    void emit(String type, Category category, String previousSlug) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", category.id);
        data.put("slug", category.slug);
        data.put("name", category.name);
        if (previousSlug != null && !previousSlug.equals(category.slug)) {
            data.put("previousSlug", previousSlug);
        }
        outbox.emit(type, "category:" + category.id, data);
    }
}
