package org.bantin.consultation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reader's comment on a consultation; name and email are erased after the retention period (see V30). */
@Entity
@Table(name = "consultation_comments")
class ConsultationComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consultation_id")
    public long consultationId;

    public String name;

    public String email;

    public String organisation;

    public String comment;

    public String status;

    public String reason;

    public String answer;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderated_at")
    public OffsetDateTime moderatedAt;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
