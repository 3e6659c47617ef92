package org.bantin.article;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.AdminArticleView;
import org.bantin.auth.Caller;
import org.bantin.content.ContentReview;
import org.bantin.database.Timestamps;

/**
 * Review of articles before publishing, by the content core's steps ({@link ContentReview}): an author submits the
 * working copy, an editor sends it back with a comment or publishes it (ArticleService.publish), where the category
 * needs it after another editor's approval.
 */
@ApplicationScoped
class ArticleReview {

    private final ArticleService articles;
    private final ContentReview review;

    ArticleReview(ArticleService articles, ContentReview review) {
        this.articles = articles;
        this.review = review;
    }

    @Transactional
    AdminArticleView submit(long id, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findReadable(id, caller, now);
        review.submit(articles, article, expectedVersion, caller, now);
        return articles.view(article, now, caller);
    }

    @Transactional
    AdminArticleView requestChanges(long id, String comment, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findForChange(id, expectedVersion, caller);
        review.requestChanges(articles, article, comment, caller, now);
        return articles.view(article, now, caller);
    }

    @Transactional
    AdminArticleView approve(long id, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findForChange(id, expectedVersion, caller);
        review.approve(articles, article, caller, now);
        return articles.view(article, now, caller);
    }
}
