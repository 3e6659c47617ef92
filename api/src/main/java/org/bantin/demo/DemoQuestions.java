package org.bantin.demo;

import java.util.List;

import org.bantin.auth.Caller;
import org.bantin.question.QuestionRecords.AskInput;
import org.bantin.question.QuestionService;

/** Citizens' questions of the demo site: a few answered and published, one waiting in the queue. */
final class DemoQuestions {

    /** A question, and the unit that answered it and how (both null for one still waiting). */
    private record Demo(String name, String email, String phone, String topic, String question, String unit,
            String answer) {
    }

    private static final List<Demo> QUESTIONS = List.of(
            new Demo("Nguyễn Văn An", "nguyenvanan@example.vn", null, "Thủ tục hành chính",
                    "Công ty tôi muốn thiết lập trang thông tin điện tử tổng hợp. Xin hỏi hồ sơ xin cấp giấy phép gồm "
                            + "những gì, nộp ở đâu và bao lâu thì được giải quyết?",
                    "Phòng Thông tin – Báo chí – Xuất bản",
                    "Theo Nghị định 72/2013/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định 27/2018/NĐ-CP, doanh nghiệp nộp hồ sơ "
                            + "đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp tại Trung tâm Phục vụ hành chính "
                            + "công tỉnh hoặc trực tuyến trên Cổng Dịch vụ công. Hồ sơ gồm: đơn đề nghị theo mẫu; bản sao giấy "
                            + "chứng nhận đăng ký doanh nghiệp; đề án hoạt động có chữ ký, dấu của người đứng đầu; văn bản chấp "
                            + "thuận của các cơ quan cung cấp nguồn tin. Thời hạn giải quyết là 10 ngày làm việc kể từ ngày nhận "
                            + "đủ hồ sơ hợp lệ."),
            new Demo("Trần Thị Bích Ngọc", null, "0912 345 678", "Thủ tục hành chính",
                    "Tôi có thể dùng tài khoản định danh điện tử VNeID để đăng nhập và nộp hồ sơ trực tuyến trên Cổng Dịch vụ "
                            + "công của tỉnh không?",
                    "Trung tâm Công nghệ thông tin và Truyền thông",
                    "Có. Theo Nghị định 69/2024/NĐ-CP về định danh và xác thực điện tử, từ ngày 01/7/2024 công dân đăng nhập "
                            + "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh bằng tài khoản định danh điện tử mức độ 2. "
                            + "Ông/bà chọn \"Đăng nhập bằng VNeID\" và quét mã QR bằng ứng dụng VNeID trên điện thoại. Khi gặp "
                            + "khó khăn, xin liên hệ bộ phận hỗ trợ của Trung tâm Phục vụ hành chính công tỉnh trong giờ hành chính."),
            new Demo("Lê Minh Tuấn", "leminhtuan@example.vn", "0229 3871 234", "Thông tin – Truyền thông",
                    "Thôn tôi ở xã Gia Sinh, huyện Gia Viễn sóng điện thoại di động rất yếu, thường xuyên mất tín hiệu vào "
                            + "buổi tối. Sở có kế hoạch hỗ trợ phủ sóng cho khu vực này không?",
                    "Phòng Bưu chính, Viễn thông",
                    "Sở đã chuyển phản ánh của ông đến các doanh nghiệp viễn thông trên địa bàn và đề nghị kiểm tra chất lượng "
                            + "sóng tại xã Gia Sinh. Theo kế hoạch phát triển hạ tầng viễn thông thụ động của tỉnh, các doanh nghiệp "
                            + "sẽ lắp đặt bổ sung trạm phát sóng tại khu vực trong năm tới. Trong thời gian này, người dân có thể "
                            + "phản ánh trực tiếp qua tổng đài chăm sóc khách hàng của nhà mạng đang sử dụng."),
            new Demo("Phạm Thu Hà", "phamthuha@example.vn", null, "Thủ tục hành chính",
                    "Hội nghề nghiệp của chúng tôi muốn xuất bản bản tin nội bộ phát hành hằng quý. Thủ tục xin cấp giấy phép "
                            + "xuất bản bản tin thực hiện như thế nào?",
                    "Phòng Thông tin – Báo chí – Xuất bản",
                    "Cơ quan, tổ chức có trụ sở trên địa bàn tỉnh nộp hồ sơ đề nghị cấp giấy phép xuất bản bản tin tại Trung tâm "
                            + "Phục vụ hành chính công tỉnh hoặc trên Cổng Dịch vụ công. Hồ sơ gồm tờ khai đề nghị cấp giấy phép "
                            + "theo mẫu, bản sao quyết định thành lập của tổ chức, và mẫu trình bày tên gọi của bản tin. Sở xem "
                            + "xét và cấp giấy phép trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp không cấp "
                            + "sẽ trả lời bằng văn bản và nêu rõ lý do."),
            new Demo("Hoàng Văn Bình", null, "0987 654 321", "Thủ tục hành chính",
                    "Bộ phận một cửa của Sở có tiếp nhận hồ sơ vào sáng thứ Bảy không?", null, null));

    private DemoQuestions() {
    }

    /** Asks each question; those with an answer are routed, answered and published by the demo's editor. */
    static void load(QuestionService questions, Caller editor) {
        for (Demo demo : QUESTIONS) {
            long id = questions.ask(new AskInput(demo.name(), demo.email(), demo.phone(), demo.topic(), demo.question(),
                    true)).id();
            if (demo.answer() != null) {
                questions.assign(id, demo.unit(), editor);
                questions.answer(id, demo.answer(), editor);
                questions.publish(id, editor);
            }
        }
    }
}
