package org.bantin.consultation;

import java.time.OffsetDateTime;

import org.bantin.http.ProblemException;

/** Where a consultation stands at a moment; the Java mirror of bantin_consultation_status (migration V30). */
enum ConsultationStatus {

    UPCOMING, OPEN, CLOSED;

    static ConsultationStatus at(OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime now) {
        return now.isBefore(opensAt) ? UPCOMING : now.isBefore(closesAt) ? OPEN : CLOSED;
    }

    String wireName() {
        return name().toLowerCase();
    }

    /** The `status` query parameter: absent (null) or one of the wire names; anything else is a 400. */
    static ConsultationStatus ofParameter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (ConsultationStatus status : values()) {
            if (status.wireName().equals(value.strip())) {
                return status;
            }
        }
        throw ProblemException.invalidField(400, "status", "must be open, closed or upcoming");
    }
}
