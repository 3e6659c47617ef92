package org.bantin.voter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.bantin.support.Challenges;
import org.bantin.voter.VoterRecords.Challenge;
import org.bantin.voter.VoterRecords.Solution;
import org.junit.jupiter.api.Test;

/** What makes a solution good: this server's challenge, not expired, and the right number. */
class VoterChallengesTest {

    private static final HmacKey KEY = new HmacKey("challenge key".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);

    private static VoterChallenges at(Instant now, HmacKey key) {
        return new VoterChallenges(key, 1000, TTL, Clock.fixed(now, ZoneOffset.UTC), null);
    }

    private static Solution solved(Challenge challenge) {
        long number = ((Number) Challenges.solve(Map.of("challenge", challenge.challenge(), "salt", challenge.salt(),
                "maxnumber", challenge.maxnumber())).get("number")).longValue();
        return new Solution(challenge.algorithm(), challenge.challenge(), number, challenge.salt(), challenge.signature());
    }

    private static String refusedField(VoterChallenges challenges, Solution solution) {
        ProblemException refused = assertThrows(ProblemException.class, () -> challenges.check(solution));
        assertEquals(422, refused.problem.status());
        return refused.problem.errors().get(0).field();
    }

    @Test
    void aSolvedChallengeIsGoodUntilItExpires() {
        Challenge challenge = at(NOW, KEY).issue();
        assertTrue(challenge.salt().endsWith("?expires=" + NOW.plus(TTL).getEpochSecond()), challenge.salt());
        Solution solution = solved(challenge);
        assertEquals(NOW.plus(TTL), at(NOW.plus(TTL).minusSeconds(1), KEY).check(solution));
        assertEquals("salt", refusedField(at(NOW.plus(TTL), KEY), solution));
    }

    @Test
    void aWrongNumberIsRefused() {
        Solution solution = solved(at(NOW, KEY).issue());
        Solution wrong = new Solution(solution.algorithm(), solution.challenge(), solution.number() + 1, solution.salt(),
                solution.signature());
        assertEquals("number", refusedField(at(NOW, KEY), wrong));
    }

    @Test
    void aChallengeOfAnotherKeyOrWithALaterExpiryIsRefused() {
        Solution solution = solved(at(NOW, KEY).issue());
        assertEquals("signature", refusedField(at(NOW, new HmacKey(new byte[]{1, 2, 3})), solution));
        String laterSalt = solution.salt().replaceAll("expires=\\d+",
                "expires=" + NOW.plus(Duration.ofDays(1)).getEpochSecond());
        Solution later = new Solution(solution.algorithm(), solution.challenge(), solution.number(), laterSalt,
                solution.signature());
        assertEquals("number", refusedField(at(NOW, KEY), later));
    }

    @Test
    void anotherAlgorithmIsRefused() {
        Solution solution = solved(at(NOW, KEY).issue());
        assertEquals("algorithm", refusedField(at(NOW, KEY), new Solution("SHA-1", solution.challenge(), solution.number(),
                solution.salt(), solution.signature())));
    }
}
