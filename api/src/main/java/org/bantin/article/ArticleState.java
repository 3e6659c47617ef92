package org.bantin.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What readers see of an article: nothing (draft, scheduled), the article (published) or that it ended (expired). */
public enum ArticleState {

    DRAFT, SCHEDULED, PUBLISHED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
