package org.bantin.http;

/**
 * Versions in ETag / If-Match headers of editor resources: the entity version as a quoted
 * string, so that a client that saved version 3 can say "change it only if it is still 3".
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for; null when the header is absent or `*`. */
    public static Integer version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match must be an ETag this API sent, such as \"3\".");
        }
    }
}
