package org.bantin.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.http.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-client token buckets (Bucket4j) for what readers do without an account: getting a voter
 * token, voting or rating, sending a text (a comment on a draft, a question), and reading article lists that the response cache could not answer
 * (searches, deep pages, rare filters: each one is a database read whose cost the client chooses). Buckets live in this instance, so they absorb bursts without a
 * database round trip; with N instances behind a load balancer a client gets up to N times the
 * rate. The bound that holds across instances is {@link BallotCaps}, in the database.
 */
@ApplicationScoped
public class RateLimits {

    /** One kind of limited action. */
    public enum Action {
        ISSUE_VOTER_TOKEN, VOTE, SUBMISSION, UNCACHED_LIST_READ
    }

    private final boolean enabled;
    private final AddressGroups groups;
    private final LoadingCache<String, Bucket> tokenBuckets;
    private final LoadingCache<String, Bucket> voteBuckets;
    private final LoadingCache<String, Bucket> submissionBuckets;
    private final LoadingCache<String, Bucket> listReadBuckets;

    RateLimits(@ConfigProperty(name = "bantin.rate-limit.enabled") boolean enabled, AddressGroups groups,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.burst") long tokenBurst,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.refill") long tokenRefill,
            @ConfigProperty(name = "bantin.rate-limit.voter-tokens.refill-period") Duration tokenPeriod,
            @ConfigProperty(name = "bantin.rate-limit.votes.burst") long voteBurst,
            @ConfigProperty(name = "bantin.rate-limit.votes.refill") long voteRefill,
            @ConfigProperty(name = "bantin.rate-limit.votes.refill-period") Duration votePeriod,
            @ConfigProperty(name = "bantin.rate-limit.submissions.burst") long submissionBurst,
            @ConfigProperty(name = "bantin.rate-limit.submissions.refill") long submissionRefill,
            @ConfigProperty(name = "bantin.rate-limit.submissions.refill-period") Duration submissionPeriod,
            @ConfigProperty(name = "bantin.rate-limit.uncached-list-reads.burst") long listReadBurst,
            @ConfigProperty(name = "bantin.rate-limit.uncached-list-reads.refill") long listReadRefill,
            @ConfigProperty(name = "bantin.rate-limit.uncached-list-reads.refill-period") Duration listReadPeriod) {
        this.enabled = enabled;
        this.groups = groups;
        this.tokenBuckets = buckets(tokenBurst, tokenRefill, tokenPeriod);
        this.voteBuckets = buckets(voteBurst, voteRefill, votePeriod);
        this.submissionBuckets = buckets(submissionBurst, submissionRefill, submissionPeriod);
        this.listReadBuckets = buckets(listReadBurst, listReadRefill, listReadPeriod);
    }

    /** Buckets of `burst` units, refilled by `refill` units every `period`, one per key (an address group). */
    public static LoadingCache<String, Bucket> buckets(long burst, long refill, Duration period) {
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
        LoadingCache<String, Bucket> buckets = switch (action) {
            case ISSUE_VOTER_TOKEN -> tokenBuckets;
            case VOTE -> voteBuckets;
            case SUBMISSION -> submissionBuckets;
            case UNCACHED_LIST_READ -> listReadBuckets;
        };
        Bucket bucket = buckets.get(groups.of(clientAddress));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw ProblemException.tooManyRequests(retryAfter);
        }
    }
}
