package org.bantin.ratelimit;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bantin.http.ProblemException;
import org.bantin.secret.HmacKey;
import org.bantin.secret.SharedSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cap on ballots (survey votes, ratings) per client address, survey or article, and clock
 * hour, counted in PostgreSQL so that it holds across instances (table ballot_counts, function
 * count_ballot). The address is stored only as an HMAC under a server key, and only for the hour
 * it counts in (see ExpiredLimits).
 */
@ApplicationScoped
public class BallotCaps {

    /** The SQLSTATE that count_ballot raises when the cap is reached; the statement is rolled back whole. */
    private static final String CAP_REACHED = "BT429";

    private final boolean enabled;
    private final int perHour;
    private final AddressGroups groups;
    private final HmacKey addressKey;
    private final Clock clock;

    @Inject
    BallotCaps(@ConfigProperty(name = "bantin.rate-limit.enabled") boolean enabled,
            @ConfigProperty(name = "bantin.rate-limit.ballots-per-hour") int perHour, AddressGroups groups,
            SharedSecrets secrets) {
        this(enabled, perHour, groups, new HmacKey(secrets.named("client-address")), Clock.systemUTC());
    }

    BallotCaps(boolean enabled, int perHour, AddressGroups groups, HmacKey addressKey, Clock clock) {
        if (perHour < 1) {
            throw new IllegalStateException("BANTIN_RATE_LIMIT_BALLOTS_PER_HOUR must be at least 1");
        }
        this.enabled = enabled;
        this.perHour = perHour;
        this.groups = groups;
        this.addressKey = addressKey;
        this.clock = clock;
    }

    /**
     * What a ballot from this client passes to count_ballot: the keyed hash of its address group,
     * and the cap (null when limits are off: nothing is counted or stored).
     */
    public Cap of(String clientAddress) {
        return new Cap(addressKey.sign(groups.of(clientAddress).getBytes(StandardCharsets.UTF_8)), enabled ? perHour : null);
    }

    /** Throws the 429 to answer when this failure of a ballot's statement is the cap being reached. */
    public void refuseIfCapReached(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CAP_REACHED.equals(sql.getSQLState())) {
                Instant now = clock.instant();
                Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                throw ProblemException.tooManyRequests(Math.max(1, Duration.between(now, nextHour).toSeconds()));
            }
        }
    }

    /** One client's address hash and cap, as SQL parameters. */
    public record Cap(byte[] addressHash, Integer perHour) {

        /** No cap: for ballots that no client sent. */
        public static final Cap NONE = new Cap(new byte[0], null);
    }
}
