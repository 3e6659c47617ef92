package org.bantin.consultation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consultation on a draft document (lấy ý kiến dự thảo): open for comments from opensAt until closesAt. */
@Entity
@Table(name = "consultations")
class Consultation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String description;

    @Column(name = "document_id")
    public long documentId;

    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    public String summary;

    public boolean published;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    ConsultationStatus status(OffsetDateTime now) {
        return ConsultationStatus.at(opensAt, closesAt, now);
    }

    String state() {
        return published ? "published" : "draft";
    }
}
