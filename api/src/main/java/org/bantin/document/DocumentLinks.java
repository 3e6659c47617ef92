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
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * What a document is linked to, read in one query per page of documents: its files from the media library,
 * its relations to other documents (each stored once, read from both sides), and its derived status; and the
 * same of a pending version, read from its input.
 */
@ApplicationScoped
public class DocumentLinks {

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

    /** Replaces the document's files and the relations it owns (those it gives in its input) with the input's. */
    void save(long id, DocumentInput input) {
        check(id, input);
        List<Long> attachments = distinct(input.attachments());
        Map<String, List<Long>> relations = owned(input);
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

    /**
     * Checks the input's files and relations: unknown ids, files that are not documents of the library, and relations
     * to the document itself are a 422 naming the field. Those that exist are locked against deletion till the end of
     * the transaction.
     */
    void check(long id, DocumentInput input) {
        List<Long> attachments = distinct(input.attachments());
        requireAll("attachments", attachments,
                "SELECT id FROM media WHERE id = ANY (CAST(:ids AS bigint[])) AND kind = 'DOCUMENT' FOR KEY SHARE",
                "must be ids of documents (not images) of the media library");
        Map<String, List<Long>> relations = owned(input);
        for (var relation : relations.entrySet()) {
            if (relation.getValue().contains(id)) {
                throw ProblemException.invalidField(422, relation.getKey(), "must not name the document itself");
            }
            requireAll(relation.getKey(), relation.getValue(),
                    "SELECT id FROM documents WHERE id = ANY (CAST(:ids AS bigint[])) FOR KEY SHARE",
                    "must be ids of documents");
        }
    }

    /** The files of these documents, in their order. */
    @SuppressWarnings("unchecked")
    public Map<Long, List<Attachment>> attachments(Collection<Long> ids) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT dm.document_id, m.id, m.file_key, m.file_name,"
                + " m.content_type, m.bytes FROM document_media dm JOIN media m ON m.id = dm.media_id"
                + " WHERE dm.document_id = ANY (CAST(:ids AS bigint[])) ORDER BY dm.document_id, dm.position")
                .setParameter("ids", arrayOf(ids)).getResultList();
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        for (Object[] row : rows) {
            attachments.computeIfAbsent(number(row[0]), document -> new ArrayList<>()).add(attachment(row));
        }
        return attachments;
    }

    /** The files of a pending version, in its order. */
    @SuppressWarnings("unchecked")
    List<Attachment> files(List<Long> mediaIds) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT a.position, m.id, m.file_key, m.file_name,"
                + " m.content_type, m.bytes FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS a (media, position)"
                + " JOIN media m ON m.id = a.media ORDER BY a.position")
                .setParameter("ids", arrayOf(distinct(mediaIds))).getResultList();
        return rows.stream().map(this::attachment).toList();
    }

    /** A file from a row of what it belongs to, then the media's id, file key, name, content type and size. */
    private Attachment attachment(Object[] row) {
        return new Attachment(number(row[1]), urls.of((String) row[2]), (String) row[3], (String) row[4], number(row[5]));
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

    /**
     * The relations of a document's pending version: those it owns from its input (all but amendedBy and guidedBy,
     * which other documents own) and the others as stored.
     */
    @SuppressWarnings("unchecked")
    Relations pendingRelations(long id, DocumentInput input) {
        Map<String, List<Long>> owned = owned(input);
        Set<Long> ids = owned.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, number, slug FROM documents"
                + " WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY issued_at DESC NULLS LAST, id DESC")
                .setParameter("ids", arrayOf(ids)).getResultList();
        Relations stored = relations(List.of(id), false).get(id);
        Map<String, List<Related>> byName = new HashMap<>();
        byName.put("amendedBy", stored.named("amendedBy"));
        byName.put("guidedBy", stored.named("guidedBy"));
        owned.forEach((name, named) -> byName.put(name, rows.stream().filter(row -> named.contains(number(row[0])))
                .map(row -> new Related(number(row[0]), (String) row[1], (String) row[2])).toList()));
        return new Relations(byName);
    }

    /** The published documents that this one replaces. */
    @SuppressWarnings("unchecked")
    List<Long> replaced(long id) {
        List<Number> ids = entityManager.createNativeQuery("SELECT r.to_id FROM document_relations r"
                + " JOIN documents d ON d.id = r.to_id WHERE r.from_id = :id AND r.kind = 'replaces' AND d.published")
                .setParameter("id", id).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The legal status a document would have with these dates (a pending version's), its relations as stored. */
    DocumentStatus status(long id, LocalDate effectiveAt, LocalDate expiresAt, LocalDate today) {
        return DocumentStatus.of((String) entityManager.createNativeQuery("SELECT bantin_document_status(:id,"
                + " CAST(:effective AS date), CAST(:expires AS date), CAST(:today AS date))")
                .setParameter("id", id)
                .setParameter("effective", new TypedParameterValue<>(StandardBasicTypes.LOCAL_DATE, effectiveAt))
                .setParameter("expires", new TypedParameterValue<>(StandardBasicTypes.LOCAL_DATE, expiresAt))
                .setParameter("today", today).getSingleResult());
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

    /** The relations a document owns, by the name its input gives them. */
    private static Map<String, List<Long>> owned(DocumentInput input) {
        return Map.of("replaces", distinct(input.replaces()), "replacedBy", distinct(input.replacedBy()), "amends",
                distinct(input.amends()), "guides", distinct(input.guides()));
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
