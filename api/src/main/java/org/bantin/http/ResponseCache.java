package org.bantin.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recent public responses, as the bytes sent, by request path and query. An entry is fresh for
 * the configured ttl; after that, the first request to find it has it read anew in the
 * background (CachedResponses) while every request, that one included, still gets it, so no
 * reader waits for the database and a popular page is not read by every client at once. After
 * twice the ttl an entry is gone. Rating counts in cached responses therefore lag by at most
 * twice the ttl. Every entry is dropped when content changes, here or on another instance (see
 * ContentNotifications).
 *
 * Single articles change in between only by their ratings, so those are checked instead
 * (CachedRatingsCheck): an article whose ratings stood still since it was read stays fresh,
 * without being read again, and one whose ratings moved is read anew at its next request.
 */
@ApplicationScoped
public class ResponseCache {

    /** A response as sent: its body, ETag and Cache-Control. */
    public record Entry(byte[] body, String etag, String cacheControl) {
    }

    /** An entry found, and whether the finder is to have it read anew (it is past its freshness). */
    record Hit(Entry entry, boolean refresh) {
    }

    /** Where things stood when a read began: the content generation and the number of rating checks. */
    record Mark(long generation, long ratingChecks) {
    }

    private static final Set<String> CACHED_PATHS = Set.of("/api/v1/site", "/api/v1/categories", "/api/v1/articles");
    private static final String ARTICLE_PATH = "/api/v1/articles/";
    /** One article by its slug (its rating, under /rating, depends on the reader). */
    private static final Pattern ARTICLE = Pattern.compile(Pattern.quote(ARTICLE_PATH) + "[^/?]+");

    /**
     * An entry, until when it is fresh, whether a request is already reading it anew, and the
     * rating check after which its ratings were read or last found unchanged.
     */
    private record Stored(Entry entry, long freshUntil, AtomicBoolean refreshing, long ratingCheck) {

        Stored confirmedBy(long check, long freshUntil) {
            return new Stored(entry, freshUntil, refreshing, check);
        }

        Stored staleFrom(long now) {
            return new Stored(entry, now, refreshing, ratingCheck);
        }
    }

    private final boolean enabled;
    private final long ttlNanos;
    private final Cache<String, Stored> entries;
    /** Moves on at every invalidation, so that a response read before it is not stored after it. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong ratingChecks = new AtomicLong();
    /** The rating fingerprints of the latest check, by article slug. */
    private Map<String, Long> checkedRatings = Map.of();

    ResponseCache(@ConfigProperty(name = "bantin.response-cache.enabled") boolean enabled,
            @ConfigProperty(name = "bantin.response-cache.ttl") Duration ttl,
            @ConfigProperty(name = "bantin.response-cache.max-bytes") long maxBytes) {
        this.enabled = enabled;
        this.ttlNanos = ttl.toNanos();
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl.multipliedBy(2)).maximumWeight(maxBytes)
                .weigher((String key, Stored stored) -> key.length() + stored.entry().body().length).build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The key of a GET of the public content reads (site, categories, article lists, articles); else null. */
    String keyOf(String rawPath, String rawQuery) {
        if (!enabled || !(CACHED_PATHS.contains(rawPath) || ARTICLE.matcher(rawPath).matches())) {
            return null;
        }
        return rawQuery == null ? rawPath : rawPath + '?' + rawQuery;
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
        return new Mark(generation.get(), ratingChecks.get());
    }

    /** Keeps the entry unless the content changed since its read began (`readAt`). */
    void put(String key, Entry entry, Mark readAt) {
        if (generation.get() == readAt.generation()) {
            entries.put(key, new Stored(entry, System.nanoTime() + ttlNanos, new AtomicBoolean(), readAt.ratingChecks()));
            if (generation.get() != readAt.generation()) {
                entries.invalidate(key); // an invalidation ran meanwhile
            }
        }
    }

    /** The slugs of the single articles held. */
    public Set<String> articleSlugs() {
        Set<String> slugs = new HashSet<>();
        entries.asMap().keySet().forEach(key -> {
            if (ARTICLE.matcher(key).matches()) {
                slugs.add(key.substring(ARTICLE_PATH.length()));
            }
        });
        return slugs;
    }

    /**
     * Takes the rating fingerprints just read for the held articles (any change to an article's
     * ratings changes its fingerprint). An article read after the previous check whose
     * fingerprint is the same in both checks shows the ratings of now: it is fresh for another
     * ttl. One whose fingerprint moved is read anew at its next request.
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
            entries.asMap().computeIfPresent(ARTICLE_PATH + slug, (key, stored) -> {
                if (!before.equals(fingerprint)) {
                    return stored.staleFrom(now);
                }
                return stored.ratingCheck() == check - 1 ? stored.confirmedBy(check, now + ttlNanos) : stored;
            });
        });
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
