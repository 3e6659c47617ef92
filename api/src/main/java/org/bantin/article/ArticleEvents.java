package org.bantin.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.content.Visibility;
import org.bantin.http.ContentChange;
import org.bantin.webhook.Outbox;

/**
 * What webhooks are told of articles: only what readers see, since receivers fetch the public article when told. An
 * article becomes visible (article.published), changes while visible (article.updated), stops being visible
 * (article.unpublished) or is deleted while visible (article.deleted). The column articles.announced keeps whether
 * receivers were last told it is visible: an editor's change sets it in its own transaction, and the coming of a
 * publish time or an expiry, which changes no row, is announced by the first instance to look (announceDue). Each
 * is told once, in the transaction that sets the column, while the row is locked.
 */
@ApplicationScoped
class ArticleEvents {

    /** Names the look's transaction in pg_stat_activity, for operators (and tests) who tell it from readers' reads. */
    private static final String APPLICATION_NAME = "bantin-due-articles";

    /**
     * Articles readers see that receivers were not told of, by the database's clock, which decides what readers see.
     * A row another transaction holds is skipped: it is being changed, and its change decides or the next look does.
     */
    private static final String APPEARED = """
            WITH due AS (SELECT id FROM articles a WHERE NOT a.announced AND %s FOR UPDATE SKIP LOCKED)
            UPDATE articles SET announced = true FROM due WHERE articles.id = due.id RETURNING articles.id"""
            .formatted(Visibility.sql("a"));
    /**
     * Announced articles whose expiry came. Only an expiry: a publish time just written by an instance whose clock runs
     * a little ahead of the database's would otherwise read as "not visible" for a moment, and be withdrawn.
     */
    private static final String EXPIRED = """
            WITH due AS (SELECT id FROM articles WHERE announced AND unpublish_at <= now() FOR UPDATE SKIP LOCKED)
            UPDATE articles SET announced = false FROM due WHERE articles.id = due.id RETURNING articles.id""";

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DataSource dataSource;

    ArticleEvents(Outbox outbox, EntityManager entityManager, DataSource dataSource) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /**
     * Published (the row written): article.published if readers see it now and receivers did not know it,
     * article.updated if they did; nothing for a scheduled article until its time comes; article.unpublished for an
     * announced one that readers no longer see (published again with a later date or a past expiry).
     */
    void published(Article article, ContentChange.Shown before, OffsetDateTime now) {
        boolean visible = Visibility.visible(article.status == Article.Status.PUBLISHED, article.publishedAt,
                article.unpublishAt, now);
        boolean announced = announce(article, visible);
        if (visible) {
            emit(announced ? "article.updated" : "article.published", article, before);
        } else if (announced) {
            emit("article.unpublished", article, before);
        }
    }

    /** Unpublished (the row written): said only of an article receivers were told of. */
    void unpublished(Article article, ContentChange.Shown before) {
        if (announce(article, false)) {
            emit("article.unpublished", article, before);
        }
    }

    /** To be deleted (called before the row goes): said only of an article receivers were told of. */
    void deleted(Article article) {
        if (announced(article)) {
            emit("article.deleted", article, null);
        }
    }

    /**
     * Tells of the articles whose publish time or expiry came (by now, however long ago: a moment that no instance was
     * running for is caught up); run concurrently by every instance, each article is told of once. The look is plain
     * JDBC on the transaction's own connection: run every second, it stays out of the ORM's statement counts, which
     * measure the readers' reads.
     */
    @Transactional(rollbackOn = SQLException.class)
    void announceDue() throws SQLException {
        List<Article> appeared;
        List<Article> expired;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement name = connection.prepareStatement("SELECT set_config('application_name', ?, true)")) {
                name.setString(1, APPLICATION_NAME);
                name.execute();
            }
            appeared = changed(connection, APPEARED);
            expired = changed(connection, EXPIRED);
        }
        appeared.forEach(article -> emit("article.published", article, null));
        expired.forEach(article -> emit("article.unpublished", article, null));
    }

    private static List<Article> changed(Connection connection, String update) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(update); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids.isEmpty()
                ? List.of()
                : Article.listWithCategory(ids).stream().sorted(Comparator.comparing(article -> article.id)).toList();
    }

    /**
     * Whether receivers were told the article is visible, now set to whether they will have been once this transaction
     * commits: no look announces the article again meanwhile, nor misses it.
     */
    private boolean announce(Article article, boolean visible) {
        boolean announced = announced(article);
        if (announced != visible) {
            entityManager.createNativeQuery("UPDATE articles SET announced = ?2 WHERE id = ?1")
                    .setParameter(1, article.id).setParameter(2, visible).executeUpdate();
        }
        return announced;
    }

    /** Read under the row's lock, as the last look or change committed it. */
    private boolean announced(Article article) {
        return (Boolean) entityManager.createNativeQuery("SELECT announced FROM articles WHERE id = ?1 FOR UPDATE")
                .setParameter(1, article.id).getSingleResult();
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
