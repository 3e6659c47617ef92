package org.bantin.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses query parameters by hand: JAX-RS answers a parameter it cannot convert with 404,
 * where a client deserves a 400 problem naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(400, name, "must be an integer between " + min + " and " + max);
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(400, name, "must be a date as YYYY-MM-DD");
        }
    }

    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw ProblemException.invalidField(400, name, "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }
}
