package org.bantin.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.Problem.FieldError;
import org.bantin.http.ProblemException;
import org.bantin.webhook.WebhookRecords.CreatedWebhook;
import org.bantin.webhook.WebhookRecords.DeliveryView;
import org.bantin.webhook.WebhookRecords.WebhookInput;
import org.bantin.webhook.WebhookRecords.WebhookPatch;
import org.bantin.webhook.WebhookRecords.WebhookView;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/** Owns the webhooks: their targets and subscriptions, and their delivery logs. */
@ApplicationScoped
class WebhookService {

    private final WebhookTargets targets;
    private final Outbox outbox;
    private final DeliveryWorker worker;

    WebhookService(WebhookTargets targets, Outbox outbox, DeliveryWorker worker) {
        this.targets = targets;
        this.outbox = outbox;
        this.worker = worker;
    }

    @Transactional
    CreatedWebhook create(WebhookInput input, Caller caller) {
        requireValid(input.url(), input.events());
        OffsetDateTime now = Timestamps.now();
        Webhook webhook = new Webhook();
        webhook.url = input.url();
        webhook.events = distinct(input.events());
        webhook.enabled = input.enabled();
        webhook.secret = Signatures.newSecret();
        webhook.createdAt = now;
        webhook.createdBy = caller.name();
        webhook.updatedAt = now;
        webhook.persist();
        return CreatedWebhook.of(webhook);
    }

    List<WebhookView> list() {
        return Webhook.<Webhook>listAll(Sort.ascending("id")).stream().map(WebhookView::of).toList();
    }

    WebhookView get(long id) {
        return WebhookView.of(find(id));
    }

    @Transactional
    WebhookView patch(long id, WebhookPatch patch) {
        Webhook webhook = find(id);
        String url = patch.url() != null ? patch.url() : webhook.url;
        List<String> events = patch.events() != null ? patch.events() : webhook.events;
        requireValid(url, events);
        webhook.url = url;
        webhook.events = distinct(events);
        if (patch.enabled() != null) {
            webhook.enabled = patch.enabled();
        }
        webhook.updatedAt = Timestamps.now();
        return WebhookView.of(webhook);
    }

    /** The webhook goes with its delivery log; deliveries not yet made are dropped. */
    @Transactional
    void delete(long id) {
        find(id).delete();
    }

    /** Newest first. */
    Page<DeliveryView> deliveries(long webhookId, PageRequest page) {
        find(webhookId);
        var query = WebhookDelivery.<WebhookDelivery>find("webhookId", Sort.descending("id"), webhookId);
        List<WebhookDelivery> deliveries = query.page(page.page() - 1, page.limit()).list();
        Map<UUID, String> types = eventTypes(deliveries);
        return page.of(deliveries.stream().map(delivery -> DeliveryView.of(delivery, types.get(delivery.eventId))).toList(),
                query.count());
    }

    /** Sends a finished delivery's event again, as a new delivery (the same event id, for receivers to recognise). */
    @Transactional
    DeliveryView redeliver(long webhookId, long deliveryId) {
        WebhookDelivery original = findDelivery(webhookId, deliveryId);
        if (!original.finished()) {
            throw ProblemException.conflict("Delivery " + deliveryId + " is " + original.status
                    + ": it is tried again by itself; redeliver it once it has succeeded or been given up.");
        }
        WebhookDelivery again = new WebhookDelivery();
        again.webhookId = webhookId;
        again.eventId = original.eventId;
        again.orderingKey = original.orderingKey;
        again.status = WebhookDelivery.PENDING;
        again.createdAt = Timestamps.now();
        again.nextAttemptAt = again.createdAt;
        again.persist();
        return DeliveryView.of(again, WebhookEvent.<WebhookEvent>findById(original.eventId).type);
    }

    /** Sends a ping event to the webhook at once, through the same path as every event; returns how it went. */
    DeliveryView ping(long webhookId) {
        long deliveryId = QuarkusTransaction.requiringNew().call(() -> {
            if (!find(webhookId).enabled) {
                throw ProblemException.conflict("Webhook " + webhookId + " is disabled; enable it to ping it.");
            }
            return outbox.ping(webhookId);
        });
        worker.deliverNow(deliveryId);
        return QuarkusTransaction.requiringNew()
                .call(() -> DeliveryView.of(WebhookDelivery.findById(deliveryId), EventTypes.PING));
    }

    private void requireValid(String url, List<String> events) {
        List<FieldError> errors = new ArrayList<>();
        String refusal = targets.refusal(url);
        if (refusal != null) {
            errors.add(new FieldError("url", refusal));
        }
        List<String> unknown = events.stream().filter(event -> !EventTypes.subscribable(event)).toList();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("events", "unknown event types: "
                    + unknown.stream().map(event -> "'" + event + "'").collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(422, errors);
        }
    }

    private static List<String> distinct(List<String> events) {
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private static Map<UUID, String> eventTypes(List<WebhookDelivery> deliveries) {
        List<UUID> ids = deliveries.stream().map(delivery -> delivery.eventId).distinct().toList();
        return ids.isEmpty()
                ? Map.of()
                : WebhookEvent.<WebhookEvent>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(event -> event.id, event -> event.type));
    }

    private static Webhook find(long id) {
        return Webhook.<Webhook>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No webhook with id " + id + "."));
    }

    private static WebhookDelivery findDelivery(long webhookId, long deliveryId) {
        return WebhookDelivery.<WebhookDelivery>find("id = ?1 and webhookId = ?2", deliveryId, webhookId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Webhook " + webhookId + " has no delivery " + deliveryId + "."));
    }
}
