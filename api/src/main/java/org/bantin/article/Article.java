package org.bantin.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.bantin.category.Category;
import org.bantin.content.ReviewedContent;
import org.bantin.content.Visibility;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A news article: a draft, or published from {@link #publishedAt} on (until {@link #unpublishAt}, when set). */
@Entity
@Table(name = "articles")
public class Article extends ReviewedContent {

    /** Stored status; "scheduled" is not stored but read off a publish time still in the future. */
    public enum Status {
        DRAFT, PUBLISHED
    }

    /** The content type of articles in the tables shared by every content type. */
    public static final String TYPE = "article";

    public String slug;

    public String title;

    public String summary;

    /** Sanitised HTML. */
    public String body;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;

    @Column(name = "cover_url")
    public String coverUrl;

    /** A cover from the media library (then coverUrl is null). */
    @Column(name = "cover_media_id")
    public Long coverMediaId;

    @Column(name = "cover_alt")
    public String coverAlt;

    @Column(name = "cover_caption")
    public String coverCaption;

    @Column(name = "author_name")
    public String authorName;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** When readers stop seeing a published article (it has expired); null: never. */
    @Column(name = "unpublish_at")
    public OffsetDateTime unpublishAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The state editors see: of the article until it is live (its review state), then of the live version. */
    public ArticleState state(OffsetDateTime now) {
        if (status == Status.DRAFT) {
            return ArticleState.of(review);
        }
        if (Visibility.visible(status == Status.PUBLISHED, publishedAt, unpublishAt, now)) {
            return ArticleState.PUBLISHED;
        }
        return publishedAt.isAfter(now) ? ArticleState.SCHEDULED : ArticleState.EXPIRED;
    }

    /** The state of the version editors work on: the pending one if there is one. */
    public ArticleState workingState(OffsetDateTime now) {
        return pendingRevision != null ? ArticleState.of(review) : state(now);
    }

    /** Whether readers see this article now or once its publish time comes; its edits then wait beside it. */
    @Override
    public boolean live() {
        return status == Status.PUBLISHED;
    }

    /** An unmanaged copy, to show another version of the article without changing it. */
    Article copy() {
        Article copy = new Article();
        copyWorkTo(copy);
        copy.slug = slug;
        copy.title = title;
        copy.summary = summary;
        copy.body = body;
        copy.category = category;
        copy.tags = tags;
        copy.coverUrl = coverUrl;
        copy.coverMediaId = coverMediaId;
        copy.coverAlt = coverAlt;
        copy.coverCaption = coverCaption;
        copy.authorName = authorName;
        copy.status = status;
        copy.publishedAt = publishedAt;
        copy.unpublishAt = unpublishAt;
        copy.createdAt = createdAt;
        copy.createdBy = createdBy;
        copy.updatedAt = updatedAt;
        copy.updatedBy = updatedBy;
        return copy;
    }

    /** An unmanaged copy of the live version alone, without the work in progress on it (pending version, review). */
    Article liveVersion() {
        Article live = copy();
        live.pendingRevision = null;
        live.endReview();
        return live;
    }

    /** A published article (due, scheduled or expired: see state), with its category loaded. */
    public static Optional<Article> findPublishedBySlug(String slug) {
        return find("from Article a join fetch a.category where a.slug = ?1 and a.status = ?2", slug, Status.PUBLISHED)
                .firstResultOptional();
    }

    public static List<Article> listWithCategory(List<Long> ids) {
        return list("from Article a join fetch a.category where a.id in ?1", ids);
    }
}
