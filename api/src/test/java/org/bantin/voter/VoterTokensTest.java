package org.bantin.voter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.junit.jupiter.api.Test;

/** Voter tokens expire, and an expired one can be renewed for the same voter. */
class VoterTokensTest {

    private static final HmacKey KEY = new HmacKey("a voter secret of thirty-two chars".getBytes(StandardCharsets.UTF_8));
    private static final Instant ISSUED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);

    private static VoterTokens at(Instant now) {
        return new VoterTokens(KEY, TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsGoodUntilItsTtlHasPassed() {
        String token = at(ISSUED).issue();
        byte[] voter = at(ISSUED.plus(TTL)).voterOf(token);
        assertEquals(16, voter.length);
        ProblemException expired = assertThrows(ProblemException.class,
                () -> at(ISSUED.plus(TTL).plusSeconds(1)).voterOf(token));
        assertEquals(401, expired.problem.status());
        assertTrue(expired.problem.detail().contains("expired"), expired.problem.detail());
    }

    @Test
    void aRenewedTokenKeepsTheVoter() {
        String token = at(ISSUED).issue();
        Instant later = ISSUED.plus(Duration.ofDays(30));
        String renewed = at(later).renew(token);
        assertArrayEquals(at(ISSUED).voterOf(token), at(later).voterOf(renewed));
    }

    @Test
    void aForgedOrAlteredTokenIsRenewedAsANewVoter() {
        String token = at(ISSUED).issue();
        // The signature's first character carries six whole bits (the last one's low bits are padding).
        int first = token.indexOf('.') + 1;
        String altered = token.substring(0, first) + (token.charAt(first) == 'A' ? 'B' : 'A') + token.substring(first + 1);
        assertThrows(ProblemException.class, () -> at(ISSUED).voterOf(altered));
        String renewed = at(ISSUED).renew(altered);
        assertFalse(Arrays.equals(at(ISSUED).voterOf(token), at(ISSUED).voterOf(renewed)));
        assertEquals(16, at(ISSUED).voterOf(at(ISSUED).renew("nonsense")).length);
    }

    @Test
    void aTokenInTheOldFormatWithoutItsIssueTimeIsRefused() {
        assertThrows(ProblemException.class, () -> at(ISSUED).voterOf("q3vYl0cX7tR2mN8pK4sW1g.4fJ9kL2mN7pQ1rS5tU8vWx"));
    }

    @Test
    void aConfiguredSecretShorterThan32CharactersStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new VoterTokens(Optional.of("too-short-secret"), TTL, null));
        assertEquals("BANTIN_VOTER_SECRET must be at least 32 characters", refused.getMessage());
    }
}
