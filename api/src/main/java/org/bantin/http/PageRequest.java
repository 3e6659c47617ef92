package org.bantin.http;

/** The `page` and `limit` query parameters of every list, checked: 1 <= page <= 100,000, 1 <= limit <= 100. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Far beyond any archive's last page, and small enough that no offset overflows. */
    public static final int MAX_PAGE = 100_000;

    /** Parses the raw parameters (null = default); anything else than an in-range integer is a 400. */
    public static PageRequest of(String page, String limit) {
        return new PageRequest(
                QueryParams.integer("page", page, 1, 1, MAX_PAGE),
                QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    public long offset() {
        return (page - 1L) * limit;
    }

    /** A page of a list whose total is counted exactly. */
    public <T> Page<T> of(java.util.List<T> items, long total) {
        return new Page<>(items, page, limit, total, true);
    }

    /** A page of a list that is served only to {@code depth} items, counted up to one more than that. */
    public <T> Page<T> of(java.util.List<T> items, long countedUpTo, int depth) {
        return countedUpTo > depth
                ? new Page<>(items, page, limit, depth, false)
                : new Page<>(items, page, limit, countedUpTo, true);
    }

    /** Refuses with a 400 naming `page`, saying `beyond`, a page that reaches past the list's first `depth` items. */
    public void requireWithin(int depth, String beyond) {
        if (offset() + limit > depth) {
            throw ProblemException.invalidField(400, "page", beyond);
        }
    }
}
