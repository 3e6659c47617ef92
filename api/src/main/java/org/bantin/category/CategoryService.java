package org.bantin.category;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.bantin.category.CategoryRecords.AdminCategoryView;
import org.bantin.category.CategoryRecords.CategoryInput;
import org.bantin.category.CategoryRecords.CategoryView;
import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.ContentChange;
import org.bantin.http.ContentChanges;
import org.bantin.http.ProblemException;
import org.bantin.text.Slugs;

import io.quarkus.panache.common.Sort;

/** Owns categories: their slugs, their article counts, and the rule that a used category stays. */
@ApplicationScoped
public class CategoryService {

    private final EntityManager entityManager;
    private final ContentChanges changes;
    private final CategoryEvents events;

    CategoryService(EntityManager entityManager, ContentChanges changes, CategoryEvents events) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.events = events;
    }

    List<CategoryView> listPublic() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT c.slug, c.name, c.description,
                       count(a.id) FILTER (WHERE bantin_visible(a.status, a.published_at, a.unpublish_at))
                FROM categories c LEFT JOIN articles a ON a.category_id = c.id
                GROUP BY c.id ORDER BY c.id""", Object[].class).getResultList();
        return rows.stream()
                .map(row -> new CategoryView((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList();
    }

    List<AdminCategoryView> listAdmin() {
        Map<Long, Long> counts = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT category_id, count(*) FROM articles GROUP BY category_id", Object[].class).getResultList();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return Category.<Category>listAll(Sort.by("id")).stream()
                .map(category -> adminView(category, counts.getOrDefault(category.id, 0L)))
                .toList();
    }

    AdminCategoryView get(long id) {
        return adminView(find(id));
    }

    @Transactional
    public AdminCategoryView create(CategoryInput input) {
        Category category = new Category();
        category.createdAt = Timestamps.now();
        apply(input, category);
        write(category::persist, "A category with the slug '" + category.slug + "' already exists.");
        events.emit("category.created", category, null);
        changes.afterCommit(ContentChange.EVERYTHING); // the categories' list, and lists filtered by the new slug
        return adminView(category, 0);
    }

    @Transactional
    AdminCategoryView update(long id, CategoryInput input) {
        Category category = find(id);
        String previousSlug = category.slug;
        apply(input, category);
        write(entityManager::flush, "A category with the slug '" + category.slug + "' already exists.");
        events.emit("category.updated", category, previousSlug);
        changes.afterCommit(ContentChange.EVERYTHING); // its name shows in every article and list of it
        return adminView(category);
    }

    @Transactional
    void delete(long id) {
        Category category = find(id);
        category.delete();
        write(entityManager::flush, "The category '" + category.slug + "' still has articles; move or delete them first.");
        events.emit("category.deleted", category, null);
        changes.afterCommit(ContentChange.EVERYTHING);
    }

    private void apply(CategoryInput input, Category category) {
        // An existing category keeps its slug unless a new one is given: links to it must not break.
        String slug = input.slug() != null ? input.slug() : category.slug != null ? category.slug : Slugs.of(input.name());
        if (slug.isEmpty()) {
            throw ProblemException.invalidField(422, "name", "must contain letters or digits");
        }
        category.name = input.name().strip();
        category.slug = slug;
        category.description = input.description() == null ? "" : input.description().strip();
        category.updatedAt = Timestamps.now();
    }

    /** Writes now, so that a refusal by a unique or foreign key becomes a 409 here. */
    private static void write(Runnable write, String conflictDetail) {
        try {
            write.run();
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e) || SqlErrors.isForeignKeyViolation(e)) {
                throw ProblemException.conflict(conflictDetail);
            }
            throw e;
        }
    }

    private static Category find(long id) {
        return Category.<Category>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No category with id " + id + "."));
    }

    private AdminCategoryView adminView(Category category) {
        long count = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM articles WHERE category_id = ?1")
                .setParameter(1, category.id).getSingleResult()).longValue();
        return adminView(category, count);
    }

    private static AdminCategoryView adminView(Category category, long articleCount) {
        return new AdminCategoryView(category.id, category.slug, category.name, category.description,
                articleCount, category.createdAt, category.updatedAt);
    }
}
