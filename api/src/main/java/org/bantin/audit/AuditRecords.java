package org.bantin.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the audit log. */
final class AuditRecords {

    private AuditRecords() {
    }

    @Schema(name = "AuditEntry", description = "One editor action, or one refused bearer token (`login-refused`, without an actor).")
    record AuditEntryView(
            @Schema(example = "812", required = true) long id,
            @Schema(description = "Just after the change committed (when the entry was written).", example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime at,
            @Schema(description = "The token's id; absent for BANTIN_ADMIN_TOKEN and refused tokens.", example = "3") Long actorTokenId,
            @Schema(description = "The token's name; absent for refused tokens.", example = "Phòng Thông tin – Báo chí") String actorName,
            @Schema(description = "The token's role; absent for refused tokens.", example = "editor", enumeration = {
                    "author", "editor", "admin"}) String actorRole,
            @Schema(description = "What was acted on.", example = "article", required = true) String objectType,
            @Schema(description = "Its id, when known.", example = "42") Long objectId,
            @Schema(description = "create, update, delete, publish, unpublish, open, close, revoke, clear-ratings, upload, add-option, "
                    + "update-option, remove-option, reorder-options, login-refused.", example = "publish", required = true) String action,
            @Schema(description = "Top-level field names of the request's JSON body; empty without one.", example = "[\"title\", \"summary\"]", required = true) List<String> changedFields,
            @Schema(description = "The client's address (behind trusted proxies: the one they saw).", example = "203.0.113.7", required = true) String clientAddress,
            @Schema(example = "POST", required = true) String method,
            @Schema(example = "/api/v1/admin/articles/42/publish", required = true) String path,
            @Schema(description = "The response's status.", example = "200", required = true) int status){

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id, entry.at, entry.actorTokenId, entry.actorName, entry.actorRole,
                    entry.objectType, entry.objectId, entry.action, entry.changedFields, entry.clientAddress,
                    entry.httpMethod, entry.path, entry.status);
        }
    }
}
