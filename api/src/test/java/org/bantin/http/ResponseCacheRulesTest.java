package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ResponseCacheRulesTest {

    private static final Duration TTL = Duration.ofMillis(200);
    private static final ResponseCache.Entry OLD = new ResponseCache.Entry(new byte[]{1}, "\"1\"", "public");
    private static final ResponseCache.Entry NEW = new ResponseCache.Entry(new byte[]{2}, "\"2\"", "public");

    private final ResponseCache cache = new ResponseCache(true, TTL, 1 << 20);

    @Test
    void pastItsFreshnessOneFinderRefreshesItWhileEveryoneStillGetsIt() throws InterruptedException {
        String key = cache.keyOf("/api/v1/articles", "limit=20");
        cache.put(key, OLD, cache.mark());
        assertEquals(new ResponseCache.Hit(OLD, false), cache.get(key));
        Thread.sleep(TTL.toMillis() + 50);
        assertEquals(new ResponseCache.Hit(OLD, true), cache.get(key), "the first finder after the ttl refreshes it");
        assertEquals(new ResponseCache.Hit(OLD, false), cache.get(key), "the others only get it");
        cache.put(key, NEW, cache.mark());
        assertEquals(new ResponseCache.Hit(NEW, false), cache.get(key));
        Thread.sleep(2 * TTL.toMillis() + 50);
        assertNull(cache.get(key), "gone after twice the ttl");
    }

    @Test
    void aResponseReadBeforeAContentChangeIsNotKept() {
        String key = cache.keyOf("/api/v1/articles/day-manh-cai-cach-hanh-chinh", null);
        ResponseCache.Mark readAt = cache.mark();
        cache.invalidateAll();
        cache.put(key, OLD, readAt);
        assertNull(cache.get(key));
        cache.put(key, NEW, cache.mark());
        assertSame(NEW, cache.get(key).entry());
        cache.invalidateAll();
        assertNull(cache.get(key));
    }

    @Test
    void anArticleStaysFreshWhileItsRatingsStandStillAndIsReadAnewOnceTheyMove() throws InterruptedException {
        String slug = "day-manh-cai-cach-hanh-chinh";
        String key = cache.keyOf("/api/v1/articles/" + slug, null);
        assertEquals(Set.of(), cache.articleSlugs());
        cache.ratingsChecked(Map.of(slug, 7L));
        cache.put(key, OLD, cache.mark());
        assertEquals(Set.of(slug), cache.articleSlugs());
        cache.ratingsChecked(Map.of(slug, 7L)); // read after the previous check, and unchanged: fresh again
        Thread.sleep(TTL.toMillis() / 2);
        cache.ratingsChecked(Map.of(slug, 7L));
        Thread.sleep(TTL.toMillis() / 2 + 50);
        assertEquals(new ResponseCache.Hit(OLD, false), cache.get(key), "past the ttl, still fresh");
        cache.ratingsChecked(Map.of(slug, 9L));
        assertEquals(new ResponseCache.Hit(OLD, true), cache.get(key), "ratings moved: read anew at once");
    }

    @Test
    void anArticleReadBeforeThePreviousCheckIsNotKeptFreshByIt() throws InterruptedException {
        String slug = "day-manh-cai-cach-hanh-chinh";
        String key = cache.keyOf("/api/v1/articles/" + slug, null);
        ResponseCache.Mark readAt = cache.mark(); // the read began, saw the ratings of then...
        cache.ratingsChecked(Map.of(slug, 7L)); // ...which a rating changed before this check
        cache.put(key, OLD, readAt);
        cache.ratingsChecked(Map.of(slug, 7L));
        Thread.sleep(TTL.toMillis() + 50);
        assertEquals(new ResponseCache.Hit(OLD, true), cache.get(key), "read anew after the ttl as usual");
    }

    @Test
    void onlyPublicContentReadsAreCached() {
        assertNull(cache.keyOf("/api/v1/articles/some-slug/rating", null));
        assertNull(cache.keyOf("/api/v1/surveys", "status=open"));
        assertNull(cache.keyOf("/api/v1/admin/articles", null));
        assertSame(null, new ResponseCache(false, TTL, 1 << 20).keyOf("/api/v1/articles", null));
    }
}
