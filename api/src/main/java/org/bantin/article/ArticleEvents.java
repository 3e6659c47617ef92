package org.bantin.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.http.ContentChange;
import org.bantin.webhook.Outbox;

/**
 * What webhooks are told of articles, in the transaction of the change: only of articles readers may see (live ones,
 * scheduled included), so a change to a draft says nothing.
 */
@ApplicationScoped
class ArticleEvents {

    private final Outbox outbox;

    ArticleEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Published: article.published if it was not live before, else article.updated. */
    void published(Article article, ContentChange.Shown before) {
        emit(before == null ? "article.published" : "article.updated", article, before);
    }

    void unpublished(Article article, ContentChange.Shown before) {
        emit("article.unpublished", article, before);
    }

    /** Deleted: said only of an article that was live. */
    void deleted(Article article, ContentChange.Shown before) {
        if (before != null) {
            emit("article.deleted", article, before);
        }
    }

    private void emit(String type, Article article, ContentChange.Shown before) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", article.id);
        data.put("slug", article.slug);
        data.put("category", article.category.slug);
        data.put("tags", List.copyOf(article.tags));
        if (before != null && !before.slug().equals(article.slug)) {
            data.put("previousSlug", before.slug());
        }
        outbox.emit(type, "article:" + article.id, data);
    }
}
