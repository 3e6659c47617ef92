package org.bantin.settings;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.bantin.auth.Caller;
import org.bantin.category.Category;
import org.bantin.database.SqlErrors;
import org.bantin.database.Timestamps;
import org.bantin.http.ProblemException;
import org.bantin.settings.SettingsRecords.SettingsInput;
import org.bantin.settings.SettingsRecords.SettingsView;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Owns the settings' changes: one after the other, each checked whole before anything is written. */
@ApplicationScoped
class SettingsService {

    private static final String SECOND_APPROVAL = "secondApprovalCategories";

    private final EntityManager entityManager;

    SettingsService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    SettingsView get() {
        return view(Settings.read());
    }

    /** How a patch turns the current settings into the settings to save. */
    interface Patch {

        SettingsInput applyTo(SettingsInput current) throws JsonProcessingException;
    }

    /** Applies the patch to the settings as they are once locked, so that a change saved in between is kept. */
    @Transactional
    SettingsView patch(Patch patch, Integer expectedVersion, Caller caller) throws JsonProcessingException {
        Settings settings = Settings.lockedForChange();
        if (expectedVersion != null && expectedVersion != settings.version) {
            throw ProblemException.preconditionFailed("The settings have changed since version " + expectedVersion
                    + "; they are now at version " + settings.version + ".");
        }
        SettingsInput input = patch.applyTo(inputOf(settings));
        Set<Long> categoryIds = categoryIds(input.secondApprovalCategories());
        settings.revisionRetentionDays = input.revisionRetentionDays();
        settings.secondApprovalCategoryIds.retainAll(categoryIds);
        settings.secondApprovalCategoryIds.addAll(categoryIds);
        settings.webhookPrivateTargets = Boolean.TRUE.equals(input.webhookPrivateTargets());
        settings.updatedAt = Timestamps.now();
        settings.updatedBy = caller.name();
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw ProblemException.conflict("A category of " + SECOND_APPROVAL
                        + " was deleted at the same moment; read the settings again and try again.");
            }
            throw e;
        }
        return view(settings);
    }

    private static SettingsInput inputOf(Settings settings) {
        return new SettingsInput(settings.revisionRetentionDays, slugsOf(settings.secondApprovalCategoryIds),
                settings.webhookPrivateTargets);
    }

    /** The ids of the categories with these slugs; a 422 naming the slugs no category has. */
    private static Set<Long> categoryIds(List<String> slugs) {
        Set<String> wanted = slugs == null ? Set.of() : new LinkedHashSet<>(slugs);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<Category> found = Category.list("slug in ?1", wanted);
        Set<String> unknown = new LinkedHashSet<>(wanted);
        found.forEach(category -> unknown.remove(category.slug));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(422, SECOND_APPROVAL, "no category has the slug "
                    + unknown.stream().map(slug -> "'" + slug + "'").collect(Collectors.joining(", ")));
        }
        return found.stream().map(category -> category.id).collect(Collectors.toCollection(HashSet::new));
    }

    private static List<String> slugsOf(Set<Long> categoryIds) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return Category.<Category>list("id in ?1", categoryIds).stream().map(category -> category.slug)
                .sorted().toList();
    }

    private static SettingsView view(Settings settings) {
        return new SettingsView(settings.revisionRetentionDays, slugsOf(settings.secondApprovalCategoryIds),
                settings.webhookPrivateTargets, settings.version, settings.updatedAt, settings.updatedBy);
    }
}
