package org.bantin.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bantin.Periodic;
import org.bantin.database.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the due deliveries, one after the other, on every instance. Each is claimed with its row locked (FOR UPDATE
 * SKIP LOCKED) until its attempt is recorded, so that however many instances run, one sends it; a delivery waits
 * while an earlier one of the same webhook and ordering key is unfinished. A failed attempt is retried after the
 * first retry delay, doubled each time up to the longest, and given up after the most attempts.
 */
@ApplicationScoped
class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private static final String UNFINISHED = "('pending', 'failed')";
    private static final String CLAIM = """
            SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.status IN %1$s AND w.enabled AND %2$s
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries earlier WHERE earlier.webhook_id = d.webhook_id
                AND earlier.ordering_key = d.ordering_key AND earlier.id < d.id AND earlier.status IN %1$s)
            ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d %3$s""";
    private static final String CLAIM_DUE = CLAIM.formatted(UNFINISHED, "d.next_attempt_at <= now()", "SKIP LOCKED");
    /** One delivery, due or not, waited for if another worker holds it. */
    private static final String CLAIM_ONE = CLAIM.formatted(UNFINISHED, "d.id = ?", "");

    private final DataSource dataSource;
    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final ObjectMapper json;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final int maxAttempts;
    private final Duration pollInterval;
    private ScheduledExecutorService worker;

    DeliveryWorker(DataSource dataSource, WebhookSender sender, WebhookTargets targets, ObjectMapper json,
            @ConfigProperty(name = "bantin.webhooks.first-retry") Duration firstRetry,
            @ConfigProperty(name = "bantin.webhooks.longest-retry") Duration longestRetry,
            @ConfigProperty(name = "bantin.webhooks.max-attempts") int maxAttempts,
            @ConfigProperty(name = "bantin.webhooks.poll-interval") Duration pollInterval) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.targets = targets;
        this.json = json;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.maxAttempts = maxAttempts;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent event) {
        worker = Periodic.start("bantin-webhook-deliveries", pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS, this::deliverAllDue);
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void deliverAllDue() {
        try {
            boolean sent;
            do {
                sent = deliverNextDue();
            } while (sent && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // Caught whole: a task that throws is never run again by its executor.
            LOG.warnf("Sending webhooks failed, tried again in %s: %s", pollInterval, e.getMessage());
        }
    }

    /** Makes an attempt at the next due delivery; false when none is due (or all are being sent elsewhere). */
    boolean deliverNextDue() {
        return QuarkusTransaction.requiringNew().call(() -> attempt(claim(CLAIM_DUE, null)));
    }

    /** Makes an attempt at this delivery now, unless it is finished or waits for an earlier one. */
    void deliverNow(long deliveryId) {
        QuarkusTransaction.requiringNew().call(() -> attempt(claim(CLAIM_ONE, deliveryId)));
    }

    /**
     * The id of the delivery claimed, locked until the transaction ends; null if none. Plain JDBC on the
     * transaction's connection: polling while nothing is due costs one statement, and no ORM session.
     */
    private Long claim(String sql, Long deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (deliveryId != null) {
                statement.setLong(1, deliveryId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Sends the claimed delivery, if any, and records how it went; its row stays locked until then. */
    private boolean attempt(Long claimed) {
        if (claimed == null) {
            return false;
        }
        WebhookDelivery delivery = WebhookDelivery.findById(claimed);
        Webhook webhook = Webhook.findById(delivery.webhookId);
        WebhookEvent event = WebhookEvent.findById(delivery.eventId);
        OffsetDateTime now = Timestamps.now();
        String refusal = targets.refusal(webhook.url);
        WebhookSender.Outcome outcome = refusal != null
                ? new WebhookSender.Outcome(null, 0, null, "not sent: the url " + refusal)
                : sender.send(webhook.url, webhook.secret, event.id.toString(), now.toEpochSecond(), body(event));
        delivery.attempts++;
        delivery.status = outcome.succeeded()
                ? WebhookDelivery.SUCCEEDED
                : delivery.attempts >= maxAttempts ? WebhookDelivery.GIVEN_UP : WebhookDelivery.FAILED;
        delivery.lastAttemptAt = now;
        delivery.nextAttemptAt = outcome.succeeded() ? now : now.plus(retryDelay(delivery.attempts));
        delivery.responseStatus = outcome.status();
        delivery.durationMs = outcome.durationMs();
        delivery.responseBody = outcome.body();
        delivery.error = outcome.error();
        return true;
    }

    /** After the nth failed attempt: the first retry delay doubled n - 1 times, at most the longest. */
    Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int n = 1; n < attempts && delay.compareTo(longestRetry) < 0; n++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestRetry) < 0 ? delay : longestRetry;
    }

    /** What a receiver gets: `{id, type, occurredAt, data}`. */
    private String body(WebhookEvent event) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("id", event.id.toString());
            body.put("type", event.type);
            body.put("occurredAt", event.occurredAt.toInstant().toString());
            body.set("data", json.readTree(event.data));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
