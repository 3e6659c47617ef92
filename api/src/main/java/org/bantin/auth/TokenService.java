package org.bantin.auth;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.Authentication.Refusal;
import org.bantin.auth.TokenRecords.IssuedToken;
import org.bantin.auth.TokenRecords.TokenInput;
import org.bantin.auth.TokenRecords.TokenView;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.panache.common.Sort;

/**
 * Issues, lists, revokes and checks editor API tokens. Secrets are compared by their SHA-256
 * hashes: in constant time for BANTIN_ADMIN_TOKEN, and by an index lookup for issued tokens,
 * whose timing can tell at most something about a hash, never about a secret.
 */
@ApplicationScoped
public class TokenService {

    /** The name recorded for changes made with the token from BANTIN_ADMIN_TOKEN. */
    static final String ENVIRONMENT_ADMIN = "admin";

    private static final int MIN_ENVIRONMENT_TOKEN_LENGTH = 16;

    private final Optional<byte[]> environmentTokenHash;
    private final boolean environmentTokenBootstrapOnly;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;

    TokenService(@ConfigProperty(name = "bantin.admin-token") Optional<String> environmentToken,
            @ConfigProperty(name = "bantin.admin-token.bootstrap-only") boolean environmentTokenBootstrapOnly,
            @ConfigProperty(name = "bantin.auth.token-lifetime.default") Duration defaultLifetime,
            @ConfigProperty(name = "bantin.auth.token-lifetime.max") Duration maxLifetime) {
        environmentToken.filter(token -> token.length() < MIN_ENVIRONMENT_TOKEN_LENGTH).ifPresent(token -> {
            throw new IllegalStateException(
                    "BANTIN_ADMIN_TOKEN must be at least " + MIN_ENVIRONMENT_TOKEN_LENGTH + " characters");
        });
        if (defaultLifetime.isNegative() || defaultLifetime.isZero() || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalStateException(
                    "BANTIN_AUTH_TOKEN_LIFETIME_DEFAULT must be positive and at most BANTIN_AUTH_TOKEN_LIFETIME_MAX");
        }
        this.environmentTokenHash = environmentToken.map(TokenSecrets::hash);
        this.environmentTokenBootstrapOnly = environmentTokenBootstrapOnly;
        this.defaultLifetime = defaultLifetime;
        this.maxLifetime = maxLifetime;
    }

    /** The caller a bearer secret stands for, or why it is refused. */
    Authentication authenticate(String secret) {
        byte[] hash = TokenSecrets.hash(secret);
        OffsetDateTime now = Timestamps.now();
        if (environmentTokenHash.isPresent() && MessageDigest.isEqual(environmentTokenHash.get(), hash)) {
            return environmentTokenBootstrapOnly && ApiToken.anActiveAdminExists(now)
                    ? Authentication.refused(Refusal.BOOTSTRAP_OVER)
                    : Authentication.accepted(new Caller(null, ENVIRONMENT_ADMIN, Role.ADMIN));
        }
        return ApiToken.findByHash(hash).map(token -> {
            if (token.revokedAt != null) {
                return Authentication.refused(Refusal.REVOKED);
            }
            if (!token.expiresAt.isAfter(now)) {
                return Authentication.refused(Refusal.EXPIRED);
            }
            return Authentication.accepted(new Caller(token.id, token.name, token.role));
        }).orElse(Authentication.refused(Refusal.UNKNOWN));
    }

    @Transactional
    IssuedToken issue(TokenInput input, Caller issuer) {
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime expiresAt = expiry(input.expiresAt(), now);
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken();
        token.name = input.name().strip();
        token.role = input.role();
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdAt = now;
        token.createdBy = issuer.name();
        token.expiresAt = expiresAt;
        token.persist();
        return new IssuedToken(token.id, token.name, token.role, secret, token.createdAt, token.createdBy,
                token.expiresAt);
    }

    /** The requested expiry, which must lie within the longest lifetime, or the default one. */
    private OffsetDateTime expiry(OffsetDateTime requested, OffsetDateTime now) {
        if (requested == null) {
            return now.plus(defaultLifetime);
        }
        if (!requested.isAfter(now)) {
            throw ProblemException.invalidField(422, "expiresAt", "must be in the future");
        }
        if (requested.isAfter(now.plus(maxLifetime))) {
            throw ProblemException.invalidField(422, "expiresAt",
                    "must be at most " + maxLifetime.toDays() + " days from now");
        }
        return requested.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    List<TokenView> list() {
        return ApiToken.<ApiToken>listAll(Sort.by("id")).stream().map(TokenView::of).toList();
    }

    /** Revokes a token; revoking it again changes nothing. */
    @Transactional
    TokenView revoke(long id) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No token with id " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = Timestamps.now();
        }
        return TokenView.of(token);
    }
}
