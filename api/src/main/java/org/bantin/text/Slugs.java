package org.bantin.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** URL slugs from Vietnamese text: `Đẩy mạnh cải cách` becomes `day-manh-cai-cach`. */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    /**
     * What a valid slug looks like: lower-case ASCII words joined by single hyphens, at most MAX_LENGTH long. Written
     * without a repeated group, which Java's regex engine matches by recursion: a long enough input overflowed the stack.
     */
    public static final String PATTERN = "^(?!-)(?!.*--)(?!.*-$)[a-z0-9-]{1,200}$";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug of a text; empty when the text has no letters or digits. */
    public static String of(String text) {
        // Đ/đ is a letter of its own, not D with a mark, so decomposition leaves it alone.
        String withoutMarks = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('Đ', 'D').replace('đ', 'd');
        String slug = NON_ALPHANUMERIC.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll("-");
        return trimToLength(slug.replaceAll("^-|-$", ""));
    }

    /** The base, or the first of base-2, base-3, ... that is not taken. */
    public static String firstFree(String base, Set<String> taken) {
        String slug = base;
        for (int suffix = 2; taken.contains(slug); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    /** Cuts a long slug at the last hyphen that fits, so that no word is cut in half. */
    private static String trimToLength(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
    }
}
