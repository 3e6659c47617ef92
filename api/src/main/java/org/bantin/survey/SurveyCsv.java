package org.bantin.survey;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bantin.http.SpreadsheetCells;
import org.bantin.survey.SurveyRecords.SurveyResults;

/** Survey results as RFC 4180 CSV (Apache Commons CSV), with Vietnamese column names. */
final class SurveyCsv {

    private SurveyCsv() {
    }

    static String of(SurveyResults results) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            printer.printRecord("Phương án", "Số phiếu", "Tỷ lệ (%)");
            for (var option : results.options()) {
                printer.printRecord(SpreadsheetCells.neutralised(option.text()), option.votes(), option.percent());
            }
            printer.printRecord("Tổng số người tham gia", results.totalVoters(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
