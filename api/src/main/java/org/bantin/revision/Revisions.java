package org.bantin.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.http.Page;
import org.bantin.http.PageRequest;
import org.bantin.http.ProblemException;
import org.bantin.revision.RevisionRecords.FieldChange;
import org.bantin.revision.RevisionRecords.RevisionDiff;
import org.bantin.revision.RevisionRecords.RevisionSummary;
import org.bantin.revision.RevisionRecords.RevisionView;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The revisions of every content type: each save of a content records its fields as JSON, numbered 1, 2, ... per
 * content. The content type gives the snapshot and says which fields are rich text; nothing here knows a type.
 */
@ApplicationScoped
public class Revisions {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    Revisions(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Records the snapshot as the content's next revision, in the caller's transaction. The caller must hold the
     * content's row lock (it has just updated or inserted the row): saves of one content then number their revisions
     * one after the other, and the unique key refuses a duplicate should one ever get past the lock. Returns its number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(String type, long contentId, Object snapshot, Caller caller) {
        String data;
        try {
            data = json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot of " + type + " " + contentId + " is not JSON", e);
        }
        Number number = (Number) entityManager.createNativeQuery("""
                INSERT INTO revisions (content_type, content_id, number, data, created_by, token_id)
                SELECT :type, :contentId, coalesce(max(number), 0) + 1, cast(:data AS jsonb), :createdBy, :tokenId
                FROM revisions WHERE content_type = :type AND content_id = :contentId
                RETURNING number""")
                .setParameter("type", type)
                .setParameter("contentId", contentId)
                .setParameter("data", data)
                .setParameter("createdBy", caller.name())
                .setParameter("tokenId", new TypedParameterValue<>(StandardBasicTypes.LONG, caller.tokenId()))
                .getSingleResult();
        return number.intValue();
    }

    /**
     * Marks the content's newest revision as one that readers saw, in the caller's transaction: pruning keeps it
     * whatever its age.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPublished(String type, long contentId) {
        entityManager.createNativeQuery("""
                UPDATE revisions SET published = true WHERE id = (
                    SELECT id FROM revisions WHERE content_type = :type AND content_id = :contentId
                    ORDER BY number DESC LIMIT 1)""")
                .setParameter("type", type)
                .setParameter("contentId", contentId)
                .executeUpdate();
    }

    /**
     * Deletes the revisions saved more than retentionDays days ago, but those marked published and each content's
     * newest (what the next save numbers from and what a restore may need); answers how many went. Numbers then have
     * gaps, which nothing reads as a sequence: revisions are read, compared and restored by id.
     */
    @Transactional
    int prune(int retentionDays) {
        return entityManager.createNativeQuery("""
                DELETE FROM revisions r
                WHERE r.created_at < now() - make_interval(days => :days) AND NOT r.published
                  AND r.number < (SELECT max(newest.number) FROM revisions newest
                                  WHERE newest.content_type = r.content_type AND newest.content_id = r.content_id)""")
                .setParameter("days", retentionDays)
                .executeUpdate();
    }

    /** Newest first. */
    public Page<RevisionSummary> list(String type, long contentId, PageRequest page) {
        PanacheQuery<Revision> query = Revision.ofContent(type, contentId);
        List<RevisionSummary> items = query.page(page.page() - 1, page.limit()).list().stream()
                .map(Revisions::summary).toList();
        return page.of(items, query.count());
    }

    /** The revision with its fields; a 404 unless it is one of this content's. */
    public RevisionView get(String type, long contentId, long revisionId) {
        return view(find(type, contentId, revisionId));
    }

    /** The revision of this content with this number (the content keeps it, so it exists). */
    public RevisionView numbered(String type, long contentId, int number) {
        return view(Revision.<Revision>find("contentType = ?1 and contentId = ?2 and number = ?3", type, contentId, number)
                .singleResult());
    }

    /** The fields that differ from revision a to revision b; the richTextFields are also compared as text lines. */
    public RevisionDiff diff(String type, long contentId, long a, long b, Set<String> richTextFields) {
        Revision from = find(type, contentId, a);
        Revision to = find(type, contentId, b);
        return new RevisionDiff(summary(from), summary(to), FieldDiff.of(data(from), data(to), richTextFields));
    }

    /** Forgets the revisions of a deleted content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String type, long contentId) {
        Revision.delete("contentType = ?1 and contentId = ?2", type, contentId);
    }

    private static Revision find(String type, long contentId, long revisionId) {
        return Revision.ofContent(type, contentId, revisionId).orElseThrow(
                () -> ProblemException.notFound("No revision with id " + revisionId + " of this " + type + "."));
    }

    private RevisionView view(Revision revision) {
        return new RevisionView(revision.id, revision.number, revision.createdAt, revision.createdBy, data(revision));
    }

    private static RevisionSummary summary(Revision revision) {
        return new RevisionSummary(revision.id, revision.number, revision.createdAt, revision.createdBy);
    }

    private JsonNode data(Revision revision) {
        try {
            return json.readTree(revision.data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Revision " + revision.id + " holds no JSON", e);
        }
    }

    /** Field by field comparison of two snapshots, fields in alphabetical order (jsonb keeps no written order). */
    static final class FieldDiff {

        private FieldDiff() {
        }

        static List<FieldChange> of(JsonNode before, JsonNode after, Set<String> richTextFields) {
            Set<String> fields = new TreeSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            List<FieldChange> changes = new ArrayList<>();
            for (String field : fields) {
                JsonNode old = valueOf(before, field);
                JsonNode now = valueOf(after, field);
                if (!old.equals(now)) {
                    changes.add(new FieldChange(field, old.isNull() ? null : old, now.isNull() ? null : now,
                            richTextFields.contains(field) ? TextDiff.lines(old.asText(""), now.asText("")) : null));
                }
            }
            return changes;
        }

        private static JsonNode valueOf(JsonNode snapshot, String field) {
            JsonNode value = snapshot.get(field);
            return value == null ? NullNode.getInstance() : value;
        }
    }
}
