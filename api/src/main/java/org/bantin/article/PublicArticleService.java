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

import org.bantin.article.ArticleRecords.ArticleSummary;
import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.rating.RatingRecords.RatingLine;
import org.bantin.rating.RatingTotals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.AvailableHints;

/** What readers may see: published articles whose publish time has come, filtered and searched. */
@ApplicationScoped
public class PublicArticleService {

    /** Search matches title, summary and body without tones and marks, via the articles_search_idx GIN index. */
    private static final String SEARCH_QUERY = "websearch_to_tsquery('simple', bantin_unaccent(:query))";

    private final EntityManager entityManager;
    private final RatingTotals ratings;
    private final ZoneId zone;
    private final int listTimeoutMillis;

    PublicArticleService(EntityManager entityManager, RatingTotals ratings,
            @ConfigProperty(name = "bantin.time-zone") ZoneId zone,
            @ConfigProperty(name = "bantin.public-reads.timeout") Duration listTimeout) {
        this.entityManager = entityManager;
        this.ratings = ratings;
        this.zone = zone;
        this.listTimeoutMillis = Math.toIntExact(listTimeout.toMillis());
    }

    ArticleView get(String slug) {
        return Article.findVisibleBySlug(slug, Timestamps.now())
                .map(article -> ArticleView.of(article, ratings.lineOf(article.id)))
                .orElseThrow(() -> ProblemException.notFound("No published article has the slug '" + slug + "'."));
    }

    /** Newest first; with a search query, most relevant first, then newest. */
    Page<ArticleSummary> list(ArticleFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = whereClause(filter, parameters);
        String order = filter.query() == null
                ? "a.published_at DESC, a.id DESC"
                : "ts_rank_cd(a.search_vector, " + SEARCH_QUERY + ") DESC, a.published_at DESC, a.id DESC";
        Query idQuery = entityManager.createNativeQuery(
                "SELECT a.id FROM articles a " + where
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset");
        Query countQuery = entityManager.createNativeQuery("SELECT count(*) FROM articles a " + where);
        parameters.forEach((name, value) -> {
            idQuery.setParameter(name, value);
            countQuery.setParameter(name, value);
        });
        // Searches and deep pages miss the response cache: none may hold the database longer than this.
        idQuery.setHint(AvailableHints.HINT_SPEC_QUERY_TIMEOUT, listTimeoutMillis);
        countQuery.setHint(AvailableHints.HINT_SPEC_QUERY_TIMEOUT, listTimeoutMillis);
        List<Long> ids = idQuery.setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList();
        return page.of(inOrder(ids), ((Number) countQuery.getSingleResult()).longValue());
    }

    private String whereClause(ArticleFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("WHERE ").append(Article.VISIBLE_SQL);
        if (filter.category() != null) {
            // The category's id, found first, lets the planner use articles_category_published_idx.
            where.append(" AND a.category_id = (SELECT id FROM categories WHERE slug = :category)");
            parameters.put("category", filter.category());
        }
        if (filter.tag() != null) {
            where.append(" AND a.tags @> ARRAY[CAST(:tag AS text)]");
            parameters.put("tag", filter.tag());
        }
        if (filter.from() != null) {
            where.append(" AND a.published_at >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" AND a.published_at < :toExclusive");
            parameters.put("toExclusive", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.query() != null) {
            where.append(" AND a.search_vector @@ ").append(SEARCH_QUERY);
            parameters.put("query", filter.query());
        }
        return where.toString();
    }

    private List<ArticleSummary> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> byId = Article.listWithCategory(ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        Map<Long, RatingLine> lines = ratings.linesOf(ids);
        return ids.stream().map(id -> ArticleSummary.of(byId.get(id), lines.get(id))).toList();
    }
}
