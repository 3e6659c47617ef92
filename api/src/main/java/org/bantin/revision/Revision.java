package org.bantin.revision;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** A saved state of one content of any type; written only by {@link Revisions#record}, never changed but for its published mark. */
@Entity
@Table(name = "revisions")
class Revision extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "content_id")
    public long contentId;

    public int number;

    /** The content's fields as JSON, as its type gave them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "token_id")
    public Long tokenId;

    static PanacheQuery<Revision> ofContent(String type, long contentId) {
        return find("contentType = ?1 and contentId = ?2", Sort.descending("number"), type, contentId);
    }

    static Optional<Revision> ofContent(String type, long contentId, long id) {
        return find("id = ?1 and contentType = ?2 and contentId = ?3", id, type, contentId).firstResultOptional();
    }
}
