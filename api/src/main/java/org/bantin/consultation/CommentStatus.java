package org.bantin.consultation;

import java.util.List;

import org.bantin.http.ProblemException;

/** Where a comment stands in moderation; approved and answered comments are the ones readers see once closed. */
final class CommentStatus {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String ANSWERED = "answered";
    static final List<String> ALL = List.of(PENDING, APPROVED, REJECTED, ANSWERED);
    static final List<String> PUBLISHED = List.of(APPROVED, ANSWERED);

    private CommentStatus() {
    }

    /** The `status` query parameter: absent (null) or one of ALL; anything else is a 400. */
    static String ofParameter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ALL.contains(value.strip())) {
            throw ProblemException.invalidField(400, "status", "must be one of " + String.join(", ", ALL));
        }
        return value.strip();
    }
}
