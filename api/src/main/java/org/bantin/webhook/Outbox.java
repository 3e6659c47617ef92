package org.bantin.webhook;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes what happened to the webhook outbox in the transaction of the change itself: the event is
 * sent if and only if the change commits, and never lost between the two.
 */
@ApplicationScoped
public class Outbox {

    /** The event, and a delivery to each enabled webhook subscribed to its type or to all of its kind. */
    private static final String EMIT = """
            WITH event AS (
                INSERT INTO webhook_events (type, ordering_key, data) VALUES (?1, ?2, cast(?3 AS jsonb)) RETURNING id)
            INSERT INTO webhook_deliveries (webhook_id, event_id, ordering_key)
            SELECT w.id, event.id, ?2 FROM webhooks w, event
            WHERE w.enabled AND (?1 = ANY (w.events) OR ?4 = ANY (w.events))
            ORDER BY w.id""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    Outbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Records an event of this type (e.g. `article.published`). Events of one ordering key (e.g. `article:42`) reach
     * each webhook in the order they were emitted.
     */
    @Transactional(TxType.MANDATORY)
    public void emit(String type, String orderingKey, Map<String, Object> data) {
        // The change is written first: a concurrent change of the same row waits for this transaction, so the
        // deliveries it emits are numbered after these.
        entityManager.flush();
        entityManager.createNativeQuery(EMIT).setParameter(1, type).setParameter(2, orderingKey)
                .setParameter(3, serialized(data)).setParameter(4, EventTypes.wildcard(type)).executeUpdate();
    }

    /** A ping for one webhook only, whatever its subscriptions; returns the id of its delivery. */
    @Transactional(TxType.MANDATORY)
    long ping(long webhookId) {
        UUID event = (UUID) entityManager.createNativeQuery("""
                INSERT INTO webhook_events (type, ordering_key, data) VALUES (?1, ?2, cast(?3 AS jsonb)) RETURNING id""")
                .setParameter(1, EventTypes.PING).setParameter(2, EventTypes.PING + ":" + webhookId)
                .setParameter(3, serialized(Map.of("webhookId", webhookId))).getSingleResult();
        return ((Number) entityManager.createNativeQuery("""
                INSERT INTO webhook_deliveries (webhook_id, event_id, ordering_key) VALUES (?1, ?2, ?3) RETURNING id""")
                .setParameter(1, webhookId).setParameter(2, event).setParameter(3, EventTypes.PING + ":" + webhookId)
                .getSingleResult()).longValue();
    }

    private String serialized(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
