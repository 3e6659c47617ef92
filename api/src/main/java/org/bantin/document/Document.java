package org.bantin.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.bantin.content.ReviewStep;
import org.bantin.content.ReviewedContent;

/**
 * A legal document (văn bản): a draft, or published for readers, reviewed as every content is; its legal status is
 * derived, never stored.
 */
@Entity
@Table(name = "documents")
class Document extends ReviewedContent {

    /** The content type of documents in the tables shared by every content type. */
    static final String TYPE = "document";

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

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Override
    public boolean live() {
        return published;
    }

    /** The state editors see: of the document until it is published (its review state), then "published". */
    String state() {
        return published ? "published" : ReviewStep.wireName(review);
    }

    /** The state of the version editors work on: the pending one if there is one. */
    String workingState() {
        return pendingRevision != null ? ReviewStep.wireName(review) : state();
    }
}
