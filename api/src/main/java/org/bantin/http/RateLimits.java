package org.bantin.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
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
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.refill") long tokenRefill,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.refill-period") Duration tokenPeriod,
            @ConfigProperty(name = "bantin.rate-limit.votes.burst") long voteBurst,
            @ConfigProperty(name = "bantin.rate-limit.votes.refill") long voteRefill,
            @ConfigProperty(name = "bantin.rate-limit.votes.refill-period") Duration votePeriod) {
        this.enabled = enabled;
        this.tokenBuckets = buckets(tokenBurst, tokenRefill, tokenPeriod);
        this.voteBuckets = buckets(voteBurst, voteRefill, votePeriod);
    }

    /** Buckets of `burst` units, refilled by `refill` units every `period`. */
    private static LoadingCache<String, Bucket> buckets(long burst, long refill, Duration period) {
        Bandwidth limit = Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build();
        // A bucket unused until it is full again can be forgotten: a new one starts full too.
        Duration idle = period.multipliedBy(Math.max(1, (burst + refill - 1) / refill));
        return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(idle)
                .build(address -> Bucket.builder().addLimit(limit).build());
    }

    /** Takes one unit for this client, or refuses with a 429 problem that says when to retry. */
    public void take(Action action, String clientAddress) {
        if (!enabled) {
            return;
        }
        Bucket bucket = (action == Action.ISSUE_VOTER_TOKEN ? tokenBuckets : voteBuckets).get(clientKey(clientAddress));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw ProblemException.tooManyRequests(retryAfter);
        }
    }

    /** IPv6 clients are counted per /64, the block one subscriber gets, or one could take a fresh bucket per address. */
    static String clientKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
