package fr.ancrage.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by the domain rules. */
public final class Text {

    private Text() {
    }

    /** Trims and turns null into the empty string, so records never carry null text. */
    public static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Lower case, accents removed, punctuation collapsed: the form used to compare names. */
    public static String searchKey(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        String noMarks = decomposed.replaceAll("\\p{M}+", "");
        return noMarks.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
