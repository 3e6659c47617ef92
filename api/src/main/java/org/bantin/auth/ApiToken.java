package org.bantin.auth;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An editor API token; only the SHA-256 hash of its secret is stored. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** The token with this hash, revoked and expired ones included, so that a refusal can say why. */
    public static Optional<ApiToken> findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** Whether a named token with the admin role works at this moment. */
    public static boolean anActiveAdminExists(OffsetDateTime now) {
        return count("role = ?1 and revokedAt is null and expiresAt > ?2", Role.ADMIN, now) > 0;
    }
}
