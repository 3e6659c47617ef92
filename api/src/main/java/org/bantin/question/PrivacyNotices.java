package org.bantin.question;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.question.QuestionRecords.PrivacyNotice;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The notice shown beside the question form: who keeps the asker's data, why, what is published, and how long. */
@ApplicationScoped
class PrivacyNotices {

    private static final String PURPOSE = "Tiếp nhận, chuyển đơn vị chuyên môn trả lời câu hỏi của công dân, tổ chức "
            + "và liên hệ lại khi cần làm rõ nội dung câu hỏi.";
    private static final List<String> COLLECTED = List.of("Họ và tên", "Thư điện tử hoặc số điện thoại",
            "Lĩnh vực và nội dung câu hỏi");
    private static final String PUBLISHED = "Câu hỏi, câu trả lời và họ tên viết tắt (ví dụ: Nguyễn V. A.); "
            + "thư điện tử và số điện thoại không bao giờ được công khai.";

    private final PrivacyNotice notice;

    PrivacyNotices(@ConfigProperty(name = "bantin.site.name") String controller, ContactRetention retention) {
        long days = retention.retention().toDays();
        String text = controller + " thu thập họ và tên, thư điện tử hoặc số điện thoại của người hỏi chỉ để "
                + PURPOSE.substring(0, 1).toLowerCase(Locale.ROOT) + PURPOSE.substring(1) + " " + PUBLISHED
                + " Thư điện tử và số điện thoại được xóa sau " + days
                + " ngày kể từ khi câu hỏi được trả lời hoặc từ chối; họ tên khi đó chỉ còn dạng viết tắt."
                + " Gửi câu hỏi là đồng ý với việc xử lý dữ liệu cá nhân như trên"
                + " (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).";
        this.notice = new PrivacyNotice(controller, PURPOSE, COLLECTED, PUBLISHED, days, text);
    }

    PrivacyNotice current() {
        return notice;
    }
}
