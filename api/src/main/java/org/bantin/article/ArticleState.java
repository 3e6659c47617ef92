package org.bantin.article;

import java.util.Locale;

import org.bantin.content.Review;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An article's state as editors see it. Readers see nothing of the first four (the article is not
 * live: being written, waiting for review, sent back, approved once) nor of a scheduled one, and
 * that it ended of an expired one.
 */
public enum ArticleState {

    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a version that is not live, by its review state. */
    static ArticleState of(Review review) {
        return switch (review) {
            case NONE -> DRAFT;
            case IN_REVIEW -> IN_REVIEW;
            case CHANGES_REQUESTED -> CHANGES_REQUESTED;
            case APPROVED -> APPROVED;
        };
    }
}
