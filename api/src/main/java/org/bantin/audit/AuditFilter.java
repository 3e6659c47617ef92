package org.bantin.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;

/** The filters of the audit log, each optional; `from` and `to` are whole days in the site's zone. */
record AuditFilter(String actor, String objectType, Long objectId, LocalDate from, LocalDate to, ZoneId zone) {

    /** The HQL condition these filters make (empty: every entry), with {@link #parameters()}. */
    String condition() {
        List<String> conditions = new ArrayList<>();
        if (actor != null) {
            conditions.add("actorName = :actor");
        }
        if (objectType != null) {
            conditions.add("objectType = :objectType");
        }
        if (objectId != null) {
            conditions.add("objectId = :objectId");
        }
        if (from != null) {
            conditions.add("at >= :from");
        }
        if (to != null) {
            conditions.add("at < :toExclusive");
        }
        return String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (actor != null) {
            parameters.and("actor", actor);
        }
        if (objectType != null) {
            parameters.and("objectType", objectType);
        }
        if (objectId != null) {
            parameters.and("objectId", objectId);
        }
        if (from != null) {
            parameters.and("from", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            parameters.and("toExclusive", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return parameters;
    }
}
