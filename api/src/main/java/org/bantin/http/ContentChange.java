package org.bantin.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a committed content change touched, enough to tell which cached responses showed it or may
 * show it now: the slugs, category slugs and tags of the article versions readers could see before
 * and after it (published ones, scheduled included; no reader sees a draft). EVERYTHING stands for
 * a change that is not described so (a category's, or one too large to send): it drops every entry.
 */
public record ContentChange(Set<String> slugs, Set<String> categories, Set<String> tags) {

    public static final ContentChange EVERYTHING = new ContentChange(null, null, null);

    /** An article as readers may see it: its slug, its category's slug and its tags. */
    public record Shown(String slug, String category, List<String> tags) {
    }

    /**
     * The change to these article versions: from one version of an article to another (either null when it is a
     * draft or none), or of articles that readers see appear or go as time passes.
     */
    public static ContentChange of(Shown... versions) {
        ContentChange change = new ContentChange(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (Shown shown : versions) {
            if (shown != null) {
                change.slugs.add(shown.slug());
                change.categories.add(shown.category());
                change.tags.addAll(shown.tags());
            }
        }
        return change;
    }

    boolean everything() {
        return slugs == null || categories == null || tags == null;
    }

    /** True for a change of drafts only: no reader saw or sees them. */
    boolean unseen() {
        return !everything() && slugs.isEmpty();
    }

    /**
     * Whether the response of this key may show what changed. Searches may find any article, and
     * date windows are not compared: those lists go whenever their category and tag match.
     */
    boolean affects(String key) {
        if (everything()) {
            return true;
        }
        if (unseen() || key.equals(CacheKeys.SITE)) {
            return false; // the site's header is configuration
        }
        String slug = CacheKeys.slugOf(key);
        if (slug != null) {
            return slugs.contains(slug);
        }
        CacheKeys.ListFilters filters = CacheKeys.listFiltersOf(key);
        if (filters == null) {
            return true; // the categories with their counts, the unfiltered list, documents and questions (they show no article)
        }
        return filters.query() != null || (filters.category() == null || categories.contains(filters.category()))
                && (filters.tag() == null || tags.contains(filters.tag()));
    }
}
