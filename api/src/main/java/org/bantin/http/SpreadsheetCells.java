package org.bantin.http;

/** What CSV files for spreadsheet programs need: a byte order mark, and text that cannot run as a formula. */
public final class SpreadsheetCells {

    /** Spreadsheet programs read UTF-8 correctly only when the file starts with a byte order mark. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Cells that spreadsheets read as formulas or that start a new cell (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** Text written by people that a spreadsheet would run is prefixed with a quote, which shows it as text. */
    public static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
