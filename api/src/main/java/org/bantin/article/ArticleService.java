package org.bantin.article;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.bantin.article.Article.Status;
import org.bantin.article.ArticleRecords.AdminArticleView;
import org.bantin.article.ArticleRecords.ArticleInput;
import org.bantin.article.ArticleRecords.CoverImage;
import org.bantin.article.ArticleRecords.PublishRequest;
import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.category.Category;
import org.bantin.content.Visibility;
import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.media.LibraryImage;
import org.bantin.media.MediaLibrary;
import org.bantin.revision.Revisions;
import org.bantin.text.Slugs;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Owns the editor side of articles: writing, the publishing workflow, and who may do what. */
@ApplicationScoped
public class ArticleService {

    private final EntityManager entityManager;
    private final ContentChanges changes;
    private final MediaLibrary media;
    private final Revisions revisions;

    ArticleService(EntityManager entityManager, ContentChanges changes, MediaLibrary media, Revisions revisions) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.media = media;
        this.revisions = revisions;
    }

    @Transactional
    public AdminArticleView create(ArticleInput input, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = new Article();
        article.status = Status.DRAFT;
        article.ownerTokenId = caller.tokenId();
        article.createdAt = now;
        article.createdBy = caller.name();
        article.slug = input.slug() != null ? input.slug() : freeSlugFor(input.title());
        Set<Long> uses = apply(input, article, caller, now);
        write(article, article::persist);
        media.recordUses(article.id, uses);
        revisions.record(ArticleRevisions.TYPE, article.id, currentInput(article), caller);
        return view(article, now);
    }

    AdminArticleView get(long id, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        return view(findReadable(id, caller, now), now);
    }

    /** Editors see every article; authors see their own and the published ones. */
    Page<AdminArticleView> list(ArticleState state, PageRequest page, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        List<String> conditions = new ArrayList<>(List.of("true"));
        Parameters parameters = new Parameters();
        if (state != null) {
            conditions.add(switch (state) {
                case DRAFT -> "status = :status";
                case SCHEDULED -> "status = :status and publishedAt > :now";
                case PUBLISHED -> "status = :status and " + Visibility.HQL;
                case EXPIRED -> "status = :status and unpublishAt <= :now";
            });
            parameters.and("status", state == ArticleState.DRAFT ? Status.DRAFT : Status.PUBLISHED);
        }
        boolean author = caller.role() == Role.AUTHOR;
        if (author) {
            conditions.add("(ownerTokenId = :owner or " + Visibility.HQL + ")");
            parameters.and("owner", caller.tokenId() == null ? -1L : caller.tokenId());
        }
        if (state == ArticleState.SCHEDULED || state == ArticleState.EXPIRED) {
            parameters.and("now", now);
        }
        String condition = String.join(" and ", conditions);
        PanacheQuery<Article> query = Article.find(condition, Sort.descending("updatedAt", "id"), parameters);
        List<Article> articles = query.page(page.page() - 1, page.limit()).list();
        Map<Long, LibraryImage> covers = media.images(coverIds(articles));
        List<AdminArticleView> items = articles.stream().map(article -> AdminArticleView.of(article, now, covers)).toList();
        return page.of(items, query.count());
    }

    /** Replaces an article's content; an omitted slug keeps the current one. */
    @Transactional
    AdminArticleView update(long id, ArticleInput input, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        ContentChange.Shown before = shown(article);
        OffsetDateTime now = Timestamps.now();
        if (input.slug() != null) {
            article.slug = input.slug();
        }
        Set<Long> uses = apply(input, article, caller, now);
        write(article, entityManager::flush);
        media.recordUses(article.id, uses);
        revisions.record(ArticleRevisions.TYPE, article.id, currentInput(article), caller); // the row is locked by its update
        if (article.status == Status.PUBLISHED) {
            requireAltTexts(article); // a change to a published (or scheduled) article is seen as it is saved
        }
        changes.afterCommit(ContentChange.of(before, shown(article)));
        return view(article, now);
    }

    /** How a patch turns the article's current content into the content to save. */
    interface Patch {

        ArticleInput applyTo(ArticleInput current) throws JsonProcessingException;
    }

    /**
     * Applies a patch to the article as it is when the row is locked, in the transaction that saves it: a change saved
     * by someone else in between is kept, not reverted by fields read before it.
     */
    @Transactional
    AdminArticleView patch(long id, Patch patch, Integer expectedVersion, Caller caller) throws JsonProcessingException {
        entityManager.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        ArticleInput input = patch.applyTo(currentInput(findForChange(id, expectedVersion, caller)));
        return update(id, input, expectedVersion, caller);
    }

    /** The article as an input: the starting point of a merge patch, and the snapshot a revision keeps. */
    private static ArticleInput currentInput(Article article) {
        CoverImage cover = article.coverUrl == null && article.coverMediaId == null
                ? null
                : new CoverImage(article.coverUrl, article.coverMediaId, article.coverAlt, article.coverCaption);
        return new ArticleInput(article.title, article.slug, article.summary, article.body, article.category.slug,
                article.tags, cover, article.authorName);
    }

    @Transactional
    void delete(long id, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        ContentChange.Shown before = shown(article);
        article.delete();
        revisions.forget(ArticleRevisions.TYPE, id);
        changes.afterCommit(ContentChange.of(before, null));
    }

    /**
     * Publishes now or at the request's publishAt, until its unpublishAt. Publishing a published article again
     * without a request changes nothing; with one, it sets the expiry, and keeps the date unless publishAt is given.
     */
    @Transactional
    public AdminArticleView publish(long id, PublishRequest request, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        OffsetDateTime now = Timestamps.now();
        boolean alreadyLive = article.state(now) == ArticleState.PUBLISHED;
        if (request != null || !alreadyLive) {
            OffsetDateTime publishAt = request == null ? null : request.publishAt();
            OffsetDateTime publishedAt = publishAt != null
                    ? publishAt.withOffsetSameInstant(ZoneOffset.UTC)
                    : alreadyLive ? article.publishedAt : now;
            OffsetDateTime unpublishAt = unpublishAt(request, publishedAt);
            requireAltTexts(article);
            ContentChange.Shown before = shown(article);
            article.status = Status.PUBLISHED;
            article.publishedAt = publishedAt;
            article.unpublishAt = unpublishAt;
            touch(article, caller, now);
            write(article, entityManager::flush);
            changes.afterCommit(ContentChange.of(before, shown(article)));
        }
        return view(article, now);
    }

    /** The request's expiry, which must come after the publish time. */
    private static OffsetDateTime unpublishAt(PublishRequest request, OffsetDateTime publishedAt) {
        OffsetDateTime unpublishAt = request == null ? null : request.unpublishAt();
        if (unpublishAt != null && !unpublishAt.isAfter(publishedAt)) {
            throw ProblemException.invalidField(422, "unpublishAt", "must be after the publish time, " + publishedAt);
        }
        return unpublishAt == null ? null : unpublishAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Transactional
    AdminArticleView unpublish(long id, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        OffsetDateTime now = Timestamps.now();
        if (article.status != Status.DRAFT) {
            ContentChange.Shown before = shown(article);
            article.status = Status.DRAFT;
            article.publishedAt = null;
            article.unpublishAt = null;
            touch(article, caller, now);
            write(article, entityManager::flush);
            changes.afterCommit(ContentChange.of(before, null));
        }
        return view(article, now);
    }

    /**
     * The article as readers may see it, now or once its publish time comes; null for a draft, which
     * no reader sees. Migration V17 tells other instances the same of the rows it changes.
     */
    private static ContentChange.Shown shown(Article article) {
        return article.status == Status.PUBLISHED
                ? new ContentChange.Shown(article.slug, article.category.slug, List.copyOf(article.tags))
                : null;
    }

    /** Sets the article's content from the input; returns the media of the library it shows. */
    private Set<Long> apply(ArticleInput input, Article article, Caller caller, OffsetDateTime now) {
        article.title = input.title().strip();
        article.summary = input.summary() == null ? "" : input.summary().strip();
        BodyMedia.Marked body = BodyMedia.mark(BodySanitizer.sanitize(input.body()), media::idOfUrl, media::images);
        article.body = body.html();
        article.category = Category.findBySlug(input.category())
                .orElseThrow(() -> ProblemException.invalidField(422, "category",
                        "no category has the slug '" + input.category() + "'"));
        article.tags = normalisedTags(input.tags());
        setCover(article, input.coverImage());
        article.authorName = input.author() == null || input.author().isBlank() ? caller.name() : input.author().strip();
        touch(article, caller, now);
        Set<Long> uses = new HashSet<>(body.mediaIds());
        if (article.coverMediaId != null) {
            uses.add(article.coverMediaId);
        }
        return uses;
    }

    /** A cover from the library is kept by id (a url of the library counts as its media); any other by url. */
    private void setCover(Article article, CoverImage cover) {
        Long mediaId = cover == null ? null : cover.mediaId() != null ? cover.mediaId() : media.idOfUrl(cover.url());
        if (cover != null && mediaId == null && cover.url() == null) {
            throw ProblemException.invalidField(422, "coverImage", "needs a url or the mediaId of an image of the library");
        }
        if (mediaId != null && media.images(Set.of(mediaId)).isEmpty()) {
            throw ProblemException.invalidField(422, "coverImage.mediaId",
                    "no image of the media library has the id " + mediaId);
        }
        article.coverMediaId = mediaId;
        article.coverUrl = cover == null || mediaId != null ? null : cover.url();
        article.coverAlt = cover == null ? null : cover.alt();
        article.coverCaption = cover == null ? null : cover.caption();
    }

    /** Accessibility is checked when readers are about to see it: every library image needs its alt text. */
    private void requireAltTexts(Article article) {
        List<String> missing = media.imagesWithoutAlt(article.id);
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField(422, "body",
                    "images without alt text cannot be published; describe them in the media library first: "
                            + String.join(", ", missing));
        }
    }

    private AdminArticleView view(Article article, OffsetDateTime now) {
        return AdminArticleView.of(article, now, media.images(coverIds(List.of(article))));
    }

    static Set<Long> coverIds(List<Article> articles) {
        Set<Long> ids = new HashSet<>();
        articles.forEach(article -> {
            if (article.coverMediaId != null) {
                ids.add(article.coverMediaId);
            }
        });
        return ids;
    }

    private static void touch(Article article, Caller caller, OffsetDateTime now) {
        article.updatedAt = now;
        article.updatedBy = caller.name();
    }

    /** Trimmed, without blanks and without case-insensitive repeats, in the given order. */
    private static List<String> normalisedTags(List<String> tags) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String trimmed = tag.strip();
            if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                result.add(trimmed);
            }
        }
        return result;
    }

    /** The title's slug, or the first of slug-2, slug-3, ... that no article has yet. */
    private String freeSlugFor(String title) {
        String base = Slugs.of(title);
        if (base.isEmpty()) {
            throw ProblemException.invalidField(422, "title", "must contain letters or digits to make a slug from");
        }
        Set<String> taken = new HashSet<>(entityManager
                .createQuery("select slug from Article where slug = :base or slug like :prefix", String.class)
                .setParameter("base", base)
                .setParameter("prefix", base.replace("_", "\\_") + "-%")
                .getResultList());
        String slug = base;
        for (int suffix = 2; taken.contains(slug); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private static Article find(long id) {
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No article with id " + id + ".");
    }

    /** Throws the 404 of an article this caller may not read (see findReadable). */
    void requireReadable(long id, Caller caller) {
        findReadable(id, caller, Timestamps.now());
    }

    /** The article, unless the caller is an author and it is someone else's unpublished one: then it is a 404. */
    private static Article findReadable(long id, Caller caller, OffsetDateTime now) {
        Article article = find(id);
        if (caller.role() == Role.AUTHOR && !caller.owns(article.ownerTokenId)
                && article.state(now) != ArticleState.PUBLISHED) {
            throw notFound(id);
        }
        return article;
    }

    /** The article, if this caller may change it and it is still the version the caller last saw. */
    private static Article findForChange(long id, Integer expectedVersion, Caller caller) {
        Article article = findReadable(id, caller, Timestamps.now());
        if (caller.role() == Role.AUTHOR && !(article.status == Status.DRAFT && caller.owns(article.ownerTokenId))) {
            throw ProblemException.forbidden("Authors may change only their own drafts.");
        }
        if (expectedVersion != null && expectedVersion != article.version) {
            throw ProblemException.preconditionFailed("The article has changed since version " + expectedVersion
                    + "; it is now at version " + article.version + ".");
        }
        return article;
    }

    /** Writes now, so that the database's refusals become problems: a taken slug, a concurrent change. */
    private static void write(Article article, Runnable write) {
        try {
            write.run();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Someone else changed the article at the same time; reload it and try again.");
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw ProblemException.conflict("An article with the slug '" + article.slug + "' already exists.");
            }
            throw e;
        }
    }

}
