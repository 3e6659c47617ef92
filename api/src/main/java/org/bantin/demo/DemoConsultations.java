package org.bantin.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.consultation.CommentService;
import org.bantin.consultation.ConsultationRecords.CommentInput;
import org.bantin.consultation.ConsultationRecords.ConsultationInput;
import org.bantin.consultation.ConsultationService;
import org.bantin.ratelimit.BallotCaps;

/**
 * The demo's consultations on drafts: one open on a draft decision of the province, with comments awaiting or past
 * moderation, and one closed on a draft plan, with answered comments and the agency's summary.
 */
@ApplicationScoped
public class DemoConsultations {

    private static final Caller OFFICE = new Caller(null, "Văn phòng Sở", Role.EDITOR);

    private final EntityManager entityManager;
    private final ConsultationService consultations;
    private final CommentService comments;

    DemoConsultations(EntityManager entityManager, ConsultationService consultations, CommentService comments) {
        this.entityManager = entityManager;
        this.consultations = consultations;
        this.comments = comments;
    }

    /** In the demo content's transaction. */
    void load() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long portalRules = draft("du-thao-quyet-dinh-quy-dinh-quan-ly-van-hanh-cong-thong-tin-dien-tu-tinh", "Quyết định",
                "Ban hành Quy định quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử tỉnh Ninh Bình");
        long open = consultations.create(new ConsultationInput(
                "Lấy ý kiến dự thảo Quyết định ban hành Quy định quản lý, vận hành Cổng thông tin điện tử tỉnh",
                "Thực hiện Nghị định số 42/2022/NĐ-CP, Sở Thông tin và Truyền thông xây dựng dự thảo Quyết định của UBND "
                        + "tỉnh ban hành Quy định quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử tỉnh. "
                        + "Sở đề nghị các cơ quan, tổ chức, cá nhân nghiên cứu, góp ý cho dự thảo.",
                portalRules, now.minusDays(10), now.plusDays(20), null)).id();
        consultations.publish(open, null);
        long first = comment(open, "Trần Thị Hoa", "tranthihoa@example.vn", "UBND huyện Hoa Lư",
                "Đề nghị quy định rõ thời hạn cập nhật văn bản quy phạm pháp luật lên Cổng, ví dụ chậm nhất 02 ngày làm "
                        + "việc kể từ ngày ký ban hành.");
        comments.approve(open, first, OFFICE);
        comment(open, "Lê Văn Minh", "levanminh@example.vn", null,
                "Tại Điều 12, nên bổ sung trách nhiệm của các sở, ngành trong việc cử cán bộ đầu mối cung cấp thông tin.");

        long plan = draft("du-thao-ke-hoach-chuyen-doi-so-tinh-ninh-binh-nam-2025", "Kế hoạch",
                "Kế hoạch chuyển đổi số tỉnh Ninh Bình năm 2025");
        ConsultationInput planConsultation = new ConsultationInput(
                "Lấy ý kiến dự thảo Kế hoạch chuyển đổi số tỉnh Ninh Bình năm 2025",
                "Sở Thông tin và Truyền thông lấy ý kiến các cơ quan, doanh nghiệp và người dân đối với dự thảo Kế hoạch "
                        + "chuyển đổi số tỉnh năm 2025.",
                plan, now.minusDays(45), now.plusDays(1), null);
        long closed = consultations.create(planConsultation).id();
        consultations.publish(closed, null);
        long business = comment(closed, "Phạm Quốc Hưng", "phamquochung@example.vn", "Hội Doanh nghiệp tỉnh Ninh Bình",
                "Đề nghị bổ sung nhiệm vụ hỗ trợ doanh nghiệp nhỏ và vừa sử dụng hóa đơn điện tử và chữ ký số.");
        comments.answer(closed, business, "Ban soạn thảo tiếp thu, bổ sung nhiệm vụ tại Mục II.3 của Kế hoạch.", OFFICE);
        long commune = comment(closed, "Đinh Thị Lan", "dinhthilan@example.vn", "UBND xã Ninh Hải",
                "Cấp xã cần được đầu tư thêm thiết bị cho bộ phận một cửa để người dân nộp hồ sơ trực tuyến.");
        comments.approve(closed, commune, OFFICE);
        consultations.update(closed, new ConsultationInput(planConsultation.title(), planConsultation.description(), plan,
                now.minusDays(45), now.minusDays(15),
                "Sở Thông tin và Truyền thông đã nhận 2 ý kiến góp ý; đã tiếp thu ý kiến về hỗ trợ doanh nghiệp nhỏ và vừa, "
                        + "và sẽ xem xét đầu tư thiết bị cho bộ phận một cửa cấp xã trong kế hoạch năm 2026."),
                null);
    }

    private long comment(long consultation, String name, String email, String organisation, String text) {
        return comments.submit(consultation, new CommentInput(name, email, organisation, text, true), null,
                BallotCaps.Cap.NONE).id();
    }

    /** A draft document of the province, written straight into its table: it has no published version to announce. */
    private long draft(String slug, String type, String summary) {
        entityManager.createNativeQuery("INSERT INTO documents (slug, number, type, issuer, field, summary, created_at,"
                + " updated_at) VALUES (?1, 'Dự thảo', ?2, 'UBND tỉnh Ninh Bình', 'Công nghệ thông tin', ?3, now(), now())")
                .setParameter(1, slug).setParameter(2, type).setParameter(3, summary).executeUpdate();
        return ((Number) entityManager.createNativeQuery("SELECT id FROM documents WHERE slug = ?1").setParameter(1, slug)
                .getSingleResult()).longValue();
    }
}
