package org.bantin.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.bantin.document.DocumentRecords.DocumentFilter;
import org.bantin.document.DocumentRecords.DocumentView;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;

/**
 * What readers see of documents: published ones only, found by number and symbol, summary words and filters, newest
 * issue date first. Case and Vietnamese tones and marks never matter (number_key and search_vector, migration V29).
 */
@ApplicationScoped
class PublicDocuments {

    /** Text as the search keys hold it: lower case, without tones and marks. */
    private static final String KEY = "lower(bantin_unaccent(CAST(:%s AS text)))";

    private final EntityManager entityManager;
    private final DocumentService documents;

    PublicDocuments(EntityManager entityManager, DocumentService documents) {
        this.entityManager = entityManager;
        this.documents = documents;
    }

    Page<DocumentView> list(DocumentFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of("d.published"));
        Map<String, Object> parameters = new HashMap<>();
        if (filter.query() != null) {
            conditions.add("(d.number_key LIKE " + KEY.formatted("query") + " ESCAPE '\\'"
                    + " OR d.search_vector @@ websearch_to_tsquery('simple', bantin_unaccent(CAST(:words AS text))))");
            parameters.put("query", contained(filter.query()));
            parameters.put("words", filter.query());
        }
        if (filter.number() != null) {
            conditions.add("d.number_key LIKE " + KEY.formatted("number") + " ESCAPE '\\'");
            parameters.put("number", contained(filter.number()));
        }
        if (filter.type() != null) {
            conditions.add("d.type = :type");
            parameters.put("type", filter.type());
        }
        equalIgnoringMarks(conditions, parameters, "issuer", filter.issuer());
        equalIgnoringMarks(conditions, parameters, "field", filter.field());
        if (filter.signer() != null) {
            conditions.add("lower(bantin_unaccent(d.signer_name)) LIKE " + KEY.formatted("signer") + " ESCAPE '\\'");
            parameters.put("signer", contained(filter.signer()));
        }
        if (filter.year() != null) {
            conditions.add("d.issued_at >= make_date(:year, 1, 1) AND d.issued_at < make_date(:year + 1, 1, 1)");
            parameters.put("year", filter.year());
        }
        if (filter.status() != null) {
            // The status rule inlined over one join (migration V33), not a function call per row.
            conditions.add("bantin_document_status_of(r.id IS NOT NULL, d.effective_at, d.expires_at,"
                    + " CAST(:today AS date)) = :status");
            parameters.put("today", documents.today());
            parameters.put("status", filter.status().wireName);
        }
        String joined = filter.status() == null ? "" : " LEFT JOIN replaced_documents r ON r.id = d.id";
        String where = " FROM documents d" + joined + " WHERE " + String.join(" AND ", conditions);
        long total = ((Number) query("SELECT count(*)" + where, parameters).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Number> ids = query("SELECT d.id" + where + " ORDER BY d.issued_at DESC NULLS LAST, d.id DESC"
                + " LIMIT :limit OFFSET :offset", parameters).setParameter("limit", page.limit())
                .setParameter("offset", page.offset()).getResultList();
        Map<Long, Document> found = new HashMap<>();
        Document.<Document>list("id in ?1", ids.stream().map(Number::longValue).toList())
                .forEach(document -> found.put(document.id, document));
        List<Document> ordered = ids.stream().map(id -> found.get(id.longValue())).toList();
        return page.of(documents.views(ordered, true), total);
    }

    DocumentView get(String slug) {
        Document document = Document.<Document>find("slug = ?1 and published = true", slug).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No published document has the slug '" + slug + "'."));
        return documents.views(List.of(document), true).get(0);
    }

    /** Compares text without case, tones and marks, e.g. `ubnd tinh ninh binh` and `UBND tỉnh Ninh Bình`. */
    private static void equalIgnoringMarks(List<String> conditions, Map<String, Object> parameters, String column,
            String value) {
        if (value != null) {
            conditions.add("lower(bantin_unaccent(d." + column + ")) = " + KEY.formatted(column));
            parameters.put(column, value);
        }
    }

    /** A LIKE pattern for text that contains this, its own wildcards taken literally. */
    private static String contained(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Query query(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query;
    }
}
