package org.bantin.article;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.ArticleSummary;
import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.content.Visibility;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.media.LibraryImage;
import org.bantin.media.MediaLibrary;
import org.bantin.rating.RatingRecords.RatingLine;
import org.bantin.rating.RatingTotals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.AvailableHints;

/**
 * What readers may see (Visibility: published, due, not expired), filtered and searched. Every
 * query reads a bounded part of an index (V16), whatever the archive's size: lists go no deeper than
 * {@link #LIST_DEPTH} items and count no further, searches rank only their newest matches ({@link ArticleSearch}).
 */
@ApplicationScoped
public class PublicArticleService {

    /** How deep lists without `q` may be paged; deeper pages are a 400 that asks for from/to. */
    static final int LIST_DEPTH = 10_000;

    private final EntityManager entityManager;
    private final RatingTotals ratings;
    private final MediaLibrary media;
    private final ZoneId zone;
    private final int timeoutMillis;

    PublicArticleService(EntityManager entityManager, RatingTotals ratings, MediaLibrary media,
            @ConfigProperty(name = "bantin.time-zone") ZoneId zone,
            @ConfigProperty(name = "bantin.public-reads.timeout") Duration timeout) {
        this.entityManager = entityManager;
        this.ratings = ratings;
        this.media = media;
        this.zone = zone;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** The article readers may see; an expired one is a 410 (it was there and has ended), any other a 404. */
    ArticleView get(String slug) {
        Article article = Article.findPublishedBySlug(slug).orElseThrow(() -> notPublished(slug));
        return switch (article.state(Timestamps.now())) {
            case PUBLISHED -> ArticleView.of(article, ratings.lineOf(article.id), media.images(BodyMedia.shownBy(article)));
            case EXPIRED -> throw ProblemException.gone("The article '" + slug + "' was shown until "
                    + article.unpublishAt.atZoneSameInstant(zone).toOffsetDateTime() + " and has expired.");
            default -> throw notPublished(slug);
        };
    }

    private static ProblemException notPublished(String slug) {
        return ProblemException.notFound("No published article has the slug '" + slug + "'.");
    }

    /** Newest first; with a search query, see {@link ArticleSearch}. One transaction: a search sets planner options for it alone. */
    @Transactional
    Page<ArticleSummary> list(ArticleFilter filter, PageRequest page) {
        if (filter.query() != null) {
            ArticleSearch search = new ArticleSearch(this, filter, zone);
            return search.page(page, this::inOrder);
        }
        page.requireWithin(LIST_DEPTH, "lists reach " + LIST_DEPTH + " articles deep (page × limit ≤ " + LIST_DEPTH
                + "); for older articles, narrow the list with from and to.");
        Source source = Source.of(filter, zone);
        List<Long> ids = query("SELECT " + source.id() + source.fromWhere() + " ORDER BY " + source.order()
                + " LIMIT :limit OFFSET :offset", source.parameters())
                .setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList();
        return page.of(inOrder(ids), countUpTo(source, page, ids.size(), LIST_DEPTH), LIST_DEPTH);
    }

    /**
     * How many articles match, counted up to one more than depth: exactly when this page shows the
     * end of the list, otherwise from the index, stopping early.
     */
    long countUpTo(Source source, PageRequest page, int found, int depth) {
        if (found < page.limit() && (found > 0 || page.page() == 1)) {
            return page.offset() + found;
        }
        Object count = query("SELECT count(*) FROM (SELECT 1" + source.fromWhere() + " LIMIT :cap) c", source.parameters())
                .setParameter("cap", depth + 1).getSingleResult();
        return ((Number) count).longValue();
    }

    /** A native query bound to its parameters and cancelled after the public-reads timeout (then a 503). */
    Query query(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        // Public reads miss the response cache at times: none may hold the database longer than this.
        return query.setHint(AvailableHints.HINT_SPEC_QUERY_TIMEOUT, timeoutMillis);
    }

    private List<ArticleSummary> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> byId = Article.listWithCategory(ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        Map<Long, RatingLine> lines = ratings.linesOf(ids);
        Map<Long, LibraryImage> covers = media.images(ArticleService.coverIds(List.copyOf(byId.values())));
        return ids.stream().map(id -> ArticleSummary.of(byId.get(id), lines.get(id), covers)).toList();
    }

    /**
     * Where a list's articles come from, newest first. With a tag, article_tags (one row per tag of a
     * published article, in tag and publish-time order): any tag's newest articles are at the start of
     * its range, however common or rare the tag. Otherwise the articles themselves, by
     * articles_visible_idx or articles_category_visible_idx.
     */
    record Source(String id, String time, String fromWhere, String order, Map<String, Object> parameters) {

        static Source of(ArticleFilter filter, ZoneId zone) {
            Map<String, Object> parameters = new HashMap<>();
            boolean tagged = filter.tag() != null;
            String time = tagged ? "t.published_at" : "a.published_at";
            StringBuilder sql = new StringBuilder();
            if (tagged) {
                // article_tags holds published articles only, with their publish and expiry times: the same rule applies.
                sql.append(" FROM article_tags t")
                        .append(filter.category() != null || filter.query() != null
                                ? " JOIN articles a ON a.id = t.article_id"
                                : "")
                        .append(" WHERE t.tag = :tag AND bantin_visible('PUBLISHED', t.published_at, t.unpublish_at)");
                parameters.put("tag", filter.tag());
            } else {
                sql.append(" FROM articles a WHERE ").append(Visibility.sql("a"));
            }
            if (filter.category() != null) {
                // The category's id, found first, lets the planner use articles_category_visible_idx.
                sql.append(" AND a.category_id = (SELECT id FROM categories WHERE slug = :category)");
                parameters.put("category", filter.category());
            }
            if (filter.from() != null) {
                sql.append(" AND ").append(time).append(" >= :from");
                parameters.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
            }
            if (filter.to() != null) {
                sql.append(" AND ").append(time).append(" < :toExclusive");
                parameters.put("toExclusive", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            }
            String id = tagged ? "t.article_id" : "a.id";
            return new Source(id, time, sql.toString(), time + " DESC, " + id + " DESC", parameters);
        }

        /** The same articles, also matching a condition on the articles table (aliased a). */
        Source and(String condition, Map<String, Object> more) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(more);
            return new Source(id, time, fromWhere + " AND " + condition, order, all);
        }
    }
}
