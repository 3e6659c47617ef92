package org.bantin.question;

import java.text.Normalizer;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * An asker's name as readers see it: the family name (the first word, as Vietnamese names are written) and the
 * initials of the rest, `Nguyễn Văn An` → `Nguyễn V. A.`, each capitalised; a one-word name becomes its initial. Shortening a
 * shortened name changes nothing, so it is also what is kept once the contact is erased.
 */
final class PublicNames {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private PublicNames() {
    }

    static String of(String name) {
        String[] words = Normalizer.normalize(name, Normalizer.Form.NFC).strip().split("\\s+");
        StringJoiner shortened = new StringJoiner(" ");
        int first = 0;
        if (words.length > 1) {
            int capital = words[0].offsetByCodePoints(0, 1);
            shortened.add(words[0].substring(0, capital).toUpperCase(VIETNAMESE) + words[0].substring(capital));
            first = 1;
        }
        for (int i = first; i < words.length; i++) {
            words[i].codePoints().filter(Character::isLetter).findFirst().ifPresent(
                    letter -> shortened.add(new String(Character.toChars(letter)).toUpperCase(VIETNAMESE) + "."));
        }
        return shortened.toString();
    }
}
