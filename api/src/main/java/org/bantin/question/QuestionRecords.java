package org.bantin.question;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the question endpoints. */
public final class QuestionRecords {

    private QuestionRecords() {
    }

    @Schema(name = "QuestionInput", description = "A reader's question. An email or a phone number (or both) is required, "
            + "for the answer alone: it is never shown to anyone but staff, and erased once its retention has passed "
            + "(see GET /api/v1/questions/privacy-notice).")
    public record AskInput(
            @Schema(description = "The asker's full name; readers see it shortened (Nguyễn V. A.).", example = "Nguyễn Văn An", required = true) @NotBlank @Size(max = 100) String name,
            @Schema(example = "nguyenvanan@example.vn", maxLength = 254) @Email @Size(max = 254) String email,
            @Schema(description = "Digits, with an optional leading + and spaces, dots or hyphens between them.", example = "0912 345 678", maxLength = 20) @Pattern(regexp = "^\\+?[0-9][0-9 .-]{6,17}[0-9]$", message = "must be a phone number, e.g. 0912 345 678") String phone,
            @Schema(description = "One of the topics of GET /api/v1/questions/topics; another is a 422.", example = "Thủ tục hành chính", required = true) @NotBlank @Size(max = 100) String topic,
            @Schema(description = "Plain text.", example = "Tôi muốn hỏi thủ tục cấp lại giấy phép lái xe bị mất cần những giấy tờ gì?", required = true) @NotBlank @Size(max = 5000) String question,
            @Schema(description = "The asker agrees to the privacy notice; must be true.", enumeration = "true", required = true) @NotNull @AssertTrue(message = "must be true: the question is taken only with consent to the privacy notice") Boolean consent) {
    }

    @Schema(name = "QuestionReceipt", description = "The question was received; it holds none of the asker's personal data.")
    public record QuestionReceipt(
            @Schema(example = "42", required = true) long id,
            @Schema(enumeration = "new", required = true) String state,
            @Schema(example = "Thủ tục hành chính", required = true) String topic,
            @Schema(example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime askedAt) {
    }

    @Schema(name = "QuestionAssignment", description = "The unit the question is routed to.")
    public record AssignInput(
            @Schema(description = "A unit of the department.", example = "Phòng Hành chính – Tư pháp", required = true) @NotBlank @Size(max = 200) String unit) {
    }

    @Schema(name = "QuestionAnswer")
    public record AnswerInput(
            @Schema(description = "Plain text; replaces an earlier answer until the question is published.", example = "Theo quy định tại Thông tư 35/2024/TT-BGTVT, hồ sơ đề nghị cấp lại giấy phép lái xe gồm đơn đề nghị và giấy khám sức khỏe.", required = true) @NotBlank @Size(max = 20000) String answer) {
    }

    @Schema(name = "QuestionRejection")
    public record RejectInput(
            @Schema(description = "Why the question is not answered; kept for the record.", example = "Nội dung không thuộc thẩm quyền giải quyết của Sở.", required = true) @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "AdminQuestion", description = "A question as staff see it, with the asker's contact (null once erased).")
    public record QuestionView(
            @Schema(example = "42", required = true) long id,
            @Schema(example = "Nguyễn Văn An", required = true) String name,
            @Schema(example = "nguyenvanan@example.vn") String email,
            @Schema(example = "0912 345 678") String phone,
            @Schema(example = "Thủ tục hành chính", required = true) String topic,
            @Schema(example = "Tôi muốn hỏi thủ tục cấp lại giấy phép lái xe bị mất cần những giấy tờ gì?", required = true) String question,
            @Schema(enumeration = {
                    "new", "assigned", "answered", "published", "rejected"}, required = true) String state,
            @Schema(example = "Phòng Hành chính – Tư pháp") String unit,
            @Schema(example = "Theo quy định tại Thông tư 35/2024/TT-BGTVT, hồ sơ đề nghị cấp lại giấy phép lái xe gồm đơn đề nghị và giấy khám sức khỏe.") String answer,
            @Schema(description = "Name of the token that last answered.", example = "Biên tập viên Trần Thị Bình") String answeredBy,
            @Schema(example = "2026-12-04T02:00:00Z") OffsetDateTime answeredAt,
            @Schema(example = "Nội dung không thuộc thẩm quyền giải quyết của Sở.") String rejectReason,
            @Schema(description = "When it was asked, with the asker's consent.", example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime askedAt,
            @Schema(example = "2026-12-04T03:00:00Z") OffsetDateTime publishedAt,
            @Schema(description = "When email and phone were erased, their retention over.", example = "2027-12-04T02:00:00Z") OffsetDateTime contactErasedAt,
            @Schema(example = "3", required = true) int version){
    }

    @Schema(name = "PublishedQuestion", description = "A published question with its answer. The asker's name is shortened; "
            + "no contact is ever shown.")
    public record PublicQuestion(
            @Schema(example = "42", required = true) long id,
            @Schema(description = "Family name and initials.", example = "Nguyễn V. A.", required = true) String name,
            @Schema(example = "Thủ tục hành chính", required = true) String topic,
            @Schema(example = "Tôi muốn hỏi thủ tục cấp lại giấy phép lái xe bị mất cần những giấy tờ gì?", required = true) String question,
            @Schema(example = "Theo quy định tại Thông tư 35/2024/TT-BGTVT, hồ sơ đề nghị cấp lại giấy phép lái xe gồm đơn đề nghị và giấy khám sức khỏe.", required = true) String answer,
            @Schema(description = "The unit that answered.", example = "Phòng Hành chính – Tư pháp", required = true) String unit,
            @Schema(example = "2026-12-03T09:00:00Z", required = true) OffsetDateTime askedAt,
            @Schema(example = "2026-12-04T02:00:00Z", required = true) OffsetDateTime answeredAt) {
    }

    @Schema(name = "QuestionPrivacyNotice", description = "How the personal data of askers is used (Decree 13/2023/NĐ-CP), "
            + "to show beside the form.")
    public record PrivacyNotice(
            @Schema(example = "Sở Thông tin và Truyền thông Ninh Bình", required = true) String controller,
            @Schema(example = "Tiếp nhận, trả lời câu hỏi của công dân và liên hệ lại khi cần làm rõ nội dung câu hỏi.", required = true) String purpose,
            @Schema(example = "[\"Họ và tên\", \"Thư điện tử hoặc số điện thoại\", \"Lĩnh vực và nội dung câu hỏi\"]", required = true) List<String> collected,
            @Schema(example = "Câu hỏi, câu trả lời và họ tên viết tắt (ví dụ: Nguyễn V. A.); không bao giờ công khai thư điện tử, số điện thoại.", required = true) String published,
            @Schema(description = "Days after the answer (or the rejection) after which email and phone are erased.", example = "365", required = true) long retentionDays,
            @Schema(description = "The whole notice, to show as it is.", required = true) String text) {
    }

    /** The filters of a list, each null when absent. */
    record QuestionFilter(String query, String topic, QuestionState state) {
    }
}
