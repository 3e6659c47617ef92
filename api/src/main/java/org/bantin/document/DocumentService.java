package org.bantin.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.content.ContentReview;
import org.bantin.content.ContentReview.Pending;
import org.bantin.content.ContentRevisions;
import org.bantin.content.ContentWorkflow;
import org.bantin.content.Review;
import org.bantin.content.Transitions;
import org.bantin.database.Timestamps;
import org.bantin.document.DocumentLinks.Relations;
import org.bantin.document.DocumentRecords.DocumentInput;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.document.DocumentRecords.Signer;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.revision.Revisions;
import org.bantin.text.Slugs;
import org.bantin.webhook.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.panache.common.Sort;

/**
 * Editors' work on documents, each change in one transaction with its links, its revision, its workflow step and its
 * webhook events, through the content core's review as for articles: authors write drafts and submit them, editors send
 * them back, approve them (where the type needs two editors) and publish them; a change to a published document waits
 * beside it as its pending version until it is published.
 */
@ApplicationScoped
public class DocumentService implements ContentWorkflow<Document, DocumentInput> {

    /** Summary words in a slug after the number: enough to tell documents apart, short enough to read. */
    private static final int SLUG_SUMMARY_WORDS = 12;

    private final EntityManager entityManager;
    private final DocumentLinks links;
    private final DocumentTypes types;
    private final ContentReview review;
    private final ContentRevisions contentRevisions;
    private final Revisions revisions;
    private final Transitions transitions;
    private final Outbox outbox;
    private final ContentChanges changes;
    private final ZoneId zone;

    DocumentService(EntityManager entityManager, DocumentLinks links, DocumentTypes types, ContentReview review,
            ContentRevisions contentRevisions, Revisions revisions, Transitions transitions, Outbox outbox,
            ContentChanges changes, @ConfigProperty(name = "bantin.time-zone") ZoneId zone) {
        this.entityManager = entityManager;
        this.links = links;
        this.types = types;
        this.review = review;
        this.contentRevisions = contentRevisions;
        this.revisions = revisions;
        this.transitions = transitions;
        this.outbox = outbox;
        this.changes = changes;
        this.zone = zone;
    }

    @Override
    public String type() {
        return Document.TYPE;
    }

    @Override
    public String workingState(Document document, OffsetDateTime now) {
        return document.workingState();
    }

    /** Documents of a type that needs it, or published as one (so that the type is not changed to skip it). */
    @Override
    public Optional<String> secondApproval(Document document) {
        String type = review.pending(this, document).map(pending -> pending.input().type()).orElse(document.type);
        boolean needed = types.needsSecondApproval(type) || document.live() && types.needsSecondApproval(document.type);
        return needed ? Optional.of("Documents of the type '" + type + "'") : Optional.empty();
    }

    @Override
    public void write(Document document) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Someone else changed the document at the same time; reload it and try again.");
        }
    }

    @Override
    public void requireWorkReadable(long id, Caller caller) {
        if (!mayReadWork(findReadable(id, caller), caller)) {
            throw notFound(id);
        }
    }

    @Override
    public Class<DocumentInput> inputType() {
        return DocumentInput.class;
    }

    @Override
    public Set<String> richTextFields() {
        return Set.of();
    }

    @Transactional
    public DocumentView create(DocumentInput input, Caller caller) {
        Document document = new Document();
        document.slug = freeSlugFor(input);
        document.ownerTokenId = caller.tokenId();
        document.createdAt = Timestamps.now();
        DocumentInput saved = normalised(input);
        save(document, saved);
        revisions.record(Document.TYPE, document.id, saved, caller);
        return view(document, caller);
    }

    /**
     * Most recently changed first; authors see their own documents and the published ones, of others' only the
     * published version.
     */
    public Page<DocumentView> list(PageRequest page, Caller caller) {
        var query = caller.role() == Role.AUTHOR
                ? Document.<Document>find("published = true or ownerTokenId = ?1", Sort.descending("updatedAt", "id"),
                        caller.tokenId())
                : Document.<Document>findAll(Sort.descending("updatedAt", "id"));
        List<Document> documents = query.page(page.page() - 1, page.limit()).list();
        List<DocumentView> live = views(documents, false);
        List<DocumentView> seen = IntStream.range(0, documents.size())
                .mapToObj(i -> seenBy(documents.get(i), live.get(i), caller)).toList();
        return page.of(seen, query.count());
    }

    public DocumentView get(long id, Caller caller) {
        return view(findReadable(id, caller), caller);
    }

    /**
     * Replaces the document's working copy: a draft is changed itself; a published one keeps what readers see, and
     * the content waits beside it as its pending version until it is published. A change after a first approval needs
     * approving again.
     */
    @Transactional
    public DocumentView update(long id, DocumentInput input, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        DocumentInput saved = normalised(input);
        review.changed(Document.TYPE, document, caller);
        if (document.live()) {
            checkFields(saved);
            links.check(document.id, saved);
            review.savePending(Document.TYPE, document, saved, caller);
            document.updatedAt = Timestamps.now();
            write(document);
        } else {
            save(document, saved);
            revisions.record(Document.TYPE, document.id, saved, caller); // the row is locked by findForChange
        }
        return view(document, caller);
    }

    /** A merge patch of the document as an input. */
    interface Patch {

        DocumentInput applyTo(DocumentInput current) throws JsonProcessingException;
    }

    /** Applies the patch to the working copy as it is once locked, so that no concurrent change is overwritten. */
    @Transactional
    public DocumentView patch(long id, Patch patch, Integer expectedVersion, Caller caller) throws JsonProcessingException {
        Document document = findForChange(id, expectedVersion, caller);
        return update(id, patch.applyTo(currentInput(view(document, caller))), expectedVersion, caller);
    }

    /** Saves the revision's content as the document's, under the same rules as a PUT; that save is a new revision. */
    @Transactional
    public DocumentView restore(long id, long revisionId, Integer expectedVersion, Caller caller) {
        return update(id, contentRevisions.restored(this, id, revisionId, caller), expectedVersion, caller);
    }

    private static DocumentInput currentInput(DocumentView view) {
        return new DocumentInput(view.number(), view.type(), view.issuer(), view.signer(), view.field(), view.issuedAt(),
                view.effectiveAt(), view.expiresAt(), view.summary(),
                view.attachments().stream().map(attachment -> attachment.id()).toList(), ids(view.replaces()),
                ids(view.replacedBy()), ids(view.amends()), ids(view.guides()));
    }

    @Transactional
    public void delete(long id, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        if (caller.role() == Role.AUTHOR && document.live()) {
            throw ProblemException.forbidden("Authors may not delete a published document; an editor may.");
        }
        Map<Long, DocumentStatus> replaced = replacedStatuses(document, null);
        if (document.published) {
            emit("document.deleted", document);
        }
        document.delete();
        review.forget(Document.TYPE, id);
        announceStatusChanges(replaced);
    }

    /**
     * Publishes the working copy (a pending version replaces the published one), whatever its review state, except
     * where the type needs a second approval. Publishing a published document without a pending version changes
     * nothing.
     */
    @Transactional
    public DocumentView publish(long id, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        if (!document.live() || document.pendingRevision != null) {
            String from = document.workingState();
            review.requireSecondApproval(this, document, from, caller);
            Optional<Pending<DocumentInput>> pending = review.pending(this, document);
            Map<Long, DocumentStatus> replaced = replacedStatuses(document,
                    pending.map(Pending::input).orElse(null));
            boolean wasLive = document.live();
            pending.ifPresent(version -> save(document, version.input()));
            document.pendingRevision = null;
            document.published = true;
            if (document.publishedAt == null) {
                document.publishedAt = Timestamps.now();
            }
            document.endReview();
            document.updatedAt = Timestamps.now();
            write(document);
            review.published(Document.TYPE, id, from, document.state(), caller);
            emit(wasLive ? "document.updated" : "document.published", document);
            announceStatusChanges(replaced);
        }
        return view(document, caller);
    }

    /** Takes a published document back to draft; its working copy (a pending version) becomes the document. */
    @Transactional
    public DocumentView unpublish(long id, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        if (document.live()) {
            String from = document.state();
            Map<Long, DocumentStatus> replaced = replacedStatuses(document, null);
            review.pending(this, document).ifPresent(pending -> save(document, pending.input()));
            document.pendingRevision = null;
            document.published = false;
            document.updatedAt = Timestamps.now();
            write(document);
            transitions.record(Document.TYPE, id, from, document.state(), null, caller);
            emit("document.unpublished", document);
            announceStatusChanges(replaced);
        }
        return view(document, caller);
    }

    @Transactional
    public DocumentView submit(long id, Integer expectedVersion, Caller caller) {
        Document document = findLocked(id, caller);
        review.submit(this, document, expectedVersion, caller, Timestamps.now());
        return view(document, caller);
    }

    @Transactional
    public DocumentView requestChanges(long id, String comment, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        review.requestChanges(this, document, comment, caller, Timestamps.now());
        return view(document, caller);
    }

    @Transactional
    public DocumentView approve(long id, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        review.approve(this, document, caller, Timestamps.now());
        return view(document, caller);
    }

    /** Input as it is saved: text trimmed, ids once each. */
    private static DocumentInput normalised(DocumentInput input) {
        Signer signer = input.signer() == null ? new Signer(null, null) : input.signer();
        return new DocumentInput(input.number().strip(), input.type(), text(input.issuer()),
                new Signer(text(signer.name()), text(signer.position())), text(input.field()), input.issuedAt(),
                input.effectiveAt(), input.expiresAt(), text(input.summary()), distinct(input.attachments()),
                distinct(input.replaces()), distinct(input.replacedBy()), distinct(input.amends()),
                distinct(input.guides()));
    }

    /** Refuses a type that is not listed and an expiry before the effective date: a 422 naming the field. */
    private void checkFields(DocumentInput input) {
        List<String> names = types.names();
        if (!names.contains(input.type())) {
            throw ProblemException.invalidField(422, "type", "must be one of " + String.join(", ", names));
        }
        if (input.effectiveAt() != null && input.expiresAt() != null && !input.expiresAt().isAfter(input.effectiveAt())) {
            throw ProblemException.invalidField(422, "expiresAt", "must be after effectiveAt, " + input.effectiveAt());
        }
    }

    /** Sets the document's fields, files and relations from a normalised input. */
    private void save(Document document, DocumentInput input) {
        checkFields(input);
        document.number = input.number();
        document.type = input.type();
        document.issuer = input.issuer();
        document.signerName = input.signer().name();
        document.signerPosition = input.signer().position();
        document.field = input.field();
        document.issuedAt = input.issuedAt();
        document.effectiveAt = input.effectiveAt();
        document.expiresAt = input.expiresAt();
        document.summary = input.summary();
        document.updatedAt = Timestamps.now();
        document.persistAndFlush();
        links.save(document.id, input);
    }

    /**
     * The published documents that this one replaces, and would replace with a pending version's input, with their
     * status now: after the change, those whose status it changed are told of.
     */
    private Map<Long, DocumentStatus> replacedStatuses(Document document, DocumentInput pending) {
        Set<Long> ids = new HashSet<>(links.replaced(document.id));
        if (pending != null) {
            ids.addAll(pending.replaces());
        }
        return links.statuses(ids, today());
    }

    /** Tells webhooks of the published documents whose status the change made different (e.g. now `replaced`). */
    private void announceStatusChanges(Map<Long, DocumentStatus> before) {
        if (before.isEmpty()) {
            return;
        }
        entityManager.flush();
        Map<Long, DocumentStatus> after = links.statuses(before.keySet(), today());
        Document.<Document>list("id in ?1 and published = true", before.keySet()).stream()
                .filter(other -> !Objects.equals(before.get(other.id), after.get(other.id)))
                .forEach(other -> emit("document.updated", other));
    }

    /**
     * Tells webhooks, in the change's transaction, of a change readers see, and drops the cached public responses
     * once it commits: every one, as a document's relations and status show in other documents' responses too.
     */
    private void emit(String type, Document document) {
        outbox.emit(type, Document.TYPE + ":" + document.id,
                Map.of("id", document.id, "slug", document.slug, "number", document.number));
        changes.afterCommit(ContentChange.EVERYTHING);
    }

    /** The document, unless the caller is an author and it is someone else's unpublished one: then it is a 404. */
    private static Document findReadable(long id, Caller caller) {
        return readable(Document.<Document>findByIdOptional(id).orElse(null), id, caller);
    }

    /** The document locked till the end of the transaction, if the caller may read it. */
    private Document findLocked(long id, Caller caller) {
        return readable(entityManager.find(Document.class, id, LockModeType.PESSIMISTIC_WRITE), id, caller);
    }

    private static Document readable(Document document, long id, Caller caller) {
        if (document == null
                || !document.published && caller.role() == Role.AUTHOR && !caller.owns(document.ownerTokenId)) {
            throw notFound(id);
        }
        return document;
    }

    /**
     * The document, locked, if the caller may change it and it is the expected version. Authors change only their own
     * documents, and not while they wait for an editor.
     */
    private Document findForChange(long id, Integer expectedVersion, Caller caller) {
        Document document = findLocked(id, caller);
        if (caller.role() == Role.AUTHOR) {
            if (!caller.owns(document.ownerTokenId)) {
                throw ProblemException.forbidden("Authors may change only their own documents.");
            }
            if (document.review == Review.IN_REVIEW || document.review == Review.APPROVED) {
                String state = document.workingState();
                throw ProblemException.invalidTransition(state, "The document is " + state
                        + ": it waits for an editor, who may publish it or send it back for changes.");
            }
        }
        document.requireVersion(Document.TYPE, expectedVersion);
        return document;
    }

    /** Editors read the work on every document (pending versions, revisions, steps, previews); authors on their own. */
    private static boolean mayReadWork(Document document, Caller caller) {
        return caller.role() != Role.AUTHOR || caller.owns(document.ownerTokenId);
    }

    /** The number and the first words of the summary, made unique with a numeric suffix. */
    private String freeSlugFor(DocumentInput input) {
        String[] words = text(input.summary()).split("\\s+");
        String base = Slugs.of(input.number() + " "
                + String.join(" ", Arrays.copyOf(words, Math.min(words.length, SLUG_SUMMARY_WORDS))));
        if (base.isEmpty()) {
            throw ProblemException.invalidField(422, "number", "must contain letters or digits to make a slug from");
        }
        Set<String> taken = new HashSet<>(entityManager
                .createQuery("select slug from Document where slug = :base or slug like :prefix", String.class)
                .setParameter("base", base).setParameter("prefix", base + "-%").getResultList());
        return Slugs.firstFree(base, taken);
    }

    /** What the caller sees of a document: its working copy with the work on it, or (to other authors) the live one. */
    DocumentView view(Document document, Caller caller) {
        return seenBy(document, views(List.of(document), false).get(0), caller);
    }

    private DocumentView seenBy(Document document, DocumentView live, Caller caller) {
        if (!mayReadWork(document, caller)) {
            return live;
        }
        return review.pending(this, document).map(pending -> pendingView(document, pending.input())).orElse(live)
                .withWork(document);
    }

    /** A document as its working copy would be published: its pending version, or itself. */
    DocumentView working(Document document) {
        return review.pending(this, document).map(pending -> pendingView(document, pending.input()))
                .orElseGet(() -> views(List.of(document), true).get(0));
    }

    /** A published document's pending version, as it would be once published (its status from its dates). */
    private DocumentView pendingView(Document document, DocumentInput input) {
        Relations related = links.pendingRelations(document.id, input);
        DocumentStatus status = links.status(document.id, input.effectiveAt(), input.expiresAt(), today());
        return new DocumentView(document.id, document.slug, input.number(), input.type(), input.issuer(), input.signer(),
                input.field(), input.issuedAt(), input.effectiveAt(), input.expiresAt(), input.summary(),
                links.files(input.attachments()), related.named("replaces"), related.named("replacedBy"),
                related.named("amends"), related.named("amendedBy"), related.named("guides"), related.named("guidedBy"),
                status.wireName, status.label, document.state(), document.publishedAt, document.version, null, null, null,
                null);
    }

    /** The views of a page of documents as stored (readers' version), their links read in one query each. */
    List<DocumentView> views(List<Document> documents, boolean onlyPublished) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<Long> ids = documents.stream().map(document -> document.id).toList();
        var attachments = links.attachments(ids);
        Map<Long, Relations> relations = links.relations(ids, onlyPublished);
        Map<Long, DocumentStatus> statuses = links.statuses(ids, today());
        return documents.stream().map(document -> {
            Relations related = relations.get(document.id);
            DocumentStatus status = statuses.get(document.id);
            return new DocumentView(document.id, document.slug, document.number, document.type, document.issuer,
                    new Signer(document.signerName, document.signerPosition), document.field, document.issuedAt,
                    document.effectiveAt, document.expiresAt, document.summary,
                    attachments.getOrDefault(document.id, List.of()), related.named("replaces"),
                    related.named("replacedBy"), related.named("amends"), related.named("amendedBy"),
                    related.named("guides"), related.named("guidedBy"), status.wireName, status.label,
                    document.state(), document.publishedAt, document.version, null, null, null, null);
        }).toList();
    }

    /** Today where the site is: the day a document's dates are compared with. */
    LocalDate today() {
        return LocalDate.now(zone);
    }

    private static List<Long> ids(List<DocumentRecords.Related> related) {
        return related.stream().map(DocumentRecords.Related::id).toList();
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No document with id " + id + ".");
    }
}
