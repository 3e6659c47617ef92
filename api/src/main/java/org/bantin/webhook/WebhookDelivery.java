package org.bantin.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event for one webhook, and how its last attempt went (migration V27). */
@Entity
@Table(name = "webhook_deliveries")
class WebhookDelivery extends PanacheEntityBase {

    static final String PENDING = "pending";
    static final String FAILED = "failed";
    static final String SUCCEEDED = "succeeded";
    static final String GIVEN_UP = "given_up";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id")
    public long webhookId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "ordering_key")
    public String orderingKey;

    public String status;

    public int attempts;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "duration_ms")
    public Integer durationMs;

    @Column(name = "response_body")
    public String responseBody;

    public String error;

    boolean finished() {
        return status.equals(SUCCEEDED) || status.equals(GIVEN_UP);
    }
}
