package org.bantin.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bantin.http.SpreadsheetCells;

/**
 * The audit log as RFC 4180 CSV (Apache Commons CSV) in UTF-8 with a byte order mark, with
 * Vietnamese column names and times in the site's zone, written row by row as it is read.
 */
final class AuditCsv implements AutoCloseable {

    static final String HEADER = "Thời điểm,Người thực hiện,Vai trò,Mã token,Đối tượng,Mã đối tượng,Thao tác,"
            + "Trường thay đổi,Địa chỉ,Phương thức,Đường dẫn,Mã trạng thái";

    private final CSVPrinter printer;
    private final ZoneId zone;

    AuditCsv(OutputStream out, ZoneId zone) {
        this.zone = zone;
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(SpreadsheetCells.BYTE_ORDER_MARK);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord((Object[]) HEADER.split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(AuditEntry entry) {
        try {
            printer.printRecord(entry.at.atZoneSameInstant(zone).toOffsetDateTime(),
                    SpreadsheetCells.neutralised(entry.actorName == null ? "" : entry.actorName),
                    entry.actorRole, entry.actorTokenId, entry.objectType, entry.objectId, entry.action,
                    SpreadsheetCells.neutralised(String.join(" ", entry.changedFields)), entry.clientAddress, entry.httpMethod,
                    SpreadsheetCells.neutralised(entry.path), entry.status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; the response's stream is closed by the server. */
    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
