package org.bantin.document;

import org.bantin.http.ProblemException;

/**
 * A document's legal status, as SQL function bantin_document_status (migrations V29, V33) derives it from its dates
 * and from published documents that replace it; Java only names and labels it.
 */
enum DocumentStatus {

    IN_FORCE("in_force", "Còn hiệu lực"), NOT_YET_IN_FORCE("not_yet_in_force", "Chưa có hiệu lực"), EXPIRED("expired",
            "Hết hiệu lực"), REPLACED("replaced", "Bị thay thế");

    final String wireName;
    final String label;

    DocumentStatus(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    static DocumentStatus of(String wireName) {
        for (DocumentStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw ProblemException.invalidField(400, "status", "must be one of in_force, not_yet_in_force, expired, replaced");
    }
}
