package org.bantin.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a token may do; each role includes the ones before it. */
public enum Role {

    /** Creates articles and edits or deletes its own drafts; cannot publish. */
    AUTHOR,
    /** Everything on content: any article, publishing, categories. */
    EDITOR,
    /** Also manages API tokens. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
