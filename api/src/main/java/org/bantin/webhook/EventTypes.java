package org.bantin.webhook;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The events a webhook may subscribe to: a type such as `article.published`, or every type of a kind as `article.*`. */
final class EventTypes {

    static final String PING = "ping";

    /** Every type of content change sent; the contract's `WebhookEvent` lists them, with ping. */
    static final Set<String> CHANGES = Set.of("article.published", "article.updated", "article.unpublished",
            "article.deleted", "category.created", "category.updated", "category.deleted", "survey.created",
            "survey.updated", "survey.opened", "survey.closed", "survey.deleted", "media.created", "media.updated",
            "media.deleted", "document.published", "document.updated", "document.unpublished", "document.deleted",
            "consultation.published", "consultation.updated", "consultation.unpublished", "consultation.deleted");

    private static final Set<String> SUBSCRIBABLE = Stream
            .concat(CHANGES.stream(), CHANGES.stream().map(EventTypes::wildcard)).collect(Collectors.toUnmodifiableSet());

    private EventTypes() {
    }

    static boolean subscribable(String name) {
        return SUBSCRIBABLE.contains(name);
    }

    /** `article.*` for `article.published`: the subscription that takes every event of its kind. */
    static String wildcard(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot) + ".*";
    }
}
