package fr.ancrage.documents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names that every spreadsheet accepts: no {@code []:*?/\'}, no control character or line
 * break, at most 31 UTF-16 units (a character beyond U+FFFF is never cut in two), never empty, and
 * unique within the workbook (compared without case, as Excel and LibreOffice do).
 */
final class SheetNames {

    static final int MAX = 31;

    private SheetNames() {
    }

    static String safe(String name) {
        String cleaned = SafeText.clean(name).replaceAll("[\\[\\]:*?/\\\\'\\s]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Feuille";
        }
        return cut(cleaned, MAX);
    }

    /** The safe names of a workbook's sheets, a number added to a name already taken: « Liste (2) ». */
    static List<String> unique(List<String> names) {
        List<String> result = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String safe = safe(name);
            String candidate = safe;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " (" + n + ")";
                candidate = cut(safe, MAX - suffix.length()) + suffix;
            }
            result.add(candidate);
        }
        return result;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }
}
