package org.bantin.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-client-address token buckets (Bucket4j) for what readers do without an account: getting a
 * voter token, and voting or rating. Buckets live in this instance; with N instances behind a
 * load balancer a client gets up to N times the rate, which the defaults leave room for.
 */
@ApplicationScoped
public class RateLimits {

    /** One kind of limited action. */
    public enum Action {
        ISSUE_VOTER_TOKEN, VOTE
    }

    private final boolean enabled;
    private final LoadingCache<String, Bucket> tokenBuckets;
    private final LoadingCache<String, Bucket> voteBuckets;

    RateLimits(@ConfigProperty(name = "bantin.rate-limit.enabled") boolean enabled,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.burst") long tokenBurst,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.per-second") long tokensPerSecond,
            @ConfigProperty(name = "bantin.rate-limit.votes.burst") long voteBurst,
            @ConfigProperty(name = "bantin.rate-limit.votes.per-second") long votesPerSecond) {
        this.enabled = enabled;
        this.tokenBuckets = buckets(tokenBurst, tokensPerSecond);
        this.voteBuckets = buckets(voteBurst, votesPerSecond);
    }

    private static LoadingCache<String, Bucket> buckets(long burst, long perSecond) {
        Bandwidth limit = Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
        // A bucket unused for this long is full again anyway, so forgetting it changes nothing.
        Duration idle = Duration.ofSeconds(Math.max(60, burst / Math.max(1, perSecond) + 1));
        return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(idle)
                .build(address -> Bucket.builder().addLimit(limit).build());
    }

    /** Takes one unit for this client, or refuses with a 429 problem that says when to retry. */
    public void take(Action action, String clientAddress) {
        if (!enabled) {
            return;
        }
        Bucket bucket = (action == Action.ISSUE_VOTER_TOKEN ? tokenBuckets : voteBuckets).get(clientAddress);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw ProblemException.tooManyRequests(retryAfter);
        }
    }
}
