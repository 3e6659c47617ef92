package org.bantin.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The canonical cache key of a public content read: one key for all the spellings of one request
 * (percent-encoded or plain slug, parameters in any order, defaults written out or left off), so
 * that a client cannot fill the cache with copies of one page. A request that is not a cached read,
 * or whose spelling is unusual enough to doubt how the endpoint reads it, has no key and passes by
 * the cache. Hand-written scanning: it runs for every public read, on the I/O thread.
 */
final class CacheKeys {

    static final String SITE = "/api/v1/site";
    static final String ARTICLES = "/api/v1/articles";
    static final String ARTICLE_PREFIX = ARTICLES + "/";
    static final String DOCUMENTS = "/api/v1/documents";
    private static final String DOCUMENT_PREFIX = DOCUMENTS + "/";
    static final String QUESTIONS = "/api/v1/questions";
    private static final String QUESTION_PREFIX = QUESTIONS + "/";
    static final String CONSULTATIONS = "/api/v1/consultations";
    private static final String CONSULTATION_PREFIX = CONSULTATIONS + "/";
    private static final String COMMENTS_SUFFIX = "/comments";
    private static final String LIST_PREFIX = ARTICLES + "?";
    /** Reads that take no query parameters: they ignore the query, and so does their key. */
    private static final Set<String> WITHOUT_PARAMETERS = Set.of(SITE, "/api/v1/categories");
    /** The query parameters of the article list (ArticleResource.list), in key order. */
    static final String[] LIST_PARAMETERS = {"category", "tag", "q", "from", "to", "page", "limit"};
    /** The query parameters of the document list (DocumentResource.list), in key order. */
    static final String[] DOCUMENT_LIST_PARAMETERS = {"q", "number", "type", "issuer", "field", "signer", "year", "status",
            "page", "limit"};
    /** The query parameters of the public question list (QuestionResource.list), in key order. */
    static final String[] QUESTION_LIST_PARAMETERS = {"q", "topic", "page", "limit"};
    /** The query parameters of the consultation list (ConsultationResource.list), in key order. */
    static final String[] CONSULTATION_LIST_PARAMETERS = {"status", "page", "limit"};
    /** The query parameters of a closed consultation's comments (ConsultationResource.listComments), in key order. */
    static final String[] COMMENT_LIST_PARAMETERS = {"page", "limit"};
    private static final int CATEGORY = 0;
    private static final int TAG = 1;
    private static final int QUERY = 2;
    private static final String DEFAULT_PAGE = "1";
    private static final String DEFAULT_LIMIT = Integer.toString(PageRequest.DEFAULT_LIMIT);
    /** Separates the parameter values in a list's key; a value holding it has no key. */
    private static final char SEPARATOR = '\0';

    private CacheKeys() {
    }

    /**
     * The key of a GET of /site, /categories, /articles, /articles/{slug}, /documents, /documents/{slug},
     * /questions or /questions/{id} (and /questions/topics, /questions/privacy-notice), /consultations,
     * /consultations/{id} or /consultations/{id}/comments; null for any other request, or one that is not to be
     * cached.
     *
     * @throws ProblemException (400) for a query parameter that the list does not take
     */
    static String of(String rawPath, String rawQuery) {
        if (WITHOUT_PARAMETERS.contains(rawPath)) {
            return rawPath;
        }
        if (rawPath.equals(ARTICLES)) {
            return listKey(ARTICLES, LIST_PARAMETERS, rawQuery);
        }
        if (rawPath.equals(DOCUMENTS)) {
            return listKey(DOCUMENTS, DOCUMENT_LIST_PARAMETERS, rawQuery);
        }
        if (rawPath.equals(QUESTIONS)) {
            return listKey(QUESTIONS, QUESTION_LIST_PARAMETERS, rawQuery);
        }
        if (rawPath.equals(CONSULTATIONS)) {
            return listKey(CONSULTATIONS, CONSULTATION_LIST_PARAMETERS, rawQuery);
        }
        if (isConsultationComments(rawPath)) {
            return listKey(rawPath, COMMENT_LIST_PARAMETERS, rawQuery);
        }
        for (String prefix : new String[]{ARTICLE_PREFIX, DOCUMENT_PREFIX, QUESTION_PREFIX, CONSULTATION_PREFIX}) {
            if (rawPath.startsWith(prefix) && rawPath.indexOf('/', prefix.length()) < 0) {
                return itemKey(prefix, rawPath);
            }
        }
        return null;
    }

    /** /consultations/{id}/comments with the id in plain digits, as the endpoint's path parameter reads it. */
    private static boolean isConsultationComments(String rawPath) {
        int end = rawPath.length() - COMMENTS_SUFFIX.length();
        if (!rawPath.startsWith(CONSULTATION_PREFIX) || !rawPath.endsWith(COMMENTS_SUFFIX)
                || end <= CONSULTATION_PREFIX.length() || end - CONSULTATION_PREFIX.length() > 18) {
            return false;
        }
        for (int i = CONSULTATION_PREFIX.length(); i < end; i++) {
            if (rawPath.charAt(i) < '0' || rawPath.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String itemKey(String prefix, String rawPath) {
        if (rawPath.indexOf('%', prefix.length()) < 0) {
            return isItem(prefix, rawPath) ? rawPath : null;
        }
        String slug = decode(rawPath, prefix.length(), rawPath.length(), false);
        String key = slug == null || slug.indexOf('/') >= 0 ? null : prefix + slug;
        return key != null && isItem(prefix, key) ? key : null;
    }

    /** A slug, not empty nor a dot segment (the router reads /articles/.. as another path). */
    private static boolean isItem(String prefix, String path) {
        return path.length() > prefix.length() && !path.endsWith("/.") && !path.endsWith("/..");
    }

    /** The slug of an article's key, or null for another key. */
    static String slugOf(String key) {
        return key.startsWith(ARTICLE_PREFIX) ? key.substring(ARTICLE_PREFIX.length()) : null;
    }

    /** The filters of a list's key, each null when absent. */
    record ListFilters(String category, String tag, String query) {
    }

    /** The filters of a list's key with any parameter other than the defaults; else (another key) null. */
    static ListFilters listFiltersOf(String key) {
        if (!key.startsWith(LIST_PREFIX)) {
            return null;
        }
        String[] values = key.substring(LIST_PREFIX.length()).split(String.valueOf(SEPARATOR), -1);
        return new ListFilters(present(values[CATEGORY]), present(values[TAG]), present(values[QUERY]));
    }

    private static String present(String value) {
        return value.isEmpty() ? null : value;
    }

    /**
     * Reads the query as the endpoint does (pairs split at `&` or `;`, `+` a space, the first of
     * repeated names wins, blank values are left off, text trimmed, numbers compared as numbers).
     */
    private static String listKey(String path, String[] parameters, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        String[] values = new String[parameters.length];
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = endOfPair(rawQuery, start);
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                int index = parameterAt(parameters, rawQuery, start, nameEnd);
                if (index < 0) {
                    String name = decode(rawQuery, start, nameEnd, true);
                    if (name == null) {
                        return null;
                    }
                    throw ProblemException.invalidField(400, name, "is not a parameter of this list");
                }
                if (values[index] == null) {
                    values[index] = nameEnd == end ? "" : decode(rawQuery, nameEnd + 1, end, true);
                    if (values[index] == null) {
                        return null;
                    }
                }
            }
            start = end + 1;
        }
        // Every list ends with page and limit, the numbers among its parameters.
        int page = parameters.length - 2;
        int limit = parameters.length - 1;
        StringBuilder key = new StringBuilder(path.length() + rawQuery.length() + parameters.length + 2).append(path)
                .append('?');
        boolean defaults = true;
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : i == page || i == limit ? number(values[i]) : text(values[i]);
            if (value == null || value.indexOf(SEPARATOR) >= 0) {
                return null;
            }
            if (i == page && value.equals(DEFAULT_PAGE) || i == limit && value.equals(DEFAULT_LIMIT)) {
                value = "";
            }
            defaults &= value.isEmpty();
            key.append(value).append(SEPARATOR);
        }
        return defaults ? path : key.toString();
    }

    private static int endOfPair(String query, int start) {
        for (int i = start; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '&' || c == ';') {
                return i;
            }
        }
        return query.length();
    }

    /** The index of the parameter named by `query[from, to)`, written plainly or percent-encoded; else -1. */
    private static int parameterAt(String[] parameters, String query, int from, int to) {
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i];
            if (to - from == name.length() && query.regionMatches(from, name, 0, name.length())) {
                return i;
            }
        }
        int escape = query.indexOf('%', from);
        String decoded = escape >= 0 && escape < to ? decode(query, from, to, true) : null;
        return decoded == null ? -1 : Arrays.asList(parameters).indexOf(decoded);
    }

    /** As QueryParams.text reads it: blank is absent (""), else trimmed. */
    private static String text(String value) {
        return value == null || value.isBlank() ? "" : value.trim();
    }

    /**
     * As QueryParams.integer reads it (Integer.parseInt of the trimmed value: a `+`, any
     * Unicode digits), written in plain digits; blank is absent (""); null for what is no
     * positive int (a 400, never cached).
     */
    private static String number(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String trimmed = value.trim();
        int i = trimmed.charAt(0) == '+' ? 1 : 0;
        if (i == trimmed.length()) {
            return null;
        }
        boolean plain = i == 0 && trimmed.charAt(0) != '0'; // as written: the key needs no copy
        long number = 0;
        for (; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            int digit = Character.digit(c, 10);
            if (digit < 0) {
                return null;
            }
            plain &= c <= '9';
            number = number * 10 + digit;
            if (number > Integer.MAX_VALUE) {
                return null;
            }
        }
        return number == 0 ? null : plain ? trimmed : Long.toString(number);
    }

    /**
     * Percent-decodes `raw[from, to)` as UTF-8 (and `+` as a space in a query); null when an
     * escape is malformed or the bytes are not UTF-8, which the endpoint might read otherwise.
     */
    private static String decode(String raw, int from, int to, boolean plusIsSpace) {
        int escape = -1;
        for (int i = from; i < to && escape < 0; i++) {
            char c = raw.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                escape = i;
            }
        }
        if (escape < 0) {
            return raw.substring(from, to);
        }
        byte[] bytes = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? hex(raw.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(raw.charAt(i + 2));
                if (low < 0) {
                    return null;
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                return null; // a raw request line is ASCII
            } else {
                bytes[length++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        String decoded = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') < 0 ? decoded : null;
    }

    private static int hex(char c) {
        return c > 0x7f ? -1 : Character.digit(c, 16);
    }
}
