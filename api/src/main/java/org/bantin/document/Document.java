package org.bantin.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A legal document (văn bản): a draft, or published for readers; its legal status is derived, never stored. */
@Entity
@Table(name = "documents")
class Document extends PanacheEntityBase {

    /** The content type of documents in the tables shared by every content type (transitions). */
    static final String TYPE = "document";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String number;

    public String type;

    public String issuer;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_position")
    public String signerPosition;

    public String field;

    @Column(name = "issued_at")
    public LocalDate issuedAt;

    @Column(name = "effective_at")
    public LocalDate effectiveAt;

    @Column(name = "expires_at")
    public LocalDate expiresAt;

    public String summary;

    public boolean published;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "owner_token_id")
    public Long ownerTokenId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    String state() {
        return published ? "published" : "draft";
    }
}
