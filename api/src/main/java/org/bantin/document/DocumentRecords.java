package org.bantin.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bantin.content.ReviewRecords.PendingChanges;
import org.bantin.content.ReviewRecords.ReviewComment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the document endpoints. */
public final class DocumentRecords {

    private DocumentRecords() {
    }

    @Schema(name = "DocumentInput", description = "A legal document as an editor writes it. Relations are given from this document's side "
            + "and shown on both: A `replaces` B is B `replacedBy` A.")
    public record DocumentInput(
            @Schema(description = "Number and symbol (số, ký hiệu).", example = "15/2024/QĐ-UBND", required = true) @NotBlank @Size(max = 100) String number,
            @Schema(description = "One of the document types the site lists (at first Luật, Nghị định, Thông tư, Quyết định, Chỉ thị, Công văn, Kế hoạch, Nghị quyết, Thông báo); another is a 422.", example = "Quyết định", required = true) @NotBlank @Size(max = 100) String type,
            @Schema(description = "Cơ quan ban hành.", example = "UBND tỉnh Ninh Bình") @Size(max = 300) String issuer,
            @Valid Signer signer,
            @Schema(description = "Lĩnh vực.", example = "Cải cách hành chính") @Size(max = 200) String field,
            @Schema(description = "Ngày ban hành.", example = "2024-05-15") LocalDate issuedAt,
            @Schema(description = "Ngày có hiệu lực; in force from this day.", example = "2024-06-01") LocalDate effectiveAt,
            @Schema(description = "Ngày hết hiệu lực: no longer in force from this day; must be after effectiveAt.", example = "2029-06-01") LocalDate expiresAt,
            @Schema(description = "Trích yếu, plain text.", example = "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính trên địa bàn tỉnh") @Size(max = 2000) String summary,
            @Schema(description = "Ids of documents (PDF, Word, …) of the media library, in the order shown.", example = "[12]") @Size(max = 20) List<@NotNull Long> attachments,
            @Schema(description = "Ids of documents this one replaces.", example = "[3]") @Size(max = 50) List<@NotNull Long> replaces,
            @Schema(description = "Ids of documents that replace this one.", example = "[]") @Size(max = 50) List<@NotNull Long> replacedBy,
            @Schema(description = "Ids of documents this one amends.", example = "[]") @Size(max = 50) List<@NotNull Long> amends,
            @Schema(description = "Ids of documents this one guides (implements).", example = "[]") @Size(max = 50) List<@NotNull Long> guides) {
    }

    /** Documents the body of PATCH (RFC 7396); the endpoint reads it as a JSON tree and merges it. */
    @Schema(name = "DocumentPatch", description = "A JSON merge patch of a document (RFC 7396): only the fields to change. "
            + "A field set to null is cleared; number and type cannot be cleared.")
    public record DocumentPatch(
            @Schema(example = "15/2024/QĐ-UBND", maxLength = 100) String number,
            @Schema(example = "Quyết định", maxLength = 100) String type,
            @Schema(nullable = true, example = "UBND tỉnh Ninh Bình", maxLength = 300) String issuer,
            @Schema(nullable = true) Signer signer,
            @Schema(nullable = true, example = "Cải cách hành chính", maxLength = 200) String field,
            @Schema(nullable = true, example = "2024-05-15") LocalDate issuedAt,
            @Schema(nullable = true, example = "2024-06-01") LocalDate effectiveAt,
            @Schema(nullable = true, example = "2029-06-01") LocalDate expiresAt,
            @Schema(nullable = true, example = "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính trên địa bàn tỉnh", maxLength = 2000) String summary,
            @Schema(nullable = true, example = "[12]") List<Long> attachments,
            @Schema(nullable = true, example = "[3]") List<Long> replaces,
            @Schema(nullable = true, example = "[]") List<Long> replacedBy,
            @Schema(nullable = true, example = "[]") List<Long> amends,
            @Schema(nullable = true, example = "[]") List<Long> guides) {
    }

    @Schema(name = "DocumentSigner", description = "Who signed the document.")
    public record Signer(
            @Schema(example = "Phạm Quang Ngọc") @Size(max = 200) String name,
            @Schema(example = "Chủ tịch") @Size(max = 200) String position) {
    }

    @Schema(name = "DocumentAttachment", description = "A file of the document, from the media library.")
    public record Attachment(
            @Schema(example = "12", required = true) long id,
            @Schema(example = "/api/v1/media/files/9b1f0e6a5c4d3b2a19087f6e5d4c3b2a190f8e7d6c5b4a392817f6e5d4c3b2a1.pdf", required = true) String url,
            @Schema(example = "15-2024-QD-UBND.pdf", required = true) String fileName,
            @Schema(example = "application/pdf", required = true) String contentType,
            @Schema(example = "482113", required = true) long bytes) {
    }

    @Schema(name = "RelatedDocument", description = "Another document in a relation; public reads show only published ones.")
    public record Related(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "07/2019/QĐ-UBND", required = true) String number,
            @Schema(example = "07-2019-qd-ubnd-ban-hanh-quy-che-phoi-hop", required = true) String slug) {
    }

    @Schema(name = "Document", description = "A legal document. `status` is derived on each read from its dates (today in the site's time zone) "
            + "and from published documents that replace it; it is never stored.")
    public record DocumentView(
            @Schema(example = "7", required = true) long id,
            @Schema(example = "15-2024-qd-ubnd-ban-hanh-quy-che-phoi-hop-giai-quyet-thu-tuc-hanh-chinh", required = true) String slug,
            @Schema(example = "15/2024/QĐ-UBND", required = true) String number,
            @Schema(example = "Quyết định", required = true) String type,
            @Schema(example = "UBND tỉnh Ninh Bình", required = true) String issuer,
            @Schema(required = true) Signer signer,
            @Schema(example = "Cải cách hành chính", required = true) String field,
            @Schema(example = "2024-05-15") LocalDate issuedAt,
            @Schema(example = "2024-06-01") LocalDate effectiveAt,
            @Schema(example = "2029-06-01") LocalDate expiresAt,
            @Schema(example = "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính trên địa bàn tỉnh", required = true) String summary,
            @Schema(required = true) List<Attachment> attachments,
            @Schema(required = true) List<Related> replaces,
            @Schema(required = true) List<Related> replacedBy,
            @Schema(required = true) List<Related> amends,
            @Schema(required = true) List<Related> amendedBy,
            @Schema(required = true) List<Related> guides,
            @Schema(required = true) List<Related> guidedBy,
            @Schema(enumeration = {
                    "in_force", "not_yet_in_force", "expired", "replaced"}, required = true) String status,
            @Schema(enumeration = {"Còn hiệu lực", "Chưa có hiệu lực", "Hết hiệu lực",
                    "Bị thay thế"}, required = true) String statusLabel,
            @Schema(description = "draft, in_review, changes_requested or approved: not published yet, where the document stands in review; "
                    + "published: readers see it (its pending version, if any, has its own state). Public reads serve only published documents.", enumeration = {
                            "draft", "in_review", "changes_requested", "approved", "published"}, required = true) String state,
            @Schema(example = "2024-05-16T02:00:00Z") OffsetDateTime publishedAt,
            @Schema(description = "For If-Match (also the ETag of editor reads).", example = "2", required = true) int version,
            @Schema(description = "Editor reads of a published document: its changes not published yet (the fields here show them).") PendingChanges pending,
            @Schema(description = "Editor reads: when the working copy was last submitted for review.", example = "2026-12-02T08:00:00Z") OffsetDateTime submittedAt,
            @Schema(description = "Editor reads: who approved it first, where its type needs a second editor to publish.", example = "Biên tập viên Nguyễn Văn A") String approvedBy,
            @Schema(description = "Editor reads: the editor's last request for changes.") ReviewComment reviewComment){

        /** The same view with the work on the document, for those who may read it. */
        DocumentView withWork(Document document) {
            return new DocumentView(id, slug, number, type, issuer, signer, field, issuedAt, effectiveAt, expiresAt, summary,
                    attachments, replaces, replacedBy, amends, amendedBy, guides, guidedBy, status, statusLabel, state,
                    publishedAt, version, PendingChanges.of(document), document.submittedAt, document.approvedBy,
                    ReviewComment.of(document));
        }
    }

    @Schema(name = "DocumentType", description = "A kind of document that editors choose from and readers filter by.")
    public record DocumentType(
            @Schema(example = "Quyết định", required = true) String name,
            @Schema(description = "Lists are in this order (then by name).", example = "4", required = true) int position) {
    }

    @Schema(name = "AdminDocumentType", description = "A document type as editors manage it.")
    public record AdminDocumentType(
            @Schema(example = "Quyết định", required = true) String name,
            @Schema(example = "4", required = true) int position,
            @Schema(description = "Its documents are published by a second editor once a first one approved them.", example = "false", required = true) boolean secondApproval,
            @Schema(description = "How many documents are of this type (drafts included); a type in use cannot be deleted.", example = "12", required = true) long documents) {
    }

    @Schema(name = "DocumentTypeInput", description = "A new document type.")
    public record DocumentTypeInput(
            @Schema(example = "Hướng dẫn", required = true, maxLength = 100) @NotBlank @Size(max = 100) String name,
            @Schema(description = "Omitted: after the last one.", example = "10") Integer position,
            @Schema(description = "Omitted: false.", example = "false") Boolean secondApproval) {
    }

    @Schema(name = "DocumentTypeChange", description = "Changes to a document type: only the fields given change. A new name is "
            + "the name of its documents at once.")
    public record DocumentTypeChange(
            @Schema(example = "Quyết định cá biệt", maxLength = 100) @Size(min = 1, max = 100) String name,
            @Schema(example = "5") Integer position,
            @Schema(example = "true") Boolean secondApproval) {
    }

    /** The filters of the public list, each null when absent. */
    public record DocumentFilter(String query, String number, String type, String issuer, String field, String signer,
            Integer year, DocumentStatus status) {
    }
}
