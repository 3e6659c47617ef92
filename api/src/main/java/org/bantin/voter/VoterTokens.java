package org.bantin.voter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.bantin.secret.SharedSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Anonymous voter tokens: a random voter id and the time it was issued, with an HMAC-SHA256 of
 * both under a server key, so that any instance can check a token without storing it, a forged
 * or altered one fails, and an old one expires. The key is BANTIN_VOTER_SECRET, or else one made
 * once and kept in the database for all instances.
 */
@ApplicationScoped
@Startup
public class VoterTokens {

    /** The request header that carries a voter token, and how the contract describes it. */
    public static final String HEADER = "Voter-Token";
    public static final String HEADER_DESCRIPTION = "A token from POST /api/v1/voters.";

    static final int MIN_SECRET_LENGTH = 32;
    private static final int ID_BYTES = 16;
    private static final int PAYLOAD_BYTES = ID_BYTES + Long.BYTES;
    private static final int SIGNATURE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacKey key;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    VoterTokens(@ConfigProperty(name = "bantin.voter-secret") Optional<String> configured,
            @ConfigProperty(name = "bantin.voter-token.ttl") Duration ttl, SharedSecrets secrets) {
        this(new HmacKey(configured.map(VoterTokens::checkedSecret).orElseGet(() -> secrets.named("voter-token"))), ttl,
                Clock.systemUTC());
    }

    VoterTokens(HmacKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
    }

    private static byte[] checkedSecret(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("BANTIN_VOTER_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new voter's token. */
    String issue() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return issue(id);
    }

    /**
     * A fresh token for the voter of an earlier token of ours, expired or not, so that a reader
     * who comes back keeps their votes; a new voter's token when there is no such token.
     */
    String renew(String earlier) {
        return signed(earlier).map(payload -> issue(Arrays.copyOf(payload, ID_BYTES))).orElseGet(this::issue);
    }

    private String issue(byte[] id) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(id).putLong(clock.instant().getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The voter id of a token, or a 401 problem when the token is missing, malformed, not signed by us, or expired. */
    public byte[] voterOf(String token) {
        if (token == null) {
            throw unauthorized("Send the " + HEADER + " header with a token from POST /api/v1/voters.");
        }
        byte[] payload = signed(token)
                .orElseThrow(() -> unauthorized("The " + HEADER + " is not valid; get a new one from POST /api/v1/voters."));
        long issuedAt = ByteBuffer.wrap(payload, ID_BYTES, Long.BYTES).getLong();
        if (clock.instant().getEpochSecond() - issuedAt > ttl.toSeconds()) {
            throw unauthorized("The " + HEADER + " has expired; get a new one from POST /api/v1/voters, sending the old one.");
        }
        return Arrays.copyOf(payload, ID_BYTES);
    }

    /** The voter id of a token if there is a valid one; none when the header is absent. */
    public Optional<byte[]> optionalVoterOf(String token) {
        return token == null ? Optional.empty() : Optional.of(voterOf(token));
    }

    private static ProblemException unauthorized(String detail) {
        return ProblemException.unauthorized(HEADER, detail);
    }

    /** The signed payload (voter id, then issue time in epoch seconds) of a well-formed token signed by us. */
    private Optional<byte[]> signed(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(parts[0]);
            byte[] signature = DECODER.decode(parts[1]);
            boolean valid = payload.length == PAYLOAD_BYTES && MessageDigest.isEqual(signature, sign(payload));
            return valid ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        return Arrays.copyOf(key.sign(payload), SIGNATURE_BYTES);
    }
}
