package org.bantin.document;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bantin.document.DocumentRecords.AdminDocumentType;
import org.bantin.document.DocumentRecords.DocumentType;
import org.bantin.document.DocumentRecords.DocumentTypeChange;
import org.bantin.document.DocumentRecords.DocumentTypeInput;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.ProblemException;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * The document types editors choose from, in the site's order (position, then name). A new name is its documents' at
 * once (the key cascades, V29); a type that documents use is not deleted.
 */
@ApplicationScoped
class DocumentTypes {

    private static final String ORDER = " ORDER BY t.position, t.name";

    private final EntityManager entityManager;
    private final ContentChanges changes;

    DocumentTypes(EntityManager entityManager, ContentChanges changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    /** The names, in order: what a document's type must be one of. */
    @SuppressWarnings("unchecked")
    List<String> names() {
        return entityManager.createNativeQuery("SELECT t.name FROM document_types t" + ORDER).getResultList();
    }

    List<DocumentType> list() {
        return adminList().stream().map(type -> new DocumentType(type.name(), type.position())).toList();
    }

    @SuppressWarnings("unchecked")
    List<AdminDocumentType> adminList() {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT t.name, t.position, t.second_approval,"
                + " (SELECT count(*) FROM documents d WHERE d.type = t.name) FROM document_types t" + ORDER)
                .getResultList();
        return rows.stream().map(row -> new AdminDocumentType((String) row[0], ((Number) row[1]).intValue(),
                (Boolean) row[2], ((Number) row[3]).longValue())).toList();
    }

    /** Whether documents of this type are published by a second editor once a first one approved them. */
    boolean needsSecondApproval(String type) {
        return entityManager.createNativeQuery("SELECT 1 FROM document_types WHERE name = :name AND second_approval")
                .setParameter("name", type).getResultList().size() == 1;
    }

    @Transactional
    AdminDocumentType create(DocumentTypeInput input) {
        String name = input.name().strip();
        int inserted = entityManager.createNativeQuery("INSERT INTO document_types (name, position, second_approval)"
                + " SELECT :name, coalesce(CAST(:position AS integer), (SELECT coalesce(max(position), 0) + 1 FROM document_types)),"
                + " :secondApproval ON CONFLICT (name) DO NOTHING")
                .setParameter("name", name)
                .setParameter("position", new TypedParameterValue<>(StandardBasicTypes.INTEGER, input.position()))
                .setParameter("secondApproval", Boolean.TRUE.equals(input.secondApproval())).executeUpdate();
        if (inserted == 0) {
            throw taken(name);
        }
        changes.afterCommit(ContentChange.EVERYTHING); // the public list of types
        return find(name);
    }

    /** Changes the fields given; a new name is its documents' at once. */
    @Transactional
    AdminDocumentType change(String name, DocumentTypeChange change) {
        AdminDocumentType current = find(name);
        String newName = change.name() == null ? current.name() : change.name().strip();
        if (newName.isEmpty()) {
            throw ProblemException.invalidField(422, "name", "must not be blank");
        }
        if (!newName.equals(current.name()) && exists(newName)) {
            throw taken(newName);
        }
        entityManager.createNativeQuery("UPDATE document_types SET name = :newName, position = :position,"
                + " second_approval = :secondApproval WHERE name = :name")
                .setParameter("newName", newName)
                .setParameter("position", change.position() == null ? current.position() : change.position())
                .setParameter("secondApproval",
                        change.secondApproval() == null ? current.secondApproval() : change.secondApproval())
                .setParameter("name", current.name()).executeUpdate();
        changes.afterCommit(ContentChange.EVERYTHING); // the list, and every document of the type shows its name
        return find(newName);
    }

    /** Deletes a type that no document uses; one in use is a 409 that says how many use it. */
    @Transactional
    void delete(String name) {
        AdminDocumentType type = find(name);
        entityManager.createNativeQuery("SELECT name FROM document_types WHERE name = :name FOR UPDATE")
                .setParameter("name", name).getResultList(); // no document takes the type while it is checked
        long used = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM documents WHERE type = :name")
                .setParameter("name", name).getSingleResult()).longValue();
        if (used > 0) {
            throw ProblemException.conflict("The type '" + type.name() + "' is the type of " + used
                    + " documents; give them another type first.");
        }
        entityManager.createNativeQuery("DELETE FROM document_types WHERE name = :name").setParameter("name", name)
                .executeUpdate();
        changes.afterCommit(ContentChange.EVERYTHING);
    }

    private AdminDocumentType find(String name) {
        return adminList().stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No document type is named '" + name + "'."));
    }

    private boolean exists(String name) {
        return !entityManager.createNativeQuery("SELECT 1 FROM document_types WHERE name = :name").setParameter("name", name)
                .getResultList().isEmpty();
    }

    private static ProblemException taken(String name) {
        return ProblemException.conflict("A document type named '" + name + "' already exists.");
    }
}
