package org.bantin.survey;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bantin.survey.SurveyRecords.SurveyResults;

/** Survey results as RFC 4180 CSV (Apache Commons CSV), with Vietnamese column names. */
final class SurveyCsv {

    /** Cells that spreadsheets read as formulas or that start a new cell (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SurveyCsv() {
    }

    static String of(SurveyResults results) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            printer.printRecord("Phương án", "Số phiếu", "Tỷ lệ (%)");
            for (var option : results.options()) {
                printer.printRecord(neutralised(option.text()), option.votes(), option.percent());
            }
            printer.printRecord("Tổng số người tham gia", results.totalVoters(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** Editor-written text that a spreadsheet would run is prefixed with a quote, which shows it as text. */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
