package org.bantin.article;

import java.time.LocalDate;

/** The filters of the public article list; each is optional. */
record ArticleFilter(String category, String tag, String query, LocalDate from, LocalDate to) {
}
