package org.bantin.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.auth.Caller;
import org.bantin.content.PreviewTokens;
import org.bantin.content.PreviewTokens.PreviewLink;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.bantin.media.MediaLibrary;
import org.bantin.rating.RatingTotals;

/** Preview links to articles: what the content core's links open, shown as readers would get it once published. */
@ApplicationScoped
public class PreviewLinks {

    private final PreviewTokens tokens;
    private final ArticleService articles;
    private final RatingTotals ratings;
    private final MediaLibrary media;

    PreviewLinks(PreviewTokens tokens, ArticleService articles, RatingTotals ratings, MediaLibrary media) {
        this.tokens = tokens;
        this.articles = articles;
        this.ratings = ratings;
        this.media = media;
    }

    /** A new link to an article the caller may read. */
    @Transactional
    PreviewLink issue(long articleId, Caller caller) {
        articles.requireWorkReadable(articleId, caller);
        return tokens.issue(Article.TYPE, articleId, PreviewTokens.PATH, caller);
    }

    /** Ends every link to the article at once. */
    @Transactional
    void revoke(long articleId, Caller caller) {
        articles.requireWorkReadable(articleId, caller);
        tokens.revoke(Article.TYPE, articleId);
    }

    /** The article a live link shows, as readers would get it once published (its pending version); a 404 otherwise. */
    ArticleView show(String token) {
        long id = tokens.opened(Article.TYPE, token).orElseThrow(
                () -> ProblemException.notFound("No preview at this link: it is unknown, expired or revoked."));
        Article article = articles.working(Article.listWithCategory(List.of(id)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No preview at this link: its article was deleted.")));
        return ArticleView.of(article, ratings.lineOf(article.id), media.images(BodyMedia.shownBy(article)),
                article.publishedAt == null ? Timestamps.now() : article.publishedAt);
    }
}
