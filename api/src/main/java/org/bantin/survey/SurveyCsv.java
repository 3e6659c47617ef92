package org.bantin.survey;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bantin.survey.SurveyRecords.SurveyResults;

/** Survey results as RFC 4180 CSV, with Vietnamese column names. */
final class SurveyCsv {

    private SurveyCsv() {
    }

    static String of(SurveyResults results) {
        StringBuilder csv = new StringBuilder();
        row(csv, "Phương án", "Số phiếu", "Tỷ lệ (%)");
        results.options()
                .forEach(option -> row(csv, option.text(), Long.toString(option.votes()), Double.toString(option.percent())));
        row(csv, "Tổng số người tham gia", Long.toString(results.totalVoters()), "");
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        csv.append(Stream.of(fields).map(SurveyCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    private static String field(String value) {
        if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
