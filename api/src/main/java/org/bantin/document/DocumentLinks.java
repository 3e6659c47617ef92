package org.bantin.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.document.DocumentRecords.Attachment;
import org.bantin.document.DocumentRecords.DocumentInput;
import org.bantin.document.DocumentRecords.Related;
import org.bantin.http.ProblemException;
import org.bantin.media.MediaUrls;

/**
 * What a document is linked to, read in one query per page of documents: its files from the media library,
 * its relations to other documents (each stored once, read from both sides), and its derived status; and the
 * document types editors choose from.
 */
@ApplicationScoped
class DocumentLinks {

    /** The relations of one document, by the name each side shows them under. */
    record Relations(Map<String, List<Related>> byName) {

        List<Related> named(String name) {
            return byName.getOrDefault(name, List.of());
        }
    }

    /** The stored kind and the name its reverse is shown under. */
    private static final Map<String, String> REVERSE = Map.of("replaces", "replacedBy", "amends", "amendedBy", "guides",
            "guidedBy");

    private final EntityManager entityManager;
    private final MediaUrls urls;

    DocumentLinks(EntityManager entityManager, MediaUrls urls) {
        this.entityManager = entityManager;
        this.urls = urls;
    }

    /**
     * Replaces the document's files and the relations it owns (those it gives in its input) with the input's.
     * Unknown ids, files that are not documents of the library, and relations to itself are a 422 naming the field.
     */
    void save(long id, DocumentInput input) {
        List<Long> attachments = distinct(input.attachments());
        requireAll("attachments", attachments,
                "SELECT id FROM media WHERE id = ANY (CAST(:ids AS bigint[])) AND kind = 'DOCUMENT' FOR KEY SHARE",
                "must be ids of documents (not images) of the media library");
        Map<String, List<Long>> relations = Map.of("replaces", distinct(input.replaces()), "replacedBy",
                distinct(input.replacedBy()), "amends", distinct(input.amends()), "guides", distinct(input.guides()));
        for (var relation : relations.entrySet()) {
            if (relation.getValue().contains(id)) {
                throw ProblemException.invalidField(422, relation.getKey(), "must not name the document itself");
            }
            requireAll(relation.getKey(), relation.getValue(),
                    "SELECT id FROM documents WHERE id = ANY (CAST(:ids AS bigint[])) FOR KEY SHARE",
                    "must be ids of documents");
        }
        update("DELETE FROM document_media WHERE document_id = :id", id, List.of());
        update("INSERT INTO document_media (document_id, media_id, position)"
                + " SELECT :id, media, position FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS a (media, position)", id,
                attachments);
        update("DELETE FROM document_relations WHERE from_id = :id OR (to_id = :id AND kind = 'replaces')", id, List.of());
        for (String kind : List.of("replaces", "amends", "guides")) {
            update("INSERT INTO document_relations (from_id, kind, to_id) SELECT :id, '" + kind
                    + "', unnest(CAST(:ids AS bigint[]))", id, relations.get(kind));
        }
        update("INSERT INTO document_relations (from_id, kind, to_id) SELECT unnest(CAST(:ids AS bigint[])), 'replaces', :id"
                + " ON CONFLICT DO NOTHING", id, relations.get("replacedBy"));
    }

    /** The document types editors may choose from, in the site's order. */
    @SuppressWarnings("unchecked")
    List<String> types() {
        return entityManager.createNativeQuery("SELECT name FROM document_types ORDER BY position").getResultList();
    }

    /** The files of these documents, in their order. */
    @SuppressWarnings("unchecked")
    Map<Long, List<Attachment>> attachments(Collection<Long> ids) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT dm.document_id, m.id, m.file_key, m.file_name,"
                + " m.content_type, m.bytes FROM document_media dm JOIN media m ON m.id = dm.media_id"
                + " WHERE dm.document_id = ANY (CAST(:ids AS bigint[])) ORDER BY dm.document_id, dm.position")
                .setParameter("ids", arrayOf(ids)).getResultList();
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        for (Object[] row : rows) {
            attachments.computeIfAbsent(number(row[0]), document -> new ArrayList<>())
                    .add(new Attachment(number(row[1]), urls.of((String) row[2]), (String) row[3], (String) row[4],
                            number(row[5])));
        }
        return attachments;
    }

    /** The relations of these documents, both ways; with onlyPublished, to published documents alone. */
    @SuppressWarnings("unchecked")
    Map<Long, Relations> relations(Collection<Long> ids, boolean onlyPublished) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT r.from_id, r.kind, r.to_id, d.id, d.number, d.slug"
                + " FROM document_relations r JOIN documents d ON d.id IN (r.from_id, r.to_id)"
                + " WHERE (r.from_id = ANY (CAST(:ids AS bigint[])) OR r.to_id = ANY (CAST(:ids AS bigint[])))"
                + (onlyPublished ? " AND d.published" : "") + " ORDER BY d.issued_at DESC NULLS LAST, d.id DESC")
                .setParameter("ids", arrayOf(ids)).getResultList();
        Set<Long> wanted = new HashSet<>(ids);
        Map<Long, Map<String, List<Related>>> relations = new HashMap<>();
        for (Object[] row : rows) {
            long from = number(row[0]);
            long to = number(row[2]);
            long other = number(row[3]);
            Related related = new Related(other, (String) row[4], (String) row[5]);
            String kind = (String) row[1];
            if (other == to && wanted.contains(from)) {
                relations.computeIfAbsent(from, id -> new HashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(related);
            }
            if (other == from && wanted.contains(to)) {
                relations.computeIfAbsent(to, id -> new HashMap<>())
                        .computeIfAbsent(REVERSE.get(kind), k -> new ArrayList<>()).add(related);
            }
        }
        return ids.stream().collect(Collectors.toMap(id -> id, id -> new Relations(relations.getOrDefault(id, Map.of())),
                (a, b) -> a));
    }

    /** The legal status of these documents on this day (bantin_document_status, migrations V29 and V33). */
    @SuppressWarnings("unchecked")
    Map<Long, DocumentStatus> statuses(Collection<Long> ids, LocalDate today) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT d.id, bantin_document_status(d.id, d.effective_at,"
                + " d.expires_at, CAST(:today AS date)) FROM documents d WHERE d.id = ANY (CAST(:ids AS bigint[]))")
                .setParameter("ids", arrayOf(ids)).setParameter("today", today).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> number(row[0]), row -> DocumentStatus.of((String) row[1])));
    }

    private void requireAll(String field, List<Long> ids, String sql, String message) {
        if (!ids.isEmpty() && entityManager.createNativeQuery(sql).setParameter("ids", arrayOf(ids)).getResultList()
                .size() != ids.size()) {
            throw ProblemException.invalidField(422, field, message);
        }
    }

    private void update(String sql, long id, List<Long> ids) {
        var query = entityManager.createNativeQuery(sql).setParameter("id", id);
        if (sql.contains(":ids")) {
            query.setParameter("ids", arrayOf(ids));
        }
        query.executeUpdate();
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private static String arrayOf(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
