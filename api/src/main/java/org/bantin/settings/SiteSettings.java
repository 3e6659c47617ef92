package org.bantin.settings;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The settings as the rest of the code reads them. Read from the database on every call (a primary-key read and the
 * short category list) rather than cached, so that a change shows on every instance at once.
 */
@ApplicationScoped
@Transactional
public class SiteSettings {

    /** The settings at one moment. */
    public record Current(Integer revisionRetentionDays, Set<Long> secondApprovalCategoryIds, boolean webhookPrivateTargets) {

        /** Whether articles in this category need a second approval before they are published. */
        public boolean requiresSecondApproval(long categoryId) {
            return secondApprovalCategoryIds.contains(categoryId);
        }
    }

    public Current current() {
        Settings settings = Settings.read();
        return new Current(settings.revisionRetentionDays, Set.copyOf(settings.secondApprovalCategoryIds),
                settings.webhookPrivateTargets);
    }

    public boolean requiresSecondApproval(long categoryId) {
        return current().requiresSecondApproval(categoryId);
    }
}
