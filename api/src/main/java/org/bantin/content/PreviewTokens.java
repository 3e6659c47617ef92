package org.bantin.content;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.database.Timestamps;
import org.bantin.media.Hashes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Preview links of every content type: an opaque token of 256 random bits that opens one content, read-only,
 * until it expires or the content's links are revoked. The token is looked up (by its SHA-256, the only form
 * stored) rather than signed, so that a revoked link stops at once. The content type shows what a link opens.
 */
@ApplicationScoped
public class PreviewTokens {

    /** Where links to articles are read; other types' are read under it, e.g. /api/v1/preview/documents/. */
    public static final String PATH = "/api/v1/preview/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Schema(name = "PreviewLink", description = "A read-only link to a content as it would be published.")
    public record PreviewLink(
            @Schema(description = "Give it to reviewers; it grants nothing else.", example = "pv_3q2f6Yk0bWm8v1X9cR4tN7sL5pA2dE6gH8jK0mQ3uZ1", required = true) String token,
            @Schema(description = "Where the content is read, on the API.", example = "/api/v1/preview/pv_3q2f6Yk0bWm8v1X9cR4tN7sL5pA2dE6gH8jK0mQ3uZ1", required = true) String url,
            @Schema(example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime expiresAt) {
    }

    private final EntityManager entityManager;
    private final Duration ttl;

    PreviewTokens(EntityManager entityManager, @ConfigProperty(name = "bantin.preview.ttl") Duration ttl) {
        this.entityManager = entityManager;
        this.ttl = ttl;
    }

    /**
     * A new link to the content, read at readAt followed by the token (the type's preview path, e.g. {@link #PATH});
     * the caller has checked that this caller may read it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PreviewLink issue(String type, long contentId, String readAt, Caller caller) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "pv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = Timestamps.now().plus(ttl);
        entityManager
                .createNativeQuery("INSERT INTO preview_links (content_type, content_id, token_hash, expires_at, created_by)"
                        + " VALUES (:type, :content, :hash, :expires, :by)")
                .setParameter("type", type).setParameter("content", contentId).setParameter("hash", hash(token))
                .setParameter("expires", expiresAt).setParameter("by", caller.name()).executeUpdate();
        return new PreviewLink(token, readAt + token, expiresAt);
    }

    /** Ends every link to the content at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(String type, long contentId) {
        entityManager.createNativeQuery("UPDATE preview_links SET revoked_at = now()"
                + " WHERE content_type = :type AND content_id = :content AND revoked_at IS NULL")
                .setParameter("type", type).setParameter("content", contentId).executeUpdate();
    }

    /** The content of this type that a live link opens; empty for an unknown, expired or revoked link. */
    public Optional<Long> opened(String type, String token) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("SELECT content_id FROM preview_links WHERE token_hash = :hash"
                + " AND content_type = :type AND revoked_at IS NULL AND expires_at > now()")
                .setParameter("hash", hash(token)).setParameter("type", type).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** Forgets the links of a deleted content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String type, long contentId) {
        entityManager.createNativeQuery("DELETE FROM preview_links WHERE content_type = :type AND content_id = :content")
                .setParameter("type", type).setParameter("content", contentId).executeUpdate();
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
