package org.bantin.content;

import java.time.OffsetDateTime;

/**
 * Which content readers may see: published, its publish time come, and not yet expired. The rule is
 * the SQL function bantin_visible (migration V23), which queries call; this is its mirror for rows
 * already in Java (VisibilityTest holds the two together).
 */
public final class Visibility {

    /** The rule in HQL, for a query of one entity with the attributes status, publishedAt and unpublishAt. */
    public static final String HQL = "function('bantin_visible' as Boolean, status, publishedAt, unpublishAt) = true";

    private Visibility() {
    }

    public static boolean visible(boolean published, OffsetDateTime publishedAt, OffsetDateTime unpublishAt,
            OffsetDateTime now) {
        return published && publishedAt != null && !publishedAt.isAfter(now) && !expired(unpublishAt, now);
    }

    /** Whether an expiry has come: from unpublishAt on, readers no longer see the content. */
    public static boolean expired(OffsetDateTime unpublishAt, OffsetDateTime now) {
        return unpublishAt != null && !unpublishAt.isAfter(now);
    }

    /** The rule in SQL, for a table (by its alias) with the columns status, published_at and unpublish_at. */
    public static String sql(String alias) {
        return "bantin_visible(" + alias + ".status, " + alias + ".published_at, " + alias + ".unpublish_at)";
    }
}
