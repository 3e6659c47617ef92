package org.bantin.http;

/** The `page` and `limit` query parameters of every list, checked: page >= 1, 1 <= limit <= 100. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Parses the raw parameters (null = default); anything else than an in-range integer is a 400. */
    public static PageRequest of(String page, String limit) {
        return new PageRequest(
                QueryParams.integer("page", page, 1, 1, Integer.MAX_VALUE),
                QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    public int offset() {
        return (page - 1) * limit;
    }

    public <T> Page<T> of(java.util.List<T> items, long total) {
        return new Page<>(items, page, limit, total);
    }
}
