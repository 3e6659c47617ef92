package org.bantin.auth;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.auth.Authentication.Refusal;
import org.bantin.http.ProblemException;
import org.bantin.ratelimit.AddressGroups;
import org.bantin.ratelimit.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * Counts refused bearer tokens per client address in token buckets (Bucket4j, per instance). An
 * address that has used up its failures is refused with 429 before its token is even looked at,
 * the right one included, until the bucket refills: so guessing costs a refill period per guess.
 */
@ApplicationScoped
class FailedTokenThrottle {

    private static final Logger LOG = Logger.getLogger(FailedTokenThrottle.class);

    private final LoadingCache<String, Bucket> failures;
    private final AddressGroups groups;

    FailedTokenThrottle(@ConfigProperty(name = "bantin.auth.failures.burst") long burst,
            @ConfigProperty(name = "bantin.auth.failures.refill") long refill,
            @ConfigProperty(name = "bantin.auth.failures.refill-period") Duration period, AddressGroups groups) {
        this.failures = RateLimits.buckets(burst, refill, period);
        this.groups = groups;
    }

    /** Refuses, with 429, an address that has no failures left. */
    void checkNotThrottled(String address) {
        EstimationProbe probe = failures.get(groups.of(address)).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            LOG.warnf("Bearer token from %s not checked: throttled for %d s after repeated refused tokens", address,
                    retryAfter);
            throw ProblemException.tooManyRequests(retryAfter);
        }
    }

    /** Counts one refused token from this address. */
    void countFailure(String address, Refusal refusal) {
        ConsumptionProbe probe = failures.get(groups.of(address)).tryConsumeAndReturnRemaining(1);
        LOG.warnf("Bearer token from %s refused (%s); %d more refusals allowed", address,
                refusal.reason, probe.getRemainingTokens());
    }
}
