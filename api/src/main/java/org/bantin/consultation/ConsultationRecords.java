package org.bantin.consultation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bantin.document.DocumentRecords.Attachment;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the consultation endpoints. */
public final class ConsultationRecords {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_SUMMARY = 50_000;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_ORGANISATION = 300;
    static final int MAX_COMMENT = 10_000;
    static final int MAX_REASON = 2_000;
    static final int MAX_ANSWER = 20_000;
    /** An address with one @ and a dot in its domain: what mail can be sent to, without quoting rules. */
    static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+";

    private ConsultationRecords() {
    }

    @Schema(name = "ConsultationInput", description = "A consultation on a draft document as staff write it.")
    public record ConsultationInput(
            @Schema(example = "Lấy ý kiến dự thảo Quyết định ban hành Quy chế quản lý cổng thông tin điện tử tỉnh", required = true) @NotBlank @Size(max = MAX_TITLE) String title,
            @Schema(description = "Plain text: what is asked of readers.", example = "Sở Thông tin và Truyền thông đề nghị các cơ quan, tổ chức, cá nhân góp ý cho dự thảo.") @Size(max = MAX_DESCRIPTION) String description,
            @Schema(description = "Id of the document (usually a draft) under consultation.", example = "7", required = true) @NotNull Long documentId,
            @Schema(description = "Comments are taken from this moment.", example = "2024-06-01T01:00:00Z", required = true) @NotNull OffsetDateTime opensAt,
            @Schema(description = "Comments are taken until this moment; must be after opensAt.", example = "2024-07-01T10:00:00Z", required = true) @NotNull OffsetDateTime closesAt,
            @Schema(description = "The agency's summary of the responses (báo cáo tổng hợp, tiếp thu, giải trình); readers see it once closed.", example = "Sở đã nhận 42 ý kiến, tiếp thu 30 ý kiến và giải trình các ý kiến còn lại.") @Size(max = MAX_SUMMARY) String summary) {
    }

    /** Documents the body of PATCH (RFC 7396); the endpoint reads it as a JSON tree and merges it. */
    @Schema(name = "ConsultationPatch", description = "A JSON merge patch of a consultation (RFC 7396): only the fields to change. "
            + "A field set to null is cleared; title, documentId and the times cannot be cleared.")
    public record ConsultationPatch(
            @Schema(example = "Lấy ý kiến dự thảo Quyết định ban hành Quy chế quản lý cổng thông tin điện tử tỉnh", maxLength = MAX_TITLE) String title,
            @Schema(nullable = true, maxLength = MAX_DESCRIPTION) String description,
            @Schema(example = "7") Long documentId,
            @Schema(example = "2024-06-01T01:00:00Z") OffsetDateTime opensAt,
            @Schema(example = "2024-07-01T10:00:00Z") OffsetDateTime closesAt,
            @Schema(nullable = true, maxLength = MAX_SUMMARY) String summary) {
    }

    @Schema(name = "ConsultedDocument", description = "What a reader needs of the document under consultation, shown even while it is a draft.")
    public record ConsultedDocument(
            @Schema(example = "7", required = true) long id,
            @Schema(example = "Dự thảo", required = true) String number,
            @Schema(example = "Quyết định", required = true) String type,
            @Schema(example = "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh Ninh Bình", required = true) String summary,
            @Schema(description = "The document's slug when it is published (GET /api/v1/documents/{slug}); absent for a draft.", example = "15-2024-qd-ubnd-ban-hanh-quy-che") String slug,
            @Schema(required = true) List<Attachment> attachments) {
    }

    @Schema(name = "Consultation", description = "A consultation on a draft document. `status` is derived on each read from the times; "
            + "readers see `summary` once it is closed.")
    public record ConsultationView(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "Lấy ý kiến dự thảo Quyết định ban hành Quy chế quản lý cổng thông tin điện tử tỉnh", required = true) String title,
            @Schema(example = "Sở Thông tin và Truyền thông đề nghị các cơ quan, tổ chức, cá nhân góp ý cho dự thảo.", required = true) String description,
            @Schema(example = "7", required = true) long documentId,
            @Schema(required = true) ConsultedDocument document,
            @Schema(example = "2024-06-01T01:00:00Z", required = true) OffsetDateTime opensAt,
            @Schema(example = "2024-07-01T10:00:00Z", required = true) OffsetDateTime closesAt,
            @Schema(description = "upcoming before opensAt, open until closesAt, closed after.", enumeration = {
                    "upcoming", "open",
                    "closed"}, required = true) String status,
            @Schema(description = "The agency's summary of the responses; to readers only once closed.", example = "Sở đã nhận 42 ý kiến, tiếp thu 30 ý kiến và giải trình các ý kiến còn lại.") String summary,
            @Schema(description = "How the personal data of commenters is used (Decree 13/2023/NĐ-CP), to show beside the comment form.", required = true) String privacyNotice,
            @Schema(description = "draft or published; readers see only published consultations.", enumeration = {"draft",
                    "published"}, required = true) String state,
            @Schema(example = "2024-06-01T01:00:00Z") OffsetDateTime publishedAt,
            @Schema(description = "For If-Match (also the ETag of editor reads).", example = "2", required = true) int version){
    }

    @Schema(name = "CommentInput", description = "A reader's comment on an open consultation. Email is never published.")
    public record CommentInput(
            @Schema(example = "Nguyễn Văn An", required = true) @NotBlank @Size(max = MAX_NAME) String name,
            @Schema(description = "For staff to reply; never published, erased after the retention period.", example = "nguyenvanan@example.vn", required = true) @NotBlank @Size(max = MAX_EMAIL) @Email(regexp = EMAIL_PATTERN, message = "must be an email address") String email,
            @Schema(example = "Hội Doanh nghiệp tỉnh Ninh Bình") @Size(max = MAX_ORGANISATION) String organisation,
            @Schema(example = "Đề nghị bổ sung quy định về thời hạn cập nhật văn bản trên cổng thông tin.", required = true) @NotBlank @Size(max = MAX_COMMENT) String comment,
            @Schema(description = "Consent to the processing stated in `privacyNotice`; must be true.", example = "true", required = true) @NotNull(message = "must be true") @AssertTrue(message = "must be true") Boolean consent) {
    }

    @Schema(name = "CommentForm", description = "A comment sent as multipart/form-data, with an optional attached file.")
    public record CommentForm(
            @Schema(example = "Nguyễn Văn An", required = true, maxLength = MAX_NAME) String name,
            @Schema(example = "nguyenvanan@example.vn", required = true, maxLength = MAX_EMAIL) String email,
            @Schema(example = "Hội Doanh nghiệp tỉnh Ninh Bình", maxLength = MAX_ORGANISATION) String organisation,
            @Schema(example = "Đề nghị bổ sung quy định về thời hạn cập nhật văn bản trên cổng thông tin.", required = true, maxLength = MAX_COMMENT) String comment,
            @Schema(example = "true", required = true, enumeration = "true") String consent,
            @Schema(description = "PDF, DOCX, ODT, JPEG, PNG or WebP, decided from its bytes; the whole request at most 1 MiB. Only staff can download it.", type = SchemaType.STRING, format = "binary") String file) {
    }

    @Schema(name = "CommentReceipt", description = "A comment taken, awaiting moderation.")
    public record CommentReceipt(
            @Schema(example = "118", required = true) long id,
            @Schema(example = "3", required = true) long consultationId,
            @Schema(example = "pending", required = true) String status,
            @Schema(description = "Whether a file came with it.", example = "false", required = true) boolean withAttachment,
            @Schema(example = "2024-06-12T03:15:00Z", required = true) OffsetDateTime createdAt) {
    }

    @Schema(name = "PublishedComment", description = "An approved comment as readers see it once the consultation has closed: never an email.")
    public record PublishedComment(
            @Schema(example = "118", required = true) long id,
            @Schema(example = "Nguyễn Văn An", required = true) String name,
            @Schema(example = "Hội Doanh nghiệp tỉnh Ninh Bình", required = true) String organisation,
            @Schema(example = "Đề nghị bổ sung quy định về thời hạn cập nhật văn bản trên cổng thông tin.", required = true) String comment,
            @Schema(description = "The agency's answer, if any.", example = "Ban soạn thảo tiếp thu, bổ sung tại khoản 2 Điều 8.") String answer,
            @Schema(example = "2024-07-05T02:00:00Z") OffsetDateTime answeredAt,
            @Schema(example = "2024-06-12T03:15:00Z", required = true) OffsetDateTime createdAt) {
    }

    @Schema(name = "CommentAttachment", description = "The file that came with a comment; only staff download it.")
    public record CommentAttachment(
            @Schema(example = "gop-y-du-thao.pdf", required = true) String fileName,
            @Schema(example = "application/pdf", required = true) String contentType,
            @Schema(example = "48211", required = true) long bytes,
            @Schema(example = "/api/v1/admin/consultations/3/comments/118/attachment", required = true) String url) {
    }

    @Schema(name = "ModeratedComment", description = "A comment as staff see it. Name and email are null once erased after the retention period.")
    public record ModeratedComment(
            @Schema(example = "118", required = true) long id,
            @Schema(example = "3", required = true) long consultationId,
            @Schema(example = "Nguyễn Văn An") String name,
            @Schema(example = "nguyenvanan@example.vn") String email,
            @Schema(example = "Hội Doanh nghiệp tỉnh Ninh Bình", required = true) String organisation,
            @Schema(example = "Đề nghị bổ sung quy định về thời hạn cập nhật văn bản trên cổng thông tin.", required = true) String comment,
            @Schema(enumeration = {
                    "pending", "approved", "rejected", "answered"}, required = true) String status,
            @Schema(description = "Why it was rejected.", example = "Nội dung không liên quan đến dự thảo.") String reason,
            @Schema(example = "Ban soạn thảo tiếp thu, bổ sung tại khoản 2 Điều 8.") String answer,
            @Schema(description = "Who approved or rejected it.", example = "Phòng Văn bản") String moderatedBy,
            @Schema(example = "2024-06-13T02:00:00Z") OffsetDateTime moderatedAt,
            @Schema(example = "Phòng Văn bản") String answeredBy,
            @Schema(example = "2024-07-05T02:00:00Z") OffsetDateTime answeredAt,
            @Schema(example = "2024-06-12T03:15:00Z", required = true) OffsetDateTime createdAt,
            CommentAttachment attachment){
    }

    @Schema(name = "RejectInput", description = "Why a comment is rejected; kept for the drafting office's report.")
    public record RejectInput(
            @Schema(example = "Nội dung không liên quan đến dự thảo.", required = true) @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    @Schema(name = "AnswerInput", description = "The agency's answer to a comment; readers see it with the comment once closed.")
    public record AnswerInput(
            @Schema(example = "Ban soạn thảo tiếp thu, bổ sung tại khoản 2 Điều 8.", required = true) @NotBlank @Size(max = MAX_ANSWER) String answer) {
    }
}
