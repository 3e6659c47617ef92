package org.bantin.article;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bantin.article.ArticleRecords.AdminArticleView;
import org.bantin.article.ArticleRecords.ArticleInput;
import org.bantin.auth.Caller;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.revision.RevisionRecords.RevisionDiff;
import org.bantin.revision.RevisionRecords.RevisionSummary;
import org.bantin.revision.RevisionRecords.RevisionView;
import org.bantin.revision.Revisions;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An article's revisions, read with the article's read rights and restored through its normal update. */
@ApplicationScoped
class ArticleRevisions {

    static final String TYPE = "article";
    private static final Set<String> RICH_TEXT = Set.of("body");

    private final ArticleService articles;
    private final Revisions revisions;
    private final ObjectMapper json;

    ArticleRevisions(ArticleService articles, Revisions revisions, ObjectMapper json) {
        this.articles = articles;
        this.revisions = revisions;
        this.json = json;
    }

    @Transactional
    Page<RevisionSummary> list(long id, PageRequest page, Caller caller) {
        articles.requireWorkReadable(id, caller);
        return revisions.list(TYPE, id, page);
    }

    @Transactional
    RevisionView get(long id, long revisionId, Caller caller) {
        articles.requireWorkReadable(id, caller);
        return revisions.get(TYPE, id, revisionId);
    }

    @Transactional
    RevisionDiff diff(long id, long a, long b, Caller caller) {
        articles.requireWorkReadable(id, caller);
        return revisions.diff(TYPE, id, a, b, RICH_TEXT);
    }

    /** Saves the revision's content as the article's, under the same rules as a PUT; that save is a new revision. */
    @Transactional
    AdminArticleView restore(long id, long revisionId, Integer expectedVersion, Caller caller) {
        articles.requireWorkReadable(id, caller);
        ArticleInput saved = json.convertValue(revisions.get(TYPE, id, revisionId).data(), ArticleInput.class);
        return articles.update(id, saved, expectedVersion, caller);
    }
}
