package org.bantin.article;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.article.ArticleRecords.PreviewLink;
import org.bantin.auth.Caller;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.bantin.media.Hashes;
import org.bantin.media.MediaLibrary;
import org.bantin.rating.RatingTotals;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Preview links: an opaque token of 256 random bits that shows one article as it would be
 * published, read-only, until it expires or its article's links are revoked. The token is looked up
 * (by its SHA-256) rather than signed, so that a revoked link stops at once.
 */
@ApplicationScoped
public class PreviewLinks {

    static final String PATH = "/api/v1/preview/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final ArticleService articles;
    private final RatingTotals ratings;
    private final MediaLibrary media;
    private final Duration ttl;

    PreviewLinks(EntityManager entityManager, ArticleService articles, RatingTotals ratings, MediaLibrary media,
            @ConfigProperty(name = "bantin.preview.ttl") Duration ttl) {
        this.entityManager = entityManager;
        this.articles = articles;
        this.ratings = ratings;
        this.media = media;
        this.ttl = ttl;
    }

    /** A new link to an article the caller may read. */
    @Transactional
    PreviewLink issue(long articleId, Caller caller) {
        articles.get(articleId, caller); // a 404 for what the caller may not read
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "pv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = Timestamps.now().plus(ttl);
        entityManager.createNativeQuery("INSERT INTO preview_links (article_id, token_hash, expires_at, created_by)"
                + " VALUES (:article, :hash, :expires, :by)")
                .setParameter("article", articleId).setParameter("hash", hash(token))
                .setParameter("expires", expiresAt).setParameter("by", caller.name()).executeUpdate();
        return new PreviewLink(token, PATH + token, expiresAt);
    }

    /** Ends every link to the article at once. */
    @Transactional
    void revoke(long articleId, Caller caller) {
        articles.get(articleId, caller);
        entityManager.createNativeQuery("UPDATE preview_links SET revoked_at = now()"
                + " WHERE article_id = :article AND revoked_at IS NULL").setParameter("article", articleId).executeUpdate();
    }

    /** The article a live link shows, as readers would get it once published (its pending version); a 404 otherwise. */
    ArticleView show(String token) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("SELECT article_id FROM preview_links WHERE token_hash = :hash"
                + " AND revoked_at IS NULL AND expires_at > now()").setParameter("hash", hash(token)).getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.notFound("No preview at this link: it is unknown, expired or revoked.");
        }
        Article article = articles.working(Article.listWithCategory(List.of(ids.get(0).longValue())).get(0));
        return ArticleView.of(article, ratings.lineOf(article.id), media.images(BodyMedia.shownBy(article)),
                article.publishedAt == null ? Timestamps.now() : article.publishedAt);
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
