package org.bantin.voter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.http.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * Anonymous voter tokens: a random voter id and an HMAC-SHA256 of it under a server key, so
 * that any instance can check a token without storing it, and a forged or altered one fails.
 * The key is BANTIN_VOTER_SECRET, or else one made once and kept in the database for all instances.
 */
@ApplicationScoped
@Startup
public class VoterTokens {

    /** The request header that carries a voter token, and how the contract describes it. */
    public static final String HEADER = "Voter-Token";
    public static final String HEADER_DESCRIPTION = "A token from POST /api/v1/voters.";

    private static final int ID_BYTES = 16;
    private static final int SIGNATURE_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A Mac per thread: creating one per request costs more than the signature itself. */
    private final ThreadLocal<Mac> macs;

    VoterTokens(@ConfigProperty(name = "bantin.voter-secret") Optional<String> configured, EntityManager entityManager) {
        byte[] secret = configured.map(value -> value.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> sharedSecret(entityManager));
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new voter's token. */
    public String issue() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(sign(id));
    }

    /** The voter id of a token, or a 401 problem when the token is missing, malformed or not signed by us. */
    public byte[] voterOf(String token) {
        return verified(token).orElseThrow(() -> ProblemException.unauthorized(HEADER, token == null
                ? "Send the " + HEADER + " header with a token from POST /api/v1/voters."
                : "The " + HEADER + " is not valid; get a new one from POST /api/v1/voters."));
    }

    /** The voter id of a token if there is a valid one; none when the header is absent. */
    public Optional<byte[]> optionalVoterOf(String token) {
        return token == null ? Optional.empty() : Optional.of(voterOf(token));
    }

    private Optional<byte[]> verified(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] id = DECODER.decode(parts[0]);
            byte[] signature = DECODER.decode(parts[1]);
            boolean valid = id.length == ID_BYTES && MessageDigest.isEqual(signature, sign(id));
            return valid ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] id) {
        return Arrays.copyOf(macs.get().doFinal(id), SIGNATURE_BYTES);
    }

    /** The key kept in the database; the first instance to start creates it, the others read it. */
    private static byte[] sharedSecret(EntityManager entityManager) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager
                    .createNativeQuery("INSERT INTO secrets (name, value) VALUES ('voter-token', ?1) ON CONFLICT DO NOTHING")
                    .setParameter(1, candidate).executeUpdate();
            return (byte[]) entityManager.createNativeQuery("SELECT value FROM secrets WHERE name = 'voter-token'")
                    .getSingleResult();
        });
    }
}
