package org.bantin.article;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.bantin.content.ContentReview;
import org.bantin.content.ContentRevisions;
import org.bantin.content.ContentWorkflow;
import org.bantin.content.Review;
import org.bantin.content.Transitions;
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
import org.bantin.settings.SiteSettings;
import org.bantin.text.Slugs;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Owns the editor side of articles: writing, the publishing workflow, and who may do what. */
@ApplicationScoped
public class ArticleService implements ContentWorkflow<Article, ArticleInput> {

    private static final Set<String> RICH_TEXT = Set.of("body");

    private final EntityManager entityManager;
    private final ContentChanges changes;
    private final MediaLibrary media;
    private final Revisions revisions;
    private final ContentReview review;
    private final ContentRevisions contentRevisions;
    private final Transitions transitions;
    private final SiteSettings settings;
    private final ArticleEvents events;

    ArticleService(EntityManager entityManager, ContentChanges changes, MediaLibrary media, Revisions revisions,
            ContentReview review, ContentRevisions contentRevisions, Transitions transitions, SiteSettings settings,
            ArticleEvents events) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.media = media;
        this.revisions = revisions;
        this.review = review;
        this.contentRevisions = contentRevisions;
        this.transitions = transitions;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public String type() {
        return Article.TYPE;
    }

    @Override
    public String workingState(Article article, OffsetDateTime now) {
        return article.workingState(now).wireName();
    }

    @Override
    public Class<ArticleInput> inputType() {
        return ArticleInput.class;
    }

    @Override
    public Set<String> richTextFields() {
        return RICH_TEXT;
    }

    @Override
    public void write(Article article) {
        write(article, entityManager::flush);
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
        revisions.record(Article.TYPE, article.id, currentInput(article), caller);
        return view(article, now, caller);
    }

    AdminArticleView get(long id, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        return view(findReadable(id, caller, now), now, caller);
    }

    /**
     * Editors see every article; authors see their own and the published ones. Most recently changed first; what
     * waits for review (in_review, approved; pending versions of live articles included) oldest submission first.
     */
    Page<AdminArticleView> list(ArticleState state, PageRequest page, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        List<String> conditions = new ArrayList<>(List.of("true"));
        Parameters parameters = new Parameters();
        if (state != null) {
            conditions.add(switch (state) {
                case DRAFT -> "status = :draft and review = :review";
                case IN_REVIEW, CHANGES_REQUESTED, APPROVED -> "review = :review";
                case SCHEDULED -> "status = :live and publishedAt > :now";
                case PUBLISHED -> "status = :live and " + Visibility.HQL;
                case EXPIRED -> "status = :live and unpublishAt <= :now";
            });
            switch (state) {
                case DRAFT -> parameters.and("draft", Status.DRAFT).and("review", Review.NONE);
                case IN_REVIEW -> parameters.and("review", Review.IN_REVIEW);
                case CHANGES_REQUESTED -> parameters.and("review", Review.CHANGES_REQUESTED);
                case APPROVED -> parameters.and("review", Review.APPROVED);
                case SCHEDULED, PUBLISHED, EXPIRED -> parameters.and("live", Status.PUBLISHED);
            }
        }
        boolean author = caller.role() == Role.AUTHOR;
        if (author) {
            // In review states, an author's own articles: of others' they see only the live versions.
            conditions.add(state == ArticleState.IN_REVIEW || state == ArticleState.CHANGES_REQUESTED
                    || state == ArticleState.APPROVED
                            ? "ownerTokenId = :owner"
                            : "(ownerTokenId = :owner or " + Visibility.HQL + ")");
            parameters.and("owner", caller.tokenId() == null ? -1L : caller.tokenId());
        }
        if (state == ArticleState.SCHEDULED || state == ArticleState.EXPIRED) {
            parameters.and("now", now);
        }
        String condition = String.join(" and ", conditions);
        Sort order = state == ArticleState.IN_REVIEW || state == ArticleState.APPROVED
                ? Sort.ascending("submittedAt", "id")
                : Sort.descending("updatedAt", "id");
        PanacheQuery<Article> query = Article.find(condition, order, parameters);
        List<Article> seen = query.page(page.page() - 1, page.limit()).list().stream()
                .map(article -> seenBy(article, caller)).toList();
        Map<Long, LibraryImage> covers = media.images(coverIds(seen));
        List<AdminArticleView> items = seen.stream().map(article -> AdminArticleView.of(article, now, covers)).toList();
        return page.of(items, query.count());
    }

    /**
     * Replaces the content of an article's working copy; an omitted slug keeps the current one. An article that is
     * not live is changed itself; a live one keeps what readers see, and the content waits beside it as its pending
     * version until it is published. Content changed after a first approval needs approving again.
     */
    @Transactional
    AdminArticleView update(long id, ArticleInput input, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        // Locked, a version changed meanwhile is refused here, and the revision is numbered after the last.
        write(article, () -> entityManager.lock(article, LockModeType.PESSIMISTIC_WRITE));
        OffsetDateTime now = Timestamps.now();
        review.changed(Article.TYPE, article, caller);
        if (article.live()) {
            savePending(article, input, caller, now);
        } else {
            Set<Long> uses = apply(input, article, caller, now);
            if (input.slug() != null) {
                article.slug = input.slug(); // after apply's queries, so that a taken slug is found by write: a 409
            }
            write(article, entityManager::flush);
            media.recordUses(article.id, uses);
            revisions.record(Article.TYPE, article.id, currentInput(article), caller); // the row is locked by its update
        }
        return view(article, now, caller);
    }

    /** The pending version of a live article is a revision; the article only points to it. */
    private void savePending(Article article, ArticleInput input, Caller caller, OffsetDateTime now) {
        Article pending = article.pendingRevision == null ? article.copy() : working(article);
        if (input.slug() != null) {
            pending.slug = input.slug();
            requireFreeSlug(pending.slug, article.id); // the unique key checks it only once it is published
        }
        Set<Long> uses = apply(input, pending, caller, now);
        uses.addAll(BodyMedia.shownBy(article)); // the live version still shows its own
        review.savePending(Article.TYPE, article, currentInput(pending), caller);
        write(article, entityManager::flush);
        media.recordUses(article.id, uses);
    }

    private static void requireFreeSlug(String slug, long id) {
        if (Article.count("slug = ?1 and id <> ?2", slug, id) > 0) {
            throw takenSlug(slug);
        }
    }

    /**
     * The version editors work on: the article itself, or an unmanaged copy of it showing its pending version (with
     * who saved that and when as its last change).
     */
    Article working(Article article) {
        ContentReview.Pending<ArticleInput> pending = review.pending(this, article).orElse(null);
        if (pending == null) {
            return article;
        }
        ArticleInput input = pending.input();
        Article copy = article.copy();
        copy.slug = input.slug();
        copy.title = input.title();
        copy.summary = input.summary();
        copy.body = input.body();
        // A category deleted or renamed since (a pending version keeps its slug) shows the live one here; publishing
        // the version is then refused (422) until it names one that exists.
        copy.category = Category.findBySlug(input.category()).orElse(article.category);
        copy.tags = input.tags();
        CoverImage cover = input.coverImage();
        copy.coverUrl = cover == null ? null : cover.url();
        copy.coverMediaId = cover == null ? null : cover.mediaId();
        copy.coverAlt = cover == null ? null : cover.alt();
        copy.coverCaption = cover == null ? null : cover.caption();
        copy.authorName = input.author();
        copy.updatedAt = pending.savedAt();
        copy.updatedBy = pending.savedBy();
        return copy;
    }

    /** Saves the revision's content as the article's, under the same rules as a PUT; that save is a new revision. */
    @Transactional
    AdminArticleView restore(long id, long revisionId, Integer expectedVersion, Caller caller) {
        return update(id, contentRevisions.restored(this, id, revisionId, caller), expectedVersion, caller);
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
        ArticleInput input = patch.applyTo(currentInput(working(findForChange(id, expectedVersion, caller))));
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
        if (caller.role() == Role.AUTHOR && article.live()) {
            throw ProblemException.forbidden("Authors may not delete a published or scheduled article; an editor may.");
        }
        ContentChange.Shown before = shown(article);
        events.deleted(article);
        article.delete();
        review.forget(Article.TYPE, id);
        changes.afterCommit(ContentChange.of(before, null));
    }

    /**
     * Publishes the working copy (a pending version replaces the live one) now or at the request's publishAt, until
     * its unpublishAt, whatever its review state: editors may publish directly. Without a request, a live (published
     * or scheduled) article keeps its dates and an expired one is published again now, without an expiry; publishing
     * a live article so without a pending version changes nothing. With a request, a live or expired article keeps
     * its date unless publishAt is given, and takes the request's expiry (none without unpublishAt).
     */
    @Transactional
    public AdminArticleView publish(long id, PublishRequest request, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        OffsetDateTime now = Timestamps.now();
        ArticleState state = article.state(now);
        boolean keepsDates = state == ArticleState.PUBLISHED || state == ArticleState.SCHEDULED;
        if (request != null || !keepsDates || article.pendingRevision != null) {
            String from = article.workingState(now).wireName();
            if (!article.live() || article.pendingRevision != null) {
                review.requireSecondApproval(this, article, from, caller);
            }
            OffsetDateTime publishAt = request == null ? null : request.publishAt();
            // Without a body an expired article is published again now; with one, it keeps its date like a live one.
            boolean keepsDate = keepsDates || state == ArticleState.EXPIRED && request != null;
            OffsetDateTime publishedAt = publishAt != null
                    ? publishAt.withOffsetSameInstant(ZoneOffset.UTC)
                    : keepsDate ? article.publishedAt : now;
            OffsetDateTime unpublishAt = request != null
                    ? unpublishAt(request, publishedAt)
                    : keepsDates ? article.unpublishAt : null;
            ContentChange.Shown before = shown(article);
            takePending(article, caller, now);
            requireAltTexts(article);
            article.status = Status.PUBLISHED;
            article.publishedAt = publishedAt;
            article.unpublishAt = unpublishAt;
            article.endReview();
            touch(article, caller, now);
            write(article, entityManager::flush);
            review.published(Article.TYPE, id, from, article.state(now).wireName(), caller);
            events.published(article, before, now);
            changes.afterCommit(ContentChange.of(before, shown(article)));
        }
        return view(article, now, caller);
    }

    /**
     * Where a first editor must approve the working copy before a second one publishes it: its category, or the live
     * version's (so that it is not moved out to skip it), needs it.
     */
    @Override
    public Optional<String> secondApproval(Article article) {
        Article working = working(article); // its pending version is read once
        boolean needed = settings.requiresSecondApproval(working.category.id)
                || article.live() && settings.requiresSecondApproval(article.category.id);
        return needed ? Optional.of("Articles of '" + working.category.name + "'") : Optional.empty();
    }

    /** Makes a pending version the article's own content (it is being published or taken back to a draft). */
    private void takePending(Article article, Caller caller, OffsetDateTime now) {
        if (article.pendingRevision == null) {
            return;
        }
        ArticleInput pending = currentInput(working(article));
        Set<Long> uses = apply(pending, article, caller, now);
        article.slug = pending.slug();
        article.pendingRevision = null;
        write(article, entityManager::flush); // a slug taken since is a 409
        media.recordUses(article.id, uses);
    }

    /** The request's expiry, which must come after the publish time. */
    private static OffsetDateTime unpublishAt(PublishRequest request, OffsetDateTime publishedAt) {
        OffsetDateTime unpublishAt = request.unpublishAt();
        if (unpublishAt != null && !unpublishAt.isAfter(publishedAt)) {
            throw ProblemException.invalidField(422, "unpublishAt", "must be after the publish time, " + publishedAt);
        }
        return unpublishAt == null ? null : unpublishAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Takes a live article back out of readers' sight; its working copy (a pending version) becomes the article. */
    @Transactional
    AdminArticleView unpublish(long id, Integer expectedVersion, Caller caller) {
        Article article = findForChange(id, expectedVersion, caller);
        OffsetDateTime now = Timestamps.now();
        if (article.live()) {
            String from = article.state(now).wireName();
            ContentChange.Shown before = shown(article);
            takePending(article, caller, now);
            article.status = Status.DRAFT;
            article.publishedAt = null;
            article.unpublishAt = null;
            touch(article, caller, now);
            write(article, entityManager::flush);
            transitions.record(Article.TYPE, id, from, article.state(now).wireName(), null, caller);
            events.unpublished(article, before);
            changes.afterCommit(ContentChange.of(before, null));
        }
        return view(article, now, caller);
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

    AdminArticleView view(Article article, OffsetDateTime now, Caller caller) {
        Article seen = seenBy(article, caller);
        return AdminArticleView.of(seen, now, media.images(coverIds(List.of(seen))));
    }

    /**
     * What the caller sees of an article: its working copy; but of someone else's live article an author sees only
     * the live version, without the work in progress on it (pending version, review).
     */
    private Article seenBy(Article article, Caller caller) {
        return mayReadWork(article, caller) ? working(article) : article.liveVersion();
    }

    /** Editors read the work on every article (pending versions, revisions, steps, previews); authors on their own. */
    private static boolean mayReadWork(Article article, Caller caller) {
        return caller.role() != Role.AUTHOR || caller.owns(article.ownerTokenId);
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
        return Slugs.firstFree(base, taken);
    }

    private static Article find(long id) {
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No article with id " + id + ".");
    }

    @Override
    public void requireWorkReadable(long id, Caller caller) {
        if (!mayReadWork(findReadable(id, caller, Timestamps.now()), caller)) {
            throw notFound(id);
        }
    }

    /** The article, unless the caller is an author and it is someone else's unpublished one: then it is a 404. */
    static Article findReadable(long id, Caller caller, OffsetDateTime now) {
        Article article = find(id);
        if (caller.role() == Role.AUTHOR && !caller.owns(article.ownerTokenId)
                && article.state(now) != ArticleState.PUBLISHED) {
            throw notFound(id);
        }
        return article;
    }

    /**
     * The article, if this caller may change it and it is still the version the caller last saw. Authors change
     * only their own articles, and not while they wait for review.
     */
    static Article findForChange(long id, Integer expectedVersion, Caller caller) {
        OffsetDateTime now = Timestamps.now();
        Article article = findReadable(id, caller, now);
        if (caller.role() == Role.AUTHOR) {
            if (!caller.owns(article.ownerTokenId)) {
                throw ProblemException.forbidden("Authors may change only their own articles.");
            }
            if (article.review == Review.IN_REVIEW || article.review == Review.APPROVED) {
                String state = article.workingState(now).wireName();
                throw ProblemException.invalidTransition(state, "The article is " + state
                        + ": it waits for an editor, who may publish it or send it back for changes.");
            }
        }
        article.requireVersion(Article.TYPE, expectedVersion);
        return article;
    }

    /** Writes now, so that the database's refusals become problems: a taken slug, a concurrent change. */
    static void write(Article article, Runnable write) {
        try {
            write.run();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Someone else changed the article at the same time; reload it and try again.");
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw takenSlug(article.slug);
            }
            throw e;
        }
    }

    private static ProblemException takenSlug(String slug) {
        return ProblemException.conflict("An article with the slug '" + slug + "' already exists.");
    }

}
