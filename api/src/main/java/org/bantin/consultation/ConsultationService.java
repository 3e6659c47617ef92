package org.bantin.consultation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.bantin.consultation.ConsultationRecords.ConsultationInput;
import org.bantin.consultation.ConsultationRecords.ConsultationView;
import org.bantin.consultation.ConsultationRecords.ConsultedDocument;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.webhook.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.panache.common.Sort;

/** Staff's work on consultations, each change in one transaction; a change readers see drops the cached responses. */
@ApplicationScoped
public class ConsultationService {

    private final EntityManager entityManager;
    private final ConsultedDocuments documents;
    private final PrivacyNotice privacyNotice;
    private final ContentChanges changes;
    private final Outbox outbox;

    ConsultationService(EntityManager entityManager, ConsultedDocuments documents, PrivacyNotice privacyNotice,
            ContentChanges changes, Outbox outbox) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.privacyNotice = privacyNotice;
        this.changes = changes;
        this.outbox = outbox;
    }

    @Transactional
    public ConsultationView create(ConsultationInput input) {
        Consultation consultation = new Consultation();
        consultation.createdAt = Timestamps.now();
        save(consultation, input);
        return view(consultation, false);
    }

    /** Most recently changed first. */
    Page<ConsultationView> list(PageRequest page) {
        var query = Consultation.<Consultation>findAll(Sort.descending("updatedAt", "id"));
        return page.of(views(query.page(page.page() - 1, page.limit()).list(), false), query.count());
    }

    ConsultationView get(long id) {
        return view(Consultation.<Consultation>findByIdOptional(id).orElseThrow(() -> notFound(id)), false);
    }

    @Transactional
    public ConsultationView update(long id, ConsultationInput input, Integer expectedVersion) {
        Consultation consultation = findForChange(id, expectedVersion);
        save(consultation, input);
        return view(consultation, false);
    }

    /** A merge patch of the consultation as an input. */
    interface Patch {

        ConsultationInput applyTo(ConsultationInput current) throws JsonProcessingException;
    }

    /** Applies the patch to the consultation as it is once locked, so that no concurrent change is overwritten. */
    @Transactional
    ConsultationView patch(long id, Patch patch, Integer expectedVersion) throws JsonProcessingException {
        Consultation consultation = findForChange(id, expectedVersion);
        save(consultation, patch.applyTo(new ConsultationInput(consultation.title, consultation.description,
                consultation.documentId, consultation.opensAt, consultation.closesAt, consultation.summary)));
        return view(consultation, false);
    }

    /** Its comments and their files go with it. */
    @Transactional
    void delete(long id, Integer expectedVersion) {
        Consultation consultation = findForChange(id, expectedVersion);
        if (consultation.published) {
            changedForReaders("consultation.deleted", consultation);
        }
        consultation.delete();
    }

    @Transactional
    public ConsultationView publish(long id, Integer expectedVersion) {
        return moveTo(true, id, expectedVersion);
    }

    @Transactional
    ConsultationView unpublish(long id, Integer expectedVersion) {
        return moveTo(false, id, expectedVersion);
    }

    /** Publishing a published consultation (or unpublishing a draft) changes nothing. */
    private ConsultationView moveTo(boolean published, long id, Integer expectedVersion) {
        Consultation consultation = findForChange(id, expectedVersion);
        if (consultation.published != published) {
            consultation.published = published;
            if (published && consultation.publishedAt == null) {
                consultation.publishedAt = Timestamps.now();
            }
            consultation.updatedAt = Timestamps.now();
            changedForReaders(published ? "consultation.published" : "consultation.unpublished", consultation);
        }
        return view(consultation, false);
    }

    private void save(Consultation consultation, ConsultationInput input) {
        if (!input.closesAt().isAfter(input.opensAt())) {
            throw ProblemException.invalidField(422, "closesAt", "must be after opensAt, " + input.opensAt());
        }
        if (!documents.exists(input.documentId())) {
            throw ProblemException.invalidField(422, "documentId", "must be the id of a document");
        }
        consultation.title = input.title().strip();
        consultation.description = input.description() == null ? "" : input.description().strip();
        consultation.documentId = input.documentId();
        consultation.opensAt = input.opensAt();
        consultation.closesAt = input.closesAt();
        consultation.summary = input.summary() == null || input.summary().isBlank() ? null : input.summary().strip();
        consultation.updatedAt = Timestamps.now();
        consultation.persistAndFlush();
        if (consultation.published) {
            changedForReaders("consultation.updated", consultation);
        }
    }

    /** A change to comments that readers see (or saw) of this consultation. */
    void commentsChanged(long id) {
        Consultation consultation = Consultation.findById(id);
        if (consultation.published) {
            changedForReaders("consultation.updated", consultation);
        }
    }

    /**
     * Tells webhooks, in the change's transaction, of a change readers see, and drops the cached public responses
     * once it commits.
     */
    private void changedForReaders(String type, Consultation consultation) {
        outbox.emit(type, "consultation:" + consultation.id,
                Map.of("id", consultation.id, "documentId", consultation.documentId));
        changes.afterCommit(ContentChange.EVERYTHING);
    }

    /** The consultation, locked, if it is the expected version. */
    private Consultation findForChange(long id, Integer expectedVersion) {
        Consultation consultation = entityManager.find(Consultation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (consultation == null) {
            throw notFound(id);
        }
        if (expectedVersion != null && expectedVersion != consultation.version) {
            throw ProblemException.preconditionFailed("The consultation has changed since version " + expectedVersion
                    + "; it is now version " + consultation.version + ".");
        }
        return consultation;
    }

    ConsultationView view(Consultation consultation, boolean forReaders) {
        return views(List.of(consultation), forReaders).get(0);
    }

    /** The views of a page of consultations; readers see the summary only once a consultation has closed. */
    List<ConsultationView> views(List<Consultation> consultations, boolean forReaders) {
        Map<Long, ConsultedDocument> consulted = documents.of(consultations.stream().map(c -> c.documentId).toList());
        OffsetDateTime now = Timestamps.now();
        return consultations.stream().map(c -> {
            ConsultationStatus status = c.status(now);
            String summary = forReaders && status != ConsultationStatus.CLOSED ? null : c.summary;
            return new ConsultationView(c.id, c.title, c.description, c.documentId, consulted.get(c.documentId), c.opensAt,
                    c.closesAt, status.wireName(), summary, privacyNotice.text(), c.state(), c.publishedAt, c.version);
        }).toList();
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("No consultation with id " + id + ".");
    }
}
