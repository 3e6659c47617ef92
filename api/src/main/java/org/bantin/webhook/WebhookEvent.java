package org.bantin.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something that happened, as the outbox recorded it in the transaction of the change (migration V27). */
@Entity
@Table(name = "webhook_events")
class WebhookEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String type;

    @Column(name = "ordering_key")
    public String orderingKey;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The event's JSON object, as written. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
}
