package org.bantin.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.bantin.category.Category;
import org.bantin.content.Visibility;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A news article: a draft, or published from {@link #publishedAt} on (until {@link #unpublishAt}, when set). */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

    /** Stored status; "scheduled" is not stored but read off a publish time still in the future. */
    public enum Status {
        DRAFT, PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    /** The token that created the article; authors may change only their own drafts. */
    @Column(name = "owner_token_id")
    public Long ownerTokenId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public int version;

    public ArticleState state(OffsetDateTime now) {
        if (status == Status.DRAFT) {
            return ArticleState.DRAFT;
        }
        if (Visibility.visible(status == Status.PUBLISHED, publishedAt, unpublishAt, now)) {
            return ArticleState.PUBLISHED;
        }
        return publishedAt.isAfter(now) ? ArticleState.SCHEDULED : ArticleState.EXPIRED;
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
