package org.bantin.consultation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notice shown beside the comment form (Decree 13/2023/NĐ-CP): the purpose, what is kept, for how long, and
 * what is published. It states the configured retention, which PersonalDataRetention applies.
 */
@ApplicationScoped
class PrivacyNotice {

    private final Duration retention;
    private final String text;

    PrivacyNotice(@ConfigProperty(name = "bantin.consultation.personal-data-retention") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("BANTIN_CONSULTATION_PERSONAL_DATA_RETENTION must be positive");
        }
        this.retention = retention;
        long days = Math.max(1, retention.toDays());
        this.text = "Thông báo về xử lý dữ liệu cá nhân (Nghị định số 13/2023/NĐ-CP): họ và tên, địa chỉ email, cơ quan, "
                + "tổ chức, nội dung góp ý và tệp đính kèm (nếu có) của Quý vị chỉ được dùng để tổng hợp, tiếp thu, giải "
                + "trình ý kiến đối với dự thảo này và để liên hệ lại với Quý vị khi cần làm rõ ý kiến. Các thông tin này "
                + "được lưu giữ đến hết " + days + " ngày kể từ khi kết thúc lấy ý kiến; sau thời hạn đó, địa chỉ email, "
                + "tệp đính kèm và họ tên của các ý kiến không được công bố sẽ bị xóa. Địa chỉ email và số điện thoại "
                + "không bao giờ được công khai. Sau khi kết thúc lấy ý kiến, các ý kiến được chấp nhận đăng tải sẽ được "
                + "công bố cùng họ và tên, cơ quan, tổ chức và nội dung trả lời của cơ quan chủ trì soạn thảo. Quý vị "
                + "cần đồng ý với việc xử lý dữ liệu nêu trên để gửi ý kiến.";
    }

    Duration retention() {
        return retention;
    }

    String text() {
        return text;
    }
}
