package org.bantin.media;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.webhook.Outbox;

/** What webhooks are told of the media library, in the transaction of the change. */
@ApplicationScoped
class MediaEvents {

    private final Outbox outbox;

    MediaEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** type is media.created, media.updated or media.deleted. */
    void emit(String type, Media media) {
        outbox.emit(type, "media:" + media.id, Map.of("id", media.id, "kind", media.kind.name().toLowerCase(Locale.ROOT),
                "fileName", media.fileName));
    }
}
