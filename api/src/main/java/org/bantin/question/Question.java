package org.bantin.question;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A citizen's question (hỏi đáp), with the asker's contact until its retention ends, and the staff's answer. */
@Entity
@Table(name = "questions")
class Question extends PanacheEntityBase {

    /** The content type of questions in the tables shared by every content type (transitions). */
    static final String TYPE = "question";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String email;

    public String phone;

    public String topic;

    public String question;

    @Convert(converter = QuestionState.Column.class)
    public QuestionState state;

    public String unit;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "asked_at")
    public OffsetDateTime askedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "settled_at")
    public OffsetDateTime settledAt;

    @Column(name = "contact_erased_at")
    public OffsetDateTime contactErasedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
