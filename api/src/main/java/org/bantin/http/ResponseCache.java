package org.bantin.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recent public responses, as the bytes sent, by request path and query. Entries live a few
 * seconds (so rating counts in them lag by at most that) and are all dropped when content
 * changes, here or on another instance (see ContentNotifications).
 */
@ApplicationScoped
public class ResponseCache {

    /** A response as sent: its body, ETag and Cache-Control. */
    public record Entry(byte[] body, String etag, String cacheControl) {
    }

    private final boolean enabled;
    private final Cache<String, Entry> entries;
    /** Moves on at every invalidation, so that a response read before it is not stored after it. */
    private final AtomicLong generation = new AtomicLong();

    ResponseCache(@ConfigProperty(name = "bantin.response-cache.enabled") boolean enabled,
            @ConfigProperty(name = "bantin.response-cache.ttl") Duration ttl,
            @ConfigProperty(name = "bantin.response-cache.max-bytes") long maxBytes) {
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> key.length() + entry.body().length).build();
    }

    public boolean enabled() {
        return enabled;
    }

    Entry get(String key) {
        return entries.getIfPresent(key);
    }

    long generation() {
        return generation.get();
    }

    /** Keeps the entry unless the content changed since `readAt` (a generation). */
    void put(String key, Entry entry, long readAt) {
        if (generation.get() == readAt) {
            entries.put(key, entry);
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
