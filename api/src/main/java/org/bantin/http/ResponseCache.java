package org.bantin.http;

import java.time.Duration;
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
 */
@ApplicationScoped
public class ResponseCache {

    /** A response as sent: its body, ETag and Cache-Control. */
    public record Entry(byte[] body, String etag, String cacheControl) {
    }

    /** An entry found, and whether the finder is to have it read anew (it is past its freshness). */
    record Hit(Entry entry, boolean refresh) {
    }

    private static final Set<String> CACHED_PATHS = Set.of("/api/v1/site", "/api/v1/categories", "/api/v1/articles");
    /** One article by its slug (its rating, under /rating, depends on the reader). */
    private static final Pattern ARTICLE = Pattern.compile("/api/v1/articles/[^/]+");

    /** An entry, until when it is fresh, and whether a request is already reading it anew. */
    private record Stored(Entry entry, long freshUntil, AtomicBoolean refreshing) {
    }

    private final boolean enabled;
    private final long ttlNanos;
    private final Cache<String, Stored> entries;
    /** Moves on at every invalidation, so that a response read before it is not stored after it. */
    private final AtomicLong generation = new AtomicLong();

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

    long generation() {
        return generation.get();
    }

    /** Keeps the entry unless the content changed since `readAt` (a generation). */
    void put(String key, Entry entry, long readAt) {
        if (generation.get() == readAt) {
            entries.put(key, new Stored(entry, System.nanoTime() + ttlNanos, new AtomicBoolean()));
            if (generation.get() != readAt) {
                entries.invalidate(key); // an invalidation ran meanwhile
            }
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
