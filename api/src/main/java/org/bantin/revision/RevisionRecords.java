package org.bantin.revision;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Response bodies of the revision endpoints, the same for every content type. */
public final class RevisionRecords {

    private RevisionRecords() {
    }

    @Schema(name = "RevisionSummary", description = "A saved state of a content, in a list: without its fields.")
    public record RevisionSummary(
            @Schema(example = "42", required = true) long id,
            @Schema(description = "1, 2, ... per content, in the order of the saves; old ones may have been pruned (the setting revisionRetentionDays), leaving gaps.", example = "3", required = true) int number,
            @Schema(example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime createdAt,
            @Schema(description = "Name of the token that saved it.", example = "Biên tập viên Nguyễn Văn A", required = true) String createdBy) {
    }

    @Schema(name = "Revision", description = "A saved state of a content, with the fields as they were saved.")
    public record RevisionView(
            @Schema(example = "42", required = true) long id,
            @Schema(example = "3", required = true) int number,
            @Schema(example = "2024-12-05T04:00:00Z", required = true) OffsetDateTime createdAt,
            @Schema(example = "Biên tập viên Nguyễn Văn A", required = true) String createdBy,
            @Schema(type = SchemaType.OBJECT, description = "The fields as saved (for an article: title, slug, summary, body, category, tags, coverImage, author).", example = "{\"title\": \"Đẩy mạnh cải cách hành chính\", \"body\": \"<p>Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.</p>\"}", required = true) Object data) {
    }

    @Schema(name = "RevisionDiff", description = "What changed from one revision to another: only the fields that differ, in alphabetical order.")
    public record RevisionDiff(
            @Schema(required = true) RevisionSummary from,
            @Schema(required = true) RevisionSummary to,
            @Schema(required = true) List<FieldChange> changes) {
    }

    @Schema(name = "FieldChange", description = "One field that differs. For rich text (an article's body), also its text, line by line.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldChange(
            @Schema(example = "title", required = true) String field,
            @Schema(description = "The value in the first revision; absent when it had none.", example = "Đẩy mạnh cải cách hành chính") Object before,
            @Schema(description = "The value in the second revision; absent when it has none.", example = "Đẩy mạnh cải cách hành chính năm 2024") Object after,
            @Schema(description = "Rich text only: its text, one block (paragraph, heading, list item, caption) a line, compared line by line.") List<LineChange> lines) {
    }

    @Schema(name = "LineChange", description = "A line of text that both revisions have (equal), or only the second (insert), or only the first (delete).")
    public record LineChange(
            @Schema(required = true, enumeration = {
                    "equal", "insert", "delete"}, example = "insert") String op,
            @Schema(required = true, example = "Kết quả, năm 2022 Chỉ số hài lòng đạt 8,17/10 điểm.") String text){
    }
}
