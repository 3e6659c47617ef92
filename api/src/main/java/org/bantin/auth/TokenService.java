package org.bantin.auth;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.auth.TokenRecords.IssuedToken;
import org.bantin.auth.TokenRecords.TokenInput;
import org.bantin.auth.TokenRecords.TokenView;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.panache.common.Sort;

/** Issues, lists, revokes and checks editor API tokens. */
@ApplicationScoped
public class TokenService {

    /** The name recorded for changes made with the token from BANTIN_ADMIN_TOKEN. */
    static final String ENVIRONMENT_ADMIN = "admin";

    private static final int MIN_ENVIRONMENT_TOKEN_LENGTH = 16;

    private final Optional<byte[]> environmentTokenHash;

    TokenService(@ConfigProperty(name = "bantin.admin-token") Optional<String> environmentToken) {
        environmentToken.filter(token -> token.length() < MIN_ENVIRONMENT_TOKEN_LENGTH).ifPresent(token -> {
            throw new IllegalStateException(
                    "BANTIN_ADMIN_TOKEN must be at least " + MIN_ENVIRONMENT_TOKEN_LENGTH + " characters");
        });
        this.environmentTokenHash = environmentToken.map(TokenSecrets::hash);
    }

    /** The caller a bearer secret stands for, if any. */
    public Optional<Caller> authenticate(String secret) {
        byte[] hash = TokenSecrets.hash(secret);
        if (environmentTokenHash.isPresent() && MessageDigest.isEqual(environmentTokenHash.get(), hash)) {
            return Optional.of(new Caller(null, ENVIRONMENT_ADMIN, Role.ADMIN));
        }
        return ApiToken.findActiveByHash(hash).map(token -> new Caller(token.id, token.name, token.role));
    }

    @Transactional
    IssuedToken issue(TokenInput input, Caller issuer) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken();
        token.name = input.name().strip();
        token.role = input.role();
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdAt = Timestamps.now();
        token.createdBy = issuer.name();
        token.persist();
        return new IssuedToken(token.id, token.name, token.role, secret, token.createdAt, token.createdBy);
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
