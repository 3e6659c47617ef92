package org.bantin.audit;

import java.util.Map;
import java.util.Set;

/**
 * What an admin write does, named from its method and path template: the object type is the
 * first segment after /api/v1/admin in the singular, the action follows REST usage (POST on the
 * list: create; PUT or PATCH on an item: update; DELETE: delete; POST on item/verb: verb), except
 * where the table below names it.
 */
final class AdminActions {

    static final String ADMIN_PATH = "/api/v1/admin/";

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("articles", "article"),
            Map.entry("categories", "category"), Map.entry("surveys", "survey"), Map.entry("media", "media"),
            Map.entry("tokens", "token"), Map.entry("settings", "settings"), Map.entry("webhooks", "webhook"),
            Map.entry("documents", "document"), Map.entry("document-types", "document-type"),
            Map.entry("questions", "question"), Map.entry("consultations", "consultation"));

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("POST /api/v1/admin/media", "upload"),
            Map.entry("DELETE /api/v1/admin/tokens/{id}", "revoke"),
            Map.entry("DELETE /api/v1/admin/articles/{id}/ratings", "clear-ratings"),
            Map.entry("DELETE /api/v1/admin/articles/{id}/preview", "revoke-previews"),
            Map.entry("POST /api/v1/admin/articles/{id}/revisions/{revisionId}/restore", "restore"),
            Map.entry("DELETE /api/v1/admin/documents/{id}/preview", "revoke-previews"),
            Map.entry("POST /api/v1/admin/documents/{id}/revisions/{revisionId}/restore", "restore"),
            Map.entry("POST /api/v1/admin/surveys/{id}/options", "add-option"),
            Map.entry("PUT /api/v1/admin/surveys/{id}/options/order", "reorder-options"),
            Map.entry("PUT /api/v1/admin/surveys/{id}/options/{optionId}", "update-option"),
            Map.entry("DELETE /api/v1/admin/surveys/{id}/options/{optionId}", "remove-option"),
            Map.entry("PATCH /api/v1/admin/settings", "update"),
            Map.entry("POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver", "redeliver"),
            Map.entry("POST /api/v1/admin/consultations/{id}/comments/{commentId}/approve", "approve-comment"),
            Map.entry("POST /api/v1/admin/consultations/{id}/comments/{commentId}/reject", "reject-comment"),
            Map.entry("POST /api/v1/admin/consultations/{id}/comments/{commentId}/answer", "answer-comment"));

    /** Every object type an entry can name. */
    static final Set<String> OBJECT_TYPES = Set.copyOf(TYPES.values());

    private AdminActions() {
    }

    /** The object type and action of a write to this template, e.g. `/api/v1/admin/articles/{id}/publish`. */
    static Action of(String method, String template) {
        String[] segments = template.substring(ADMIN_PATH.length()).split("/");
        String objectType = TYPES.getOrDefault(segments[0], segments[0]);
        String named = NAMED.get(method + " " + template);
        if (named != null) {
            return new Action(objectType, named);
        }
        if (segments.length == 1 && method.equals("POST")) {
            return new Action(objectType, "create");
        }
        if (segments.length == 2 && (method.equals("PUT") || method.equals("PATCH"))) {
            return new Action(objectType, "update");
        }
        if (segments.length == 2 && method.equals("DELETE")) {
            return new Action(objectType, "delete");
        }
        if (segments.length == 3 && method.equals("POST") && !segments[2].startsWith("{")) {
            return new Action(objectType, segments[2]);
        }
        // A write none of the rules names: recorded all the same, by its method and path.
        return new Action(objectType, method.toLowerCase() + " " + template.substring(ADMIN_PATH.length()));
    }

    record Action(String objectType, String name) {
    }
}
