package org.bantin.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the webhook endpoints. */
final class WebhookRecords {

    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_EVENTS = 30;
    private static final String URL = "Where events are sent (POST): http or https. Hosts that resolve to loopback, link-local, "
            + "private, shared or unspecified addresses are refused unless the setting webhookPrivateTargets is true. "
            + "Redirects are not followed.";
    private static final String EVENTS = "The event types sent (see the schema `WebhookEvent` for what each means and "
            + "carries): article.published, article.updated, article.unpublished, article.deleted, category.created, "
            + "category.updated, category.deleted, survey.created, survey.updated, survey.opened, survey.closed, "
            + "survey.deleted, media.created, media.updated, media.deleted; or every type of a kind: article.*, "
            + "category.*, survey.*, media.*.";
    private static final String ENABLED = "Only enabled webhooks get new events; a disabled one's pending deliveries wait.";

    private WebhookRecords() {
    }

    @Schema(name = "WebhookInput")
    record WebhookInput(
            @Schema(description = URL, example = "https://tin.example.gov.vn/hooks/bantin", required = true) @NotBlank @Size(max = MAX_URL_LENGTH) String url,
            @Schema(description = EVENTS, example = "[\"article.*\"]", required = true) @NotEmpty @Size(max = MAX_EVENTS) List<@NotNull String> events,
            @Schema(description = ENABLED, example = "true", required = true) @NotNull Boolean enabled) {
    }

    @Schema(name = "WebhookPatch", description = "The fields to change; those left out stay as they are.")
    record WebhookPatch(
            @Schema(description = URL, example = "https://tin.example.gov.vn/hooks/bantin") @Size(max = MAX_URL_LENGTH) String url,
            @Schema(description = EVENTS, example = "[\"article.published\", \"article.deleted\"]") @Size(min = 1, max = MAX_EVENTS) List<@NotNull String> events,
            @Schema(description = ENABLED, example = "false") Boolean enabled) {
    }

    @Schema(name = "Webhook", description = "A webhook, without its secret.")
    record WebhookView(
            @Schema(example = "4", required = true) long id,
            @Schema(description = URL, example = "https://tin.example.gov.vn/hooks/bantin", required = true) String url,
            @Schema(description = EVENTS, example = "[\"article.*\"]", required = true) List<String> events,
            @Schema(description = ENABLED, example = "true", required = true) boolean enabled,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(example = "admin", required = true) String createdBy,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id, webhook.url, List.copyOf(webhook.events), webhook.enabled, webhook.createdAt,
                    webhook.createdBy, webhook.updatedAt);
        }
    }

    @Schema(name = "CreatedWebhook", description = "A new webhook; `secret` is shown this once and never again.")
    record CreatedWebhook(
            @Schema(example = "4", required = true) long id,
            @Schema(description = URL, example = "https://tin.example.gov.vn/hooks/bantin", required = true) String url,
            @Schema(description = EVENTS, example = "[\"article.*\"]", required = true) List<String> events,
            @Schema(description = ENABLED, example = "true", required = true) boolean enabled,
            @Schema(description = "Signs every request (see the webhook operations): `whsec_` and the base64 of 32 random bytes, "
                    + "which are the HMAC key.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", required = true) String secret,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(example = "admin", required = true) String createdBy,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime updatedAt) {

        static CreatedWebhook of(Webhook webhook) {
            return new CreatedWebhook(webhook.id, webhook.url, List.copyOf(webhook.events), webhook.enabled, webhook.secret,
                    webhook.createdAt, webhook.createdBy, webhook.updatedAt);
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event sent (or to be sent) to one webhook, and how its last attempt went.")
    record DeliveryView(
            @Schema(example = "120", required = true) long id,
            @Schema(description = "The event's id: the request's `webhook-id` and the body's `id`; a redelivery sends the same.", example = "0b9e3c4e-6f0a-4d8e-9a43-2f1f0c3b7d11", required = true) String eventId,
            @Schema(example = "article.published", required = true) String eventType,
            @Schema(description = "pending (not tried yet), failed (tried, to be retried at nextAttemptAt), succeeded (answered 2xx), "
                    + "given_up (failed too often; redeliver to try again).", example = "succeeded", required = true, enumeration = {
                            "pending", "failed", "succeeded", "given_up"}) String status,
            @Schema(description = "Attempts made so far.", example = "1", required = true) int attempts,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(description = "When it is tried next, while pending or failed.", example = "2024-12-05T04:00:02Z") OffsetDateTime nextAttemptAt,
            @Schema(example = "2024-12-05T04:00:01Z") OffsetDateTime lastAttemptAt,
            @Schema(description = "The receiver's status code at the last attempt; absent without an answer.", example = "200") Integer responseStatus,
            @Schema(description = "How long the last attempt took, in milliseconds.", example = "84") Integer durationMs,
            @Schema(description = "The first 2 KB of the receiver's last answer.", example = "ok") String responseBody,
            @Schema(description = "What went wrong at the last attempt.", example = "answered 500") String error){

        static DeliveryView of(WebhookDelivery delivery, String eventType) {
            return new DeliveryView(delivery.id, delivery.eventId.toString(), eventType, delivery.status, delivery.attempts,
                    delivery.createdAt, delivery.finished() ? null : delivery.nextAttemptAt, delivery.lastAttemptAt,
                    delivery.responseStatus, delivery.durationMs, delivery.responseBody, delivery.error);
        }
    }
}
