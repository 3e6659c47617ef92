package org.bantin.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Recent public responses, as the bytes sent, by canonical request (CacheKeys). An entry is fresh
 * for the configured ttl; after that, the first request to find it has it read anew in the
 * background (CachedResponses) while every request, that one included, still gets it, so no
 * reader waits for the database and a popular page is not read by every client at once. A ttl
 * after it went stale an entry is gone. Rating counts in cached responses therefore lag by at
 * most twice the ttl. A content change, here or on another instance (see ContentChanges and
 * ContentNotifications), drops the entries that showed or may now show what it touched (see
 * ContentChange.affects); the others stay. A response read before a change that touches it is
 * not stored after it: recent changes are logged, and a read that began before one touching its
 * key, or before all that the log still holds, is not kept.
 *
 * Single articles change in between only by their ratings, so those are checked instead
 * (CachedRatingsCheck): an article whose ratings stood still since it was read stays fresh,
 * without being read again, and one whose ratings moved is read anew at its next request.
 * Nor does time pass them by: as an article's publish time or expiry comes, its entries are
 * dropped (DueArticles).
 *
 * Whatever its ratings, no entry is served more than max-age after its read began: should a
 * content change never be heard of (a listening connection that died unnoticed), it still shows
 * by then. An entry goes stale a ttl before its max-age, so that a popular one is read anew
 * before it is gone.
 */
@ApplicationScoped
public class ResponseCache {

    /** A response as sent: its body, ETag and Cache-Control. */
    public record Entry(byte[] body, String etag, String cacheControl) {
    }

    /** An entry found, and whether the finder is to have it read anew (it is past its freshness). */
    record Hit(Entry entry, boolean refresh) {
    }

    /**
     * Where things stood when a read began: the number of content changes, the number of rating
     * checks and the time (System.nanoTime).
     */
    record Mark(long changes, long ratingChecks, long time) {
    }

    /**
     * An entry, when its read began, until when it is fresh, whether a request is already
     * reading it anew, and the rating check after which its ratings were read or last found
     * unchanged. It is gone a ttl after its freshness.
     */
    private record Stored(Entry entry, long readAt, long freshUntil, AtomicBoolean refreshing, long ratingCheck) {

        Stored confirmedBy(long check, long freshUntil) {
            return new Stored(entry, readAt, freshUntil, refreshing, check);
        }

        Stored staleFrom(long now) {
            return new Stored(entry, readAt, now, refreshing, ratingCheck);
        }
    }

    private final boolean enabled;
    private final long ttlNanos;
    private final long maxAgeNanos;
    private final Cache<String, Stored> entries;
    /** How many recent changes the log keeps: a read that began before all of them is not stored. */
    private static final int LOGGED_CHANGES = 1024;

    /** The number of content changes so far; the latest is in the log once this counts it. */
    private final AtomicLong changes = new AtomicLong();
    /** The recent content changes by number, so that a response read before one touching it is not stored. */
    private final ConcurrentNavigableMap<Long, ContentChange> changeLog = new ConcurrentSkipListMap<>();
    /** Changes up to this number have left the log. */
    private volatile long forgotten;
    private final AtomicLong ratingChecks = new AtomicLong();
    /** The rating fingerprints of the latest check, by article slug. */
    private Map<String, Long> checkedRatings = Map.of();

    ResponseCache(@ConfigProperty(name = "bantin.response-cache.enabled") boolean enabled,
            @ConfigProperty(name = "bantin.response-cache.ttl") Duration ttl,
            @ConfigProperty(name = "bantin.response-cache.max-age") Duration maxAge,
            @ConfigProperty(name = "bantin.response-cache.max-bytes") long maxBytes) {
        if (maxAge.compareTo(ttl.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("bantin.response-cache.max-age (" + maxAge
                    + ") must be at least twice bantin.response-cache.ttl (" + ttl + ")");
        }
        this.enabled = enabled;
        this.ttlNanos = ttl.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.entries = Caffeine.newBuilder().expireAfter(new GoneATtlAfterFreshness()).maximumWeight(maxBytes)
                .weigher((String key, Stored stored) -> key.length() + stored.entry().body().length).build();
    }

    /** Caffeine's clock is System.nanoTime, as the entries' times are. */
    private final class GoneATtlAfterFreshness implements Expiry<String, Stored> {

        @Override
        public long expireAfterCreate(String key, Stored stored, long now) {
            return Math.max(0, stored.freshUntil() + ttlNanos - now);
        }

        @Override
        public long expireAfterUpdate(String key, Stored stored, long now, long remaining) {
            return expireAfterCreate(key, stored, now);
        }

        @Override
        public long expireAfterRead(String key, Stored stored, long now, long remaining) {
            return remaining;
        }
    }

    /** Fresh for a ttl from now, but stale a ttl before its max-age. */
    private long freshUntil(long readAt, long now) {
        return Math.min(now + ttlNanos, readAt + maxAgeNanos - ttlNanos);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The key of a GET of the public content reads (site, categories, article, document and question lists, articles, documents, questions);
     * else null.
     *
     * @throws ProblemException (400) for a query parameter that the article list does not take
     */
    String keyOf(String rawPath, String rawQuery) {
        return enabled ? CacheKeys.of(rawPath, rawQuery) : null;
    }

    /** The entry to answer with, or null. Of the finders of an entry past its freshness, one is told to refresh it. */
    Hit get(String key) {
        Stored stored = entries.getIfPresent(key);
        if (stored == null) {
            return null;
        }
        boolean stale = System.nanoTime() - stored.freshUntil() > 0;
        return new Hit(stored.entry(), stale && stored.refreshing().compareAndSet(false, true));
    }

    Mark mark() {
        return new Mark(changes.get(), ratingChecks.get(), System.nanoTime());
    }

    /** Keeps the entry unless a change touching it was made since its read began (`readAt`). */
    void put(String key, Entry entry, Mark readAt) {
        if (touchedSince(key, readAt)) {
            return;
        }
        Stored stored = new Stored(entry, readAt.time(), freshUntil(readAt.time(), System.nanoTime()), new AtomicBoolean(),
                readAt.ratingChecks());
        entries.put(key, stored);
        if (touchedSince(key, readAt)) {
            entries.asMap().remove(key, stored); // a change counted meanwhile may have dropped its entries before this put
        }
    }

    /** Whether a change made since `readAt` touches the key; true when the log no longer reaches back so far. */
    private boolean touchedSince(String key, Mark readAt) {
        long latest = changes.get();
        if (latest == readAt.changes()) {
            return false;
        }
        for (ContentChange change : changeLog.subMap(readAt.changes(), false, latest, true).values()) {
            if (change.affects(key)) {
                return true;
            }
        }
        return readAt.changes() < forgotten; // checked last: a change that left the log meanwhile was not seen
    }

    /** The slugs of the single articles held. */
    public Set<String> articleSlugs() {
        Set<String> slugs = new HashSet<>();
        entries.asMap().keySet().forEach(key -> {
            String slug = CacheKeys.slugOf(key);
            if (slug != null) {
                slugs.add(slug);
            }
        });
        return slugs;
    }

    /**
     * Takes the rating fingerprints just read for the held articles (any change to an article's
     * ratings changes its fingerprint). An article read after the previous check whose
     * fingerprint is the same in both checks shows the ratings of now: it is fresh for another
     * ttl (within its max-age). One whose fingerprint moved is read anew at its next request.
     */
    public synchronized void ratingsChecked(Map<String, Long> fingerprints) {
        long check = ratingChecks.incrementAndGet();
        Map<String, Long> previous = checkedRatings;
        checkedRatings = fingerprints;
        long now = System.nanoTime();
        fingerprints.forEach((slug, fingerprint) -> {
            Long before = previous.get(slug);
            if (before == null) {
                return; // nothing to compare with yet
            }
            entries.asMap().computeIfPresent(CacheKeys.ARTICLE_PREFIX + slug, (key, stored) -> {
                if (!before.equals(fingerprint)) {
                    return stored.staleFrom(now);
                }
                return stored.ratingCheck() == check - 1 ? stored.confirmedBy(check, freshUntil(stored.readAt(), now)) : stored;
            });
        });
    }

    /** The number of entries held. */
    long size() {
        return entries.asMap().size();
    }

    public void invalidateAll() {
        invalidate(ContentChange.EVERYTHING);
    }

    /** Drops the entries the change touches, and keeps reads begun before it from storing them. */
    public void invalidate(ContentChange change) {
        if (change.unseen()) {
            return;
        }
        logged(change);
        if (change.everything()) {
            entries.invalidateAll();
        } else {
            entries.asMap().keySet().removeIf(change::affects);
        }
    }

    /** Logs the change, then counts it: whoever sees the count finds the change in the log. */
    private synchronized void logged(ContentChange change) {
        long number = changes.get() + 1;
        changeLog.put(number, change);
        changes.set(number);
        if (number > LOGGED_CHANGES) {
            forgotten = number - LOGGED_CHANGES;
            changeLog.remove(forgotten);
        }
    }
}
