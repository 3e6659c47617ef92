package org.bantin.media;

import org.bantin.http.ProblemException;

/**
 * The one byte range a request asks for (RFC 9110, section 14), inclusive of both ends. A Range
 * header that does not parse, or that asks for several ranges, is ignored: the whole file is
 * sent (200), as the RFC allows.
 */
record ByteRange(long first, long last) {

    private static final String UNIT = "bytes=";

    long length() {
        return last - first + 1;
    }

    /**
     * The range to send of a file of size bytes with this ETag; null for the whole file.
     *
     * @param ifRange a validator: the range is honoured only when it is this file's ETag
     * @throws ProblemException (416) when the range starts past the end
     */
    static ByteRange of(String range, String ifRange, String etag, long size) {
        if (range == null || ifRange != null && !ifRange.trim().equals(etag)
                || !range.regionMatches(true, 0, UNIT, 0, UNIT.length()) || range.indexOf(',') >= 0) {
            return null;
        }
        String spec = range.substring(UNIT.length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long first = number(spec.substring(0, dash).trim());
        long last = number(spec.substring(dash + 1).trim());
        if (dash == 0) { // the last n bytes
            if (last < 0) {
                return null;
            }
            if (last == 0 || size == 0) {
                throw ProblemException.rangeNotSatisfiable(size);
            }
            return new ByteRange(Math.max(0, size - last), size - 1);
        }
        if (first < 0 || dash < spec.length() - 1 && (last < 0 || last < first)) {
            return null;
        }
        if (first >= size) {
            throw ProblemException.rangeNotSatisfiable(size);
        }
        return new ByteRange(first, dash == spec.length() - 1 ? size - 1 : Math.min(last, size - 1));
    }

    /** A non-negative decimal; -1 for anything else, or one too large to be a position. */
    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
