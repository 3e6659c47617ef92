package org.bantin.content;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the review steps, the same for every content type. */
public final class ReviewRecords {

    private ReviewRecords() {
    }

    @Schema(name = "ReviewComment", description = "What an editor asked to change.")
    public record ReviewComment(
            @Schema(example = "Bổ sung số liệu quý III và nguồn trích dẫn.", required = true) String comment,
            @Schema(example = "Biên tập viên Nguyễn Văn A", required = true) String by,
            @Schema(example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime at) {

        /** The content's last request for changes; null when there is none. */
        public static ReviewComment of(ReviewedContent content) {
            return content.reviewComment == null
                    ? null
                    : new ReviewComment(content.reviewComment, content.reviewCommentBy, content.reviewCommentAt);
        }
    }

    @Schema(name = "ChangeRequest", description = "An editor's request for changes: what to change.")
    public record ChangeRequest(
            @Schema(example = "Bổ sung số liệu quý III và nguồn trích dẫn.", required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String comment) {
    }

    @Schema(name = "PendingChanges", description = "Changes to a live content waiting beside it until they are published; the content fields show them, readers still see the live version.")
    public record PendingChanges(
            @Schema(description = "The revision that holds them.", example = "7", required = true) int revision,
            @Schema(enumeration = {
                    "draft", "in_review", "changes_requested",
                    "approved"}, example = "in_review", required = true) String state){

        /** The content's pending version; null when it has none. */
        public static PendingChanges of(ReviewedContent content) {
            return content.pendingRevision == null
                    ? null
                    : new PendingChanges(content.pendingRevision, ReviewStep.wireName(content.review));
        }
    }
}
