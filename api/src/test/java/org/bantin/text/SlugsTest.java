package org.bantin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void thePatternTakesSlugsAndRefusesTheRestWithoutRecursing() {
        assertTrue(Pattern.matches(Slugs.PATTERN, "day-manh-cai-cach-2024"));
        assertTrue(Pattern.matches(Slugs.PATTERN, "a".repeat(Slugs.MAX_LENGTH)));
        for (String bad : new String[]{"", "-a", "a-", "a--b", "A-b", "đ", "a b", "a".repeat(Slugs.MAX_LENGTH + 1),
                "a-".repeat(60_000) + "a"}) {
            assertFalse(Pattern.matches(Slugs.PATTERN, bad), bad.length() > 20 ? bad.length() + " characters" : bad);
        }
    }

    @Test
    void theSampleTitleGivesTheExpectedSlug() {
        assertEquals("day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep",
                Slugs.of("Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp"));
    }

    @Test
    void dWithStrokeBecomesD() {
        assertEquals("dang-bo-hdnd-ubnd", Slugs.of("ĐẢNG BỘ – HĐND, UBND"));
    }

    @Test
    void decimalCommasAndSymbolsBecomeHyphens() {
        assertEquals("chi-so-dat-8-17-10-diem", Slugs.of("  Chỉ số đạt 8,17/10 điểm!  "));
    }

    @Test
    void textWithoutLettersGivesAnEmptySlug() {
        assertEquals("", Slugs.of("./. – !!"));
    }

    @Test
    void longTitlesAreCutBetweenWords() {
        String slug = Slugs.of("cải cách ".repeat(60));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertTrue(slug.endsWith("cach"), slug);
        assertTrue(slug.matches(Slugs.PATTERN));
    }
}
