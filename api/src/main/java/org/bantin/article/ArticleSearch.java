package org.bantin.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.bantin.article.ArticleRecords.ArticleSummary;
import org.bantin.article.PublicArticleService.Source;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;

/**
 * A search (`q`): the newest {@link #DEPTH} matching articles, most relevant first. Ranking every
 * match (ts_rank_cd reads each match's whole search vector) costs as much as the archive holds for a
 * common word; finding the newest matches need not. They are looked for in the last 2 weeks, then in
 * windows 4 to 16 times wider (as the matches found so far suggest), then everywhere, until enough are
 * found: articles_search_week_idx indexes the words and the publish week together, so a window costs
 * what its weeks hold, not what a common word matches in the whole archive, and a rare word is found
 * in a few windows that each read only its few matches.
 */
final class ArticleSearch {

    /** How many of its newest matches a search ranks and serves. */
    static final int DEPTH = 200;
    private static final long FIRST_WINDOW_WEEKS = 2;
    private static final long WEEK_SECONDS = 7 * 24 * 3600;
    /** Words without case, tones and marks (as in articles.search_vector); quotes make a phrase, - excludes. */
    private static final String QUERY = "websearch_to_tsquery('simple', bantin_unaccent(:query))";

    private final PublicArticleService service;
    private final ArticleFilter filter;
    private final Source source;

    ArticleSearch(PublicArticleService service, ArticleFilter filter, ZoneId zone) {
        this.service = service;
        this.filter = filter;
        this.source = Source.of(filter, zone).and("a.search_vector @@ " + QUERY, Map.of("query", filter.query()));
    }

    Page<ArticleSummary> page(PageRequest page, Function<List<Long>, List<ArticleSummary>> summaries) {
        page.requireWithin(DEPTH, "searches serve their " + DEPTH + " newest matches (page × limit ≤ " + DEPTH
                + "); for older ones, add words or narrow the search with from and to.");
        List<Long> newest = newestMatches();
        List<Long> served = newest.subList(0, Math.min(newest.size(), DEPTH));
        List<Long> ids = served.isEmpty() ? List.of() : ranked(served, page);
        return page.of(summaries.apply(ids), newest.size(), DEPTH);
    }

    /** Up to DEPTH + 1 matches, newest first: one more than are served tells that there are more. */
    private List<Long> newestMatches() {
        // A window's bitmap of matches is exact and needs no recheck (no search vector read) in the default
        // work_mem; the planner must not trade it for a scan of the whole table, which it estimates too
        // cheap for words that occur together (it multiplies their frequencies), nor compile the query (JIT
        // costs 50 ms, more than the query).
        service.query("SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)", Map.of())
                .getResultList();
        long lastWeek = week(until());
        long oldestWeek = week(oldest());
        long weeks = FIRST_WINDOW_WEEKS;
        while (2 * weeks < lastWeek - oldestWeek) {
            // The weeks one by one, not a range: a range would also read the weeks of scheduled articles, after now.
            String window = LongStream.rangeClosed(lastWeek - weeks + 1, lastWeek).mapToObj(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}"));
            List<Long> found = newest(
                    source.and("bantin_week(a.published_at) = ANY (CAST(:weeks AS integer[]))", Map.of("weeks", window)));
            if (found.size() > DEPTH) {
                return found;
            }
            // 4 to 16 times wider: about twice the matches needed, judging by what this window held.
            weeks *= Math.max(4, Math.min(16, 2 * (DEPTH + 1) / Math.max(1, found.size()) + 1));
        }
        return newest(source); // the window would hold most of the archive: search it all at once
    }

    private List<Long> newest(Source matches) {
        // The subquery, fenced by OFFSET 0, is planned alone: all its matches from the GIN index (a bitmap),
        // never a walk of the publish-time index that would read every article's search vector until enough match.
        return service.query("SELECT id FROM (SELECT " + matches.id() + " AS id, " + matches.time() + " AS published_at"
                + matches.fromWhere() + " OFFSET 0) m ORDER BY published_at DESC, id DESC LIMIT :limit", matches.parameters())
                .setParameter("limit", DEPTH + 1).getResultList();
    }

    private List<Long> ranked(List<Long> candidates, PageRequest page) {
        String ids = candidates.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return service.query(
                "SELECT a.id FROM articles a WHERE a.id = ANY (CAST(:ids AS bigint[])) ORDER BY ts_rank_cd(a.search_vector, "
                        + QUERY + ") DESC, a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset",
                Map.of("ids", ids, "query", filter.query()))
                .setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList();
    }

    private static long week(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), WEEK_SECONDS);
    }

    /** The end of the search: now, or the end of `to` when that is earlier. */
    private Instant until() {
        Instant now = Instant.now();
        OffsetDateTime to = (OffsetDateTime) source.parameters().get("toExclusive");
        return to != null && to.toInstant().isBefore(now) ? to.toInstant() : now;
    }

    /** The start of the search: `from`, or the oldest publish time (from the end of articles_visible_idx). */
    private Instant oldest() {
        OffsetDateTime from = (OffsetDateTime) source.parameters().get("from");
        if (from != null) {
            return from.toInstant();
        }
        Object oldest = service.query("SELECT min(published_at) FROM articles WHERE status = 'PUBLISHED'", Map.of())
                .getSingleResult();
        return oldest == null ? Instant.now() : Timestamps.of(oldest).toInstant();
    }
}
