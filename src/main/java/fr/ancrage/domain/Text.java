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

    /**
     * As {@link #clean}, the no-break spaces (U+00A0, U+202F…) stripped too: for a one-line name
     * that must not look blank, nor start or end with a space one cannot see.
     */
    public static String cleanLine(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
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
