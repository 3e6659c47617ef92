package org.bantin.consultation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.consultation.ConsultationRecords.ConsultedDocument;
import org.bantin.document.DocumentRecords.Attachment;
import org.bantin.media.MediaUrls;

/**
 * What readers see of the documents under consultation, drafts included: number, type, summary and files, read
 * from the documents' tables (V29) in two queries per page of consultations.
 */
@ApplicationScoped
class ConsultedDocuments {

    private final EntityManager entityManager;
    private final MediaUrls urls;

    ConsultedDocuments(EntityManager entityManager, MediaUrls urls) {
        this.entityManager = entityManager;
        this.urls = urls;
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
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        List<Object[]> files = entityManager.createNativeQuery("SELECT dm.document_id, m.id, m.file_key, m.file_name,"
                + " m.content_type, m.bytes FROM document_media dm JOIN media m ON m.id = dm.media_id"
                + " WHERE dm.document_id = ANY (CAST(?1 AS bigint[])) ORDER BY dm.document_id, dm.position")
                .setParameter(1, array).getResultList();
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        for (Object[] row : files) {
            attachments.computeIfAbsent(number(row[0]), id -> new ArrayList<>()).add(new Attachment(number(row[1]),
                    urls.of((String) row[2]), (String) row[3], (String) row[4], number(row[5])));
        }
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
