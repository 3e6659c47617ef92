package org.bantin.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.consultation.ConsultationRecords.ConsultedDocument;
import org.bantin.document.DocumentLinks;
import org.bantin.document.DocumentRecords.Attachment;

/**
 * What readers see of the documents under consultation, drafts included: number, type, summary, and files as
 * documents give them (DocumentLinks), in two queries per page of consultations.
 */
@ApplicationScoped
class ConsultedDocuments {

    private final EntityManager entityManager;
    private final DocumentLinks documentLinks;

    ConsultedDocuments(EntityManager entityManager, DocumentLinks documentLinks) {
        this.entityManager = entityManager;
        this.documentLinks = documentLinks;
    }

    boolean exists(long id) {
        return !entityManager.createNativeQuery("SELECT 1 FROM documents WHERE id = ?1 FOR KEY SHARE").setParameter(1, id)
                .getResultList().isEmpty();
    }

    /** These documents by id. */
    @SuppressWarnings("unchecked")
    Map<Long, ConsultedDocument> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Attachment>> attachments = documentLinks.attachments(ids);
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, number, type, summary, slug, published"
                + " FROM documents WHERE id = ANY (CAST(?1 AS bigint[]))").setParameter(1, array).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> number(row[0]),
                row -> new ConsultedDocument(number(row[0]), (String) row[1], (String) row[2], (String) row[3],
                        (Boolean) row[5] ? (String) row[4] : null, attachments.getOrDefault(number(row[0]), List.of()))));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
