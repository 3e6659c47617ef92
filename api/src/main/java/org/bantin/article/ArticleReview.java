package org.bantin.article;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.AdminArticleView;
import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.content.ReviewStep;
import org.bantin.content.Transitions;
import org.bantin.content.Transitions.Transition;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;

/**
 * Review of articles before publishing: an author submits the working copy, an editor sends it back with a comment
 * or publishes it (ArticleService.publish), where the category needs it after another editor's approval. Each step is
 * recorded with who made it and when.
 */
@ApplicationScoped
class ArticleReview {

    private final ArticleService articles;
    private final Transitions transitions;
    private final EntityManager entityManager;

    ArticleReview(ArticleService articles, Transitions transitions, EntityManager entityManager) {
        this.articles = articles;
        this.transitions = transitions;
        this.entityManager = entityManager;
    }

    /** The author (or an editor) asks for review of a draft, of one sent back, or of a live article's pending version. */
    @Transactional
    AdminArticleView submit(long id, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findReadable(id, caller, now);
        if (caller.role() == Role.AUTHOR && !caller.owns(article.ownerTokenId)) {
            throw ProblemException.forbidden("Authors may submit only their own articles.");
        }
        ArticleService.requireVersion(article, expectedVersion);
        String from = article.workingState(now).wireName();
        if (article.live() && article.pendingRevision == null) {
            throw ProblemException.invalidTransition(from,
                    "The article is " + from + " and has no pending changes to review; save a change first.");
        }
        article.review = ReviewStep.SUBMIT.from(article.review, from);
        article.submittedAt = now;
        return step(article, from, null, caller, now);
    }

    /** An editor sends the working copy back to its author, saying what to change. */
    @Transactional
    AdminArticleView requestChanges(long id, String comment, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findForChange(id, expectedVersion, caller);
        String from = article.workingState(now).wireName();
        article.review = ReviewStep.REQUEST_CHANGES.from(article.review, from);
        article.approvedBy = null;
        article.approvedTokenId = null;
        article.reviewComment = comment.strip();
        article.reviewCommentBy = caller.name();
        article.reviewCommentAt = now;
        return step(article, from, article.reviewComment, caller, now);
    }

    /** Where the category needs two editors, the first approves the working copy; another then publishes it. */
    @Transactional
    AdminArticleView approve(long id, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = ArticleService.findForChange(id, expectedVersion, caller);
        String from = article.workingState(now).wireName();
        if (!articles.needsSecondApproval(article)) {
            throw ProblemException.invalidTransition(from, "The article is " + from
                    + ", and its category needs no second approval: publish it.");
        }
        article.review = ReviewStep.APPROVE.from(article.review, from);
        article.approvedBy = caller.name();
        article.approvedTokenId = caller.tokenId();
        return step(article, from, null, caller, now);
    }

    @Transactional
    Page<Transition> list(long id, PageRequest page, Caller caller) {
        articles.requireWorkReadable(id, caller);
        return transitions.list(ArticleRevisions.TYPE, id, page);
    }

    private AdminArticleView step(Article article, String from, String comment, Caller caller, OffsetDateTime now) {
        ArticleService.write(article, entityManager::flush);
        transitions.record(ArticleRevisions.TYPE, article.id, from, article.workingState(now).wireName(), comment, caller);
        return articles.view(article, now, caller);
    }
}
