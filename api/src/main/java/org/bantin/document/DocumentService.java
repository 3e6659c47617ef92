package org.bantin.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
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
import org.bantin.text.Slugs;
import org.bantin.webhook.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.panache.common.Sort;

/**
 * Editors' work on documents, each change in one transaction with its links, its workflow step and its webhook event. Roles as for
 * articles: authors write drafts and change or delete only their own drafts; editors publish, unpublish and change
 * anything.
 */
@ApplicationScoped
public class DocumentService {

    /** Summary words in a slug after the number: enough to tell documents apart, short enough to read. */
    private static final int SLUG_SUMMARY_WORDS = 12;

    private final EntityManager entityManager;
    private final DocumentLinks links;
    private final Transitions transitions;
    private final Outbox outbox;
    private final ContentChanges changes;
    private final ZoneId zone;

    DocumentService(EntityManager entityManager, DocumentLinks links, Transitions transitions, Outbox outbox,
            ContentChanges changes, @ConfigProperty(name = "bantin.time-zone") ZoneId zone) {
        this.entityManager = entityManager;
        this.links = links;
        this.transitions = transitions;
        this.outbox = outbox;
        this.changes = changes;
        this.zone = zone;
    }

    @Transactional
    public DocumentView create(DocumentInput input, Caller caller) {
        Document document = new Document();
        document.slug = freeSlugFor(input);
        document.ownerTokenId = caller.tokenId();
        document.createdAt = Timestamps.now();
        save(document, input);
        return view(document, false);
    }

    /** Most recently changed first; authors see their own documents and the published ones. */
    public Page<DocumentView> list(PageRequest page, Caller caller) {
        var query = caller.role() == Role.AUTHOR
                ? Document.<Document>find("published = true or ownerTokenId = ?1", Sort.descending("updatedAt", "id"),
                        caller.tokenId())
                : Document.<Document>findAll(Sort.descending("updatedAt", "id"));
        List<Document> documents = query.page(page.page() - 1, page.limit()).list();
        return page.of(views(documents, false), query.count());
    }

    public DocumentView get(long id, Caller caller) {
        Document document = find(id);
        if (!document.published && caller.role() == Role.AUTHOR && !caller.owns(document.ownerTokenId)) {
            throw notFound(id);
        }
        return view(document, false);
    }

    @Transactional
    public DocumentView update(long id, DocumentInput input, Integer expectedVersion, Caller caller) {
        return replace(findForChange(id, expectedVersion, caller), input);
    }

    /** A merge patch of the document as an input. */
    interface Patch {

        DocumentInput applyTo(DocumentInput current) throws JsonProcessingException;
    }

    /** Applies the patch to the document as it is once locked, so that no concurrent change is overwritten. */
    @Transactional
    public DocumentView patch(long id, Patch patch, Integer expectedVersion, Caller caller) throws JsonProcessingException {
        Document document = findForChange(id, expectedVersion, caller);
        return replace(document, patch.applyTo(currentInput(view(document, false))));
    }

    private DocumentView replace(Document document, DocumentInput input) {
        save(document, input);
        if (document.published) {
            emit("document.updated", document);
        }
        return view(document, false);
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
        if (document.published) {
            emit("document.deleted", document);
        }
        document.delete();
        transitions.forget(Document.TYPE, id);
    }

    @Transactional
    public DocumentView publish(long id, Integer expectedVersion, Caller caller) {
        return moveTo(true, id, expectedVersion, caller);
    }

    @Transactional
    public DocumentView unpublish(long id, Integer expectedVersion, Caller caller) {
        return moveTo(false, id, expectedVersion, caller);
    }

    /** Publishing a published document (or unpublishing a draft) changes nothing and records no step. */
    private DocumentView moveTo(boolean published, long id, Integer expectedVersion, Caller caller) {
        Document document = findForChange(id, expectedVersion, caller);
        if (document.published != published) {
            String from = document.state();
            document.published = published;
            if (published && document.publishedAt == null) {
                document.publishedAt = Timestamps.now();
            }
            document.updatedAt = Timestamps.now();
            transitions.record(Document.TYPE, id, from, document.state(), null, caller);
            emit(published ? "document.published" : "document.unpublished", document);
        }
        return view(document, false);
    }

    private void save(Document document, DocumentInput input) {
        List<String> types = links.types();
        if (!types.contains(input.type())) {
            throw ProblemException.invalidField(422, "type", "must be one of " + String.join(", ", types));
        }
        if (input.effectiveAt() != null && input.expiresAt() != null && !input.expiresAt().isAfter(input.effectiveAt())) {
            throw ProblemException.invalidField(422, "expiresAt", "must be after effectiveAt, " + input.effectiveAt());
        }
        Signer signer = input.signer() == null ? new Signer(null, null) : input.signer();
        document.number = input.number().strip();
        document.type = input.type();
        document.issuer = text(input.issuer());
        document.signerName = text(signer.name());
        document.signerPosition = text(signer.position());
        document.field = text(input.field());
        document.issuedAt = input.issuedAt();
        document.effectiveAt = input.effectiveAt();
        document.expiresAt = input.expiresAt();
        document.summary = text(input.summary());
        document.updatedAt = Timestamps.now();
        document.persistAndFlush();
        links.save(document.id, input);
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

    /** The document, locked, if the caller may change it and it is the expected version. */
    private Document findForChange(long id, Integer expectedVersion, Caller caller) {
        Document document = entityManager.find(Document.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw notFound(id);
        }
        if (caller.role() == Role.AUTHOR) {
            if (!caller.owns(document.ownerTokenId)) {
                throw document.published
                        ? ProblemException.forbidden("Authors may change only their own documents.")
                        : notFound(id);
            }
            if (document.published) {
                throw ProblemException.forbidden("Authors may not change a published document; an editor may.");
            }
        }
        if (expectedVersion != null && expectedVersion != document.version) {
            throw ProblemException.preconditionFailed("The document has changed since version " + expectedVersion
                    + "; it is now version " + document.version + ".");
        }
        return document;
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

    DocumentView view(Document document, boolean onlyPublished) {
        return views(List.of(document), onlyPublished).get(0);
    }

    /** The views of a page of documents, their links read in one query each. */
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
                    document.state(), document.publishedAt, document.version);
        }).toList();
    }

    /** Today where the site is: the day a document's dates are compared with. */
    LocalDate today() {
        return LocalDate.now(zone);
    }

    private static List<Long> ids(List<DocumentRecords.Related> related) {
        return related.stream().map(DocumentRecords.Related::id).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Document find(long id) {
        return Document.<Document>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No document with id " + id + ".");
    }
}
