package org.bantin.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What readers see of an article: nothing (draft, scheduled) or the article (published). */
public enum ArticleState {

    DRAFT, SCHEDULED, PUBLISHED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
