package org.bantin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

import org.bantin.article.ArticleResource;
import org.bantin.consultation.ConsultationResource;
import org.bantin.document.DocumentResource;
import org.bantin.question.QuestionResource;
import org.junit.jupiter.api.Test;

/** The cache's rules on its own: freshness, rating checks, max-age, keys. */
class ResponseCacheRulesTest {

    private static final Duration TTL = Duration.ofMillis(200);
    private static final ResponseCache.Entry OLD = new ResponseCache.Entry(new byte[]{1}, "\"1\"", "public");
    private static final ResponseCache.Entry NEW = new ResponseCache.Entry(new byte[]{2}, "\"2\"", "public");

    private static final Duration MAX_AGE = TTL.multipliedBy(4);

    private final ResponseCache cache = new ResponseCache(true, TTL, MAX_AGE, 1 << 20);

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
    void aChangeToArticlesDropsTheResponsesThatShowOrMayShowThemAndKeepsTheOthers() {
        ContentChange change = ContentChange.of(new ContentChange.Shown("bai-cu", "tin-tuc", List.of("CCHC")),
                new ContentChange.Shown("bai-moi", "van-hoa", List.of("CCHC", "Lễ hội")));
        Map<String, Boolean> affected = new java.util.LinkedHashMap<>();
        for (String dropped : new String[]{"/api/v1/articles/bai-cu", "/api/v1/articles/bai-moi", "/api/v1/categories",
                "/api/v1/articles", "/api/v1/articles?page=3", "/api/v1/articles?category=tin-tuc",
                "/api/v1/articles?category=van-hoa&page=2", "/api/v1/articles?tag=L%E1%BB%85+h%E1%BB%99i",
                "/api/v1/articles?category=the-thao&q=bai", "/api/v1/articles?category=tin-tuc&tag=CCHC&from=2020-01-01",
                "/api/v1/articles?from=2020-01-01&to=2020-01-02"}) {
            affected.put(dropped, true);
        }
        for (String kept : new String[]{"/api/v1/site", "/api/v1/articles/bai-khac", "/api/v1/articles?category=the-thao",
                "/api/v1/articles?tag=cchc", "/api/v1/articles?category=tin-tuc&tag=khac",
                "/api/v1/articles?category=the-thao&tag=CCHC"}) {
            affected.put(kept, false);
        }
        affected.forEach((request, expected) -> {
            int query = request.indexOf('?');
            String key = query < 0
                    ? cache.keyOf(request, null)
                    : cache.keyOf(request.substring(0, query), request.substring(query + 1));
            assertEquals(expected, change.affects(key), request);
            cache.put(key, OLD, cache.mark());
        });
        cache.invalidate(change);
        affected.forEach((request, expected) -> {
            int query = request.indexOf('?');
            String key = query < 0
                    ? cache.keyOf(request, null)
                    : cache.keyOf(request.substring(0, query), request.substring(query + 1));
            assertEquals(expected, cache.get(key) == null, request);
        });
        assertTrue(ContentChange.of(null, null).unseen(), "drafts only");
        assertTrue(ContentChange.EVERYTHING.affects("/api/v1/site"));
    }

    @Test
    void aReadBegunBeforeAChangeOfAnotherKeyIsKeptUnlessTheLogNoLongerReachesItsStart() {
        String key = cache.keyOf("/api/v1/articles/bai-doc", null);
        ContentChange other = ContentChange.of(null, new ContentChange.Shown("bai-khac", "tin-tuc", List.of()));
        ResponseCache.Mark readAt = cache.mark();
        cache.invalidate(other);
        cache.put(key, OLD, readAt);
        assertSame(OLD, cache.get(key).entry());

        ResponseCache.Mark longAgo = cache.mark();
        for (int i = 0; i < 1024; i++) {
            cache.invalidate(other);
        }
        cache.put(key, NEW, longAgo);
        assertSame(NEW, cache.get(key).entry(), "the log still reaches back");
        cache.invalidate(other);
        cache.put(key, OLD, longAgo);
        assertSame(NEW, cache.get(key).entry(), "not kept: a change it cannot see may have touched it");
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
        assertSame(null, new ResponseCache(false, TTL, MAX_AGE, 1 << 20).keyOf("/api/v1/articles", null));
    }

    @Test
    void anArticleWhoseRatingsStandStillIsReadAnewBeforeItsMaxAgeAndGoneAtIt() throws InterruptedException {
        String slug = "day-manh-cai-cach-hanh-chinh";
        String key = cache.keyOf("/api/v1/articles/" + slug, null);
        cache.ratingsChecked(Map.of(slug, 7L));
        long readAt = System.nanoTime();
        cache.put(key, OLD, cache.mark());
        long staleAt = readAt + MAX_AGE.minus(TTL).toNanos();
        while (System.nanoTime() < staleAt - 50_000_000) {
            cache.ratingsChecked(Map.of(slug, 7L)); // unchanged, again and again
            assertEquals(new ResponseCache.Hit(OLD, false), cache.get(key), "fresh while its ratings stand still");
            Thread.sleep(TTL.toMillis() / 4);
        }
        Thread.sleep(100);
        cache.ratingsChecked(Map.of(slug, 7L));
        assertEquals(new ResponseCache.Hit(OLD, true), cache.get(key), "a ttl before its max-age: read anew");
        Thread.sleep(TTL.toMillis());
        cache.ratingsChecked(Map.of(slug, 7L));
        assertNull(cache.get(key), "past its max-age: gone");
    }

    @Test
    void theMaxAgeIsAtLeastTwiceTheTtl() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseCache(true, TTL, TTL, 1 << 20));
    }

    @Test
    void everySpellingOfARequestHasOneKey() {
        String list = CacheKeys.of("/api/v1/articles", null);
        for (String query : new String[]{"", "page=1", "limit=20&page=1", "page=1&limit=20", "page=%2B01;limit=20",
                "q=+&tag=%20&category=", "page=&limit", "&&page=1&"}) {
            assertEquals(list, CacheKeys.of("/api/v1/articles", query), query);
        }
        String page = CacheKeys.of("/api/v1/articles", "category=tin-tuc&page=2");
        for (String query : new String[]{"page=2&category=tin-tuc", "category=%74in-tuc&page=02", "category=+tin-tuc+&page=2",
                "page=2;category=tin-tuc&limit=20", "%70age=2&category=tin-tuc", "category=tin-tuc&page=2&category=other",
                "page=%D9%A2&category=tin-tuc"}) {
            assertEquals(page, CacheKeys.of("/api/v1/articles", query), query);
        }
        assertNotEquals(list, page);
        assertNotEquals(CacheKeys.of("/api/v1/articles", "q=a%26tag%3Db"), CacheKeys.of("/api/v1/articles", "q=a&tag=b"));
        String article = CacheKeys.of("/api/v1/articles/day-manh", null);
        assertEquals(article, CacheKeys.of("/api/v1/articles/d%61y%2Dmanh", null));
        assertEquals(article, CacheKeys.of("/api/v1/articles/day-manh", "utm_source=x"),
                "a read without parameters ignores them");
        assertEquals("/api/v1/site", CacheKeys.of("/api/v1/site", "x=1"));
    }

    @Test
    void unknownListParametersAreRefused() {
        for (String query : new String[]{"x=1", "page=1&x", "PAGE=1", "limit=5;callback=f", "=1", "%2570age=2"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> CacheKeys.of("/api/v1/articles", query),
                    query);
            assertEquals(400, refused.problem.status());
        }
    }

    @Test
    void requestsReadOtherwiseByTheEndpointPassByTheCache() {
        for (String query : new String[]{"page=0", "page=x", "limit=-5", "page=99999999999", "q=%", "q=%zz", "q=%FF",
                "q=a%00b"}) {
            assertNull(CacheKeys.of("/api/v1/articles", query), query);
        }
        for (String path : new String[]{"/api/v1/articles/", "/api/v1/articles/.", "/api/v1/articles/%2E%2E",
                "/api/v1/articles/a%2Fb", "/api/v1/articles/a/b", "/api/v1/%61rticles", "/api/v1/articles/%C3"}) {
            assertNull(CacheKeys.of(path, null), path);
        }
    }

    @Test
    void theKeysKnowTheParametersOfTheArticleDocumentQuestionAndConsultationLists() {
        assertEquals(parametersOfList(ArticleResource.class), Set.of(CacheKeys.LIST_PARAMETERS));
        assertEquals(parametersOfList(DocumentResource.class), Set.of(CacheKeys.DOCUMENT_LIST_PARAMETERS));
        assertEquals(parametersOfList(QuestionResource.class), Set.of(CacheKeys.QUESTION_LIST_PARAMETERS));
        assertEquals(parametersOfList(ConsultationResource.class), Set.of(CacheKeys.CONSULTATION_LIST_PARAMETERS));
    }

    @Test
    void aQuestionReadHasOneKeyForItsSpellings() {
        assertEquals("/api/v1/questions/42", CacheKeys.of("/api/v1/questions/42", null));
        assertEquals(CacheKeys.of("/api/v1/questions", "q=thu+tuc&topic=%C4%90%E1%BA%A5t+%C4%91ai"),
                CacheKeys.of("/api/v1/questions", "topic=%C4%90%E1%BA%A5t%20%C4%91ai&page=1&q=thu%20tuc"));
        assertEquals("/api/v1/questions", CacheKeys.of("/api/v1/questions", "limit=20"));
        assertThrows(ProblemException.class, () -> CacheKeys.of("/api/v1/questions", "state=new"));
        assertNull(CacheKeys.of("/api/v1/admin/questions", "state=new"));
    }

    @Test
    void consultationReadsHaveOneKeyForTheirSpellings() {
        assertEquals("/api/v1/consultations/3", CacheKeys.of("/api/v1/consultations/3", null));
        assertEquals(CacheKeys.of("/api/v1/consultations", "status=open"),
                CacheKeys.of("/api/v1/consultations", "page=1&status=+open"));
        assertEquals("/api/v1/consultations/3/comments", CacheKeys.of("/api/v1/consultations/3/comments", "page=1"));
        assertEquals(CacheKeys.of("/api/v1/consultations/3/comments", "page=2"),
                CacheKeys.of("/api/v1/consultations/3/comments", "limit=20&page=02"));
        assertThrows(ProblemException.class, () -> CacheKeys.of("/api/v1/consultations", "q=x"));
        assertThrows(ProblemException.class, () -> CacheKeys.of("/api/v1/consultations/3/comments", "status=open"));
        assertNull(CacheKeys.of("/api/v1/consultations/x/comments", null));
        assertNull(CacheKeys.of("/api/v1/consultations/3/comments/4", null));
    }

    @Test
    void aDocumentReadHasOneKeyForItsSpellings() {
        assertEquals("/api/v1/documents/15-2024-qd-ubnd", CacheKeys.of("/api/v1/documents/15-2024-qd-ubnd", null));
        assertEquals(CacheKeys.of("/api/v1/documents", "year=2024&type=Lu%E1%BA%ADt"),
                CacheKeys.of("/api/v1/documents", "type=Lu%E1%BA%ADt&page=1&year=2024"));
        assertEquals("/api/v1/documents", CacheKeys.of("/api/v1/documents", "limit=20"));
        assertThrows(ProblemException.class, () -> CacheKeys.of("/api/v1/documents", "category=x"));
    }

    /** The query parameters the list method of a resource takes, its page parameters included. */
    private static Set<String> parametersOfList(Class<?> resource) {
        Method list = Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals("list")).findFirst()
                .orElseThrow();
        Set<String> taken = new HashSet<>();
        for (Parameter parameter : list.getParameters()) {
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                taken.add(parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                Arrays.stream(parameter.getType().getDeclaredFields()).filter(f -> f.isAnnotationPresent(QueryParam.class))
                        .forEach(f -> taken.add(f.getAnnotation(QueryParam.class).value()));
            }
        }
        return taken;
    }

    @Test
    void aFloodOfOneOffRequestsDoesNotPushOutThePopularPages() throws InterruptedException {
        ResponseCache small = new ResponseCache(true, Duration.ofHours(1), Duration.ofHours(2), 64 * 1024);
        ResponseCache.Entry page = new ResponseCache.Entry(new byte[1024], "\"p\"", "public");
        List<String> popular = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            popular.add(small.keyOf("/api/v1/articles/bai-doc-nhieu-" + i, null));
            small.put(popular.get(i), page, small.mark());
        }
        for (int i = 2; i < 5000; i++) { // the popular pages are read all along, each one-off page once
            popular.forEach(small::get);
            String oneOff = small.keyOf("/api/v1/articles", "page=" + i);
            small.put(oneOff, page, small.mark());
            small.get(oneOff);
        }
        Thread.sleep(200); // evictions run in the background
        assertTrue(small.size() < 64, small.size() + " entries of 1 KiB in 64 KiB");
        popular.forEach(key -> assertNotNull(small.get(key), key));
    }
}
