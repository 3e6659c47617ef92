package org.bantin.consultation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bantin.consultation.ConsultationRecords.ModeratedComment;
import org.bantin.http.SpreadsheetCells;

/**
 * Every comment of a consultation for the drafting office, as RFC 4180 CSV (Apache Commons CSV) with Vietnamese column
 * names and times in the site's zone; readers' text can never run as a spreadsheet formula.
 */
final class CommentCsv {

    private CommentCsv() {
    }

    static String of(List<ModeratedComment> comments, ZoneId zone) {
        StringBuilder csv = new StringBuilder(SpreadsheetCells.BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            printer.printRecord("Mã ý kiến", "Thời gian gửi", "Họ và tên", "Email", "Cơ quan, tổ chức", "Nội dung góp ý",
                    "Tệp đính kèm", "Trạng thái", "Người duyệt", "Thời gian duyệt", "Lý do từ chối", "Trả lời",
                    "Người trả lời", "Thời gian trả lời");
            for (ModeratedComment comment : comments) {
                printer.printRecord(comment.id(), time(comment.createdAt(), zone), text(comment.name()),
                        text(comment.email()), text(comment.organisation()), text(comment.comment()),
                        comment.attachment() == null ? "" : text(comment.attachment().fileName()), comment.status(),
                        text(comment.moderatedBy()), time(comment.moderatedAt(), zone), text(comment.reason()),
                        text(comment.answer()), text(comment.answeredBy()), time(comment.answeredAt(), zone));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetCells.neutralised(value);
    }

    private static String time(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : at.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}
