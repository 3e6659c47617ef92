package org.bantin.consultation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.consultation.ConsultationRecords.ConsultationView;
import org.bantin.consultation.ConsultationRecords.PublishedComment;
import org.bantin.database.Timestamps;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;

import io.quarkus.panache.common.Sort;

/** What readers see of consultations: published ones, and their approved comments once closed. */
@ApplicationScoped
class PublicConsultations {

    private final EntityManager entityManager;
    private final ConsultationService consultations;

    PublicConsultations(EntityManager entityManager, ConsultationService consultations) {
        this.entityManager = entityManager;
        this.consultations = consultations;
    }

    /** Published consultations, all or of one status now (bantin_consultation_status), latest opening first. */
    @SuppressWarnings("unchecked")
    Page<ConsultationView> list(ConsultationStatus status, PageRequest page) {
        String where = " FROM consultations c WHERE c.published"
                + (status == null ? "" : " AND bantin_consultation_status(c.opens_at, c.closes_at, now()) = :status");
        var count = entityManager.createNativeQuery("SELECT count(*)" + where);
        var select = entityManager.createNativeQuery("SELECT c.id" + where
                + " ORDER BY c.opens_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .setParameter("limit", page.limit()).setParameter("offset", page.offset());
        if (status != null) {
            count.setParameter("status", status.wireName());
            select.setParameter("status", status.wireName());
        }
        List<Long> ids = ((List<Number>) select.getResultList()).stream().map(Number::longValue).toList();
        Map<Long, Consultation> byId = Consultation.<Consultation>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        // A consultation deleted between the two queries is left out.
        List<Consultation> ordered = ids.stream().filter(byId::containsKey).map(byId::get).toList();
        return page.of(consultations.views(ordered, true), ((Number) count.getSingleResult()).longValue());
    }

    ConsultationView get(long id) {
        return consultations.view(published(id), true);
    }

    /** Approved (and answered) comments, oldest first, once the consultation has closed. */
    Page<PublishedComment> comments(long id, PageRequest page) {
        Consultation consultation = published(id);
        if (consultation.status(Timestamps.now()) != ConsultationStatus.CLOSED) {
            throw ProblemException.conflict("Comments are published once the consultation closes, at "
                    + consultation.closesAt + ".");
        }
        var query = ConsultationComment.<ConsultationComment>find("consultationId = ?1 and status in ?2",
                Sort.ascending("createdAt", "id"), id, CommentStatus.PUBLISHED);
        List<PublishedComment> items = query.page(page.page() - 1, page.limit()).list().stream()
                .map(c -> new PublishedComment(c.id, c.name, c.organisation, c.comment, c.answer, c.answeredAt, c.createdAt))
                .toList();
        return page.of(items, query.count());
    }

    private static Consultation published(long id) {
        return Consultation.<Consultation>find("id = ?1 and published = true", id).firstResultOptional()
                .orElseThrow(() -> ConsultationService.notFound(id));
    }
}
