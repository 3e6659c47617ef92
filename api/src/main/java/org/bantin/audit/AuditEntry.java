package org.bantin.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** One line of the audit log; the database refuses to change or delete it once written. */
@Entity
@Table(name = "audit_log")
class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public OffsetDateTime at;

    @Column(name = "actor_token_id")
    public Long actorTokenId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_id")
    public Long objectId;

    public String action;

    @Column(name = "changed_fields")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> changedFields;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "http_method")
    public String httpMethod;

    public String path;

    public int status;

    /** The entries that pass the filter, newest first. */
    static PanacheQuery<AuditEntry> matching(AuditFilter filter) {
        return find(filter.condition(), Sort.descending("at", "id"), filter.parameters());
    }
}
