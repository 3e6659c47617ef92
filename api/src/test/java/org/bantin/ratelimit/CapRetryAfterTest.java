package org.bantin.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.PersistenceException;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.junit.jupiter.api.Test;

/** A ballot past the cap is told to come back when the hour it counted in is over. */
class CapRetryAfterTest {

    private static BallotCaps at(String instant) {
        return new BallotCaps(true, 300, new AddressGroups(56), new HmacKey(new byte[]{1}),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void retryAfterIsTheRestOfTheHour() {
        PersistenceException capReached = new PersistenceException(new SQLException("ballot cap reached", "BT429"));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> at("2026-12-03T10:59:30Z").refuseIfCapReached(capReached));
        assertEquals(429, refused.problem.status());
        assertEquals("30", refused.headers.get("Retry-After"));
        refused = assertThrows(ProblemException.class, () -> at("2026-12-03T10:00:00Z").refuseIfCapReached(capReached));
        assertEquals("3600", refused.headers.get("Retry-After"));
    }

    @Test
    void otherFailuresAreLeftToTheCaller() {
        at("2026-12-03T10:00:00Z").refuseIfCapReached(new PersistenceException(new SQLException("fk", "23503")));
    }
}
