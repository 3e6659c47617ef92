package org.bantin.voter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.bantin.secret.SharedSecrets;
import org.bantin.voter.VoterRecords.Challenge;
import org.bantin.voter.VoterRecords.Solution;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proof of work before a voter token, in the form ALTCHA uses: the client finds the number n
 * (0 to maxnumber) with SHA-256(salt + n) = challenge. The salt carries its expiry and the
 * challenge an HMAC under a server key, so any instance can check a solution without having
 * stored the challenge; a solution is used once (table spent_voter_challenges).
 */
@ApplicationScoped
public class VoterChallenges {

    static final String ALGORITHM = "SHA-256";
    private static final String EXPIRES = "?expires=";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final HmacKey key;
    private final int maxNumber;
    private final Duration ttl;
    private final Clock clock;
    private final EntityManager entityManager;

    @Inject
    VoterChallenges(SharedSecrets secrets, @ConfigProperty(name = "bantin.voter-challenge.max-number") int maxNumber,
            @ConfigProperty(name = "bantin.voter-challenge.ttl") Duration ttl, EntityManager entityManager) {
        this(new HmacKey(secrets.named("voter-challenge")), maxNumber, ttl, Clock.systemUTC(), entityManager);
    }

    VoterChallenges(HmacKey key, int maxNumber, Duration ttl, Clock clock, EntityManager entityManager) {
        if (maxNumber < 1) {
            throw new IllegalStateException("BANTIN_VOTER_CHALLENGE_MAX_NUMBER must be at least 1");
        }
        this.key = key;
        this.maxNumber = maxNumber;
        this.ttl = ttl;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    Challenge issue() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String salt = HEX.formatHex(random) + EXPIRES + clock.instant().plus(ttl).getEpochSecond();
        String challenge = sha256(salt + RANDOM.nextInt(maxNumber + 1));
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, signature(challenge));
    }

    /** Checks a solution and marks its challenge used, or refuses it with a problem; a refused one changes nothing. */
    @Transactional
    void redeem(Solution solution) {
        Instant expires = check(solution);
        int spent = entityManager
                .createNativeQuery(
                        "INSERT INTO spent_voter_challenges (challenge, expires_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, HEX.parseHex(solution.challenge())).setParameter(2, expires.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (spent == 0) {
            throw ProblemException
                    .conflict("This challenge has already been used; get a new one from POST /api/v1/voters/challenges.");
        }
    }

    /** The expiry of a challenge that this solution solves, or a 422 problem naming what is wrong. */
    Instant check(Solution solution) {
        if (!ALGORITHM.equals(solution.algorithm())) {
            throw ProblemException.invalidField(422, "algorithm", "must be " + ALGORITHM);
        }
        if (!MessageDigest.isEqual(HEX.parseHex(solution.signature()), HEX.parseHex(signature(solution.challenge())))) {
            throw ProblemException.invalidField(422, "signature", "was not issued by this server");
        }
        Instant expires = expiryOf(solution.salt());
        if (!clock.instant().isBefore(expires)) {
            throw ProblemException.invalidField(422, "salt",
                    "the challenge has expired; get a new one from POST /api/v1/voters/challenges");
        }
        if (!sha256(solution.salt() + solution.number()).equals(solution.challenge())) {
            throw ProblemException.invalidField(422, "number", "does not solve the challenge");
        }
        return expires;
    }

    /** The expiry a salt carries; the signature covers it, through the challenge that hashes it. */
    private static Instant expiryOf(String salt) {
        int at = salt.lastIndexOf(EXPIRES);
        try {
            if (at < 0) {
                throw new NumberFormatException("no expiry");
            }
            return Instant.ofEpochSecond(Long.parseLong(salt.substring(at + EXPIRES.length())));
        } catch (NumberFormatException | DateTimeException e) {
            throw ProblemException.invalidField(422, "salt", "is not a salt of this server");
        }
    }

    private String signature(String challenge) {
        return HEX.formatHex(key.sign(challenge.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(ALGORITHM).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
