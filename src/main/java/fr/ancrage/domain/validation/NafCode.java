package fr.ancrage.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Activity codes of the NAF rév. 2 (APE code), written {@code 62.01Z}. */
public final class NafCode {

    private static final Pattern CANONICAL = Pattern.compile("\\d{2}\\.\\d{2}[A-Z]");
    // Registers and Kbis extracts often drop the dot: 6201Z.
    private static final Pattern WITHOUT_DOT = Pattern.compile("(\\d{2})(\\d{2}[A-Z])");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u202F]");

    private NafCode() {
    }

    /** {@code 6201z} and {@code 62.01Z} both give {@code 62.01Z}; other input is only cleaned. */
    public static String normalize(String code) {
        String c = code == null ? "" : BLANKS.matcher(code).replaceAll("").toUpperCase(Locale.ROOT);
        var withoutDot = WITHOUT_DOT.matcher(c);
        return withoutDot.matches() ? withoutDot.group(1) + "." + withoutDot.group(2) : c;
    }

    /** An empty input gives no issue: whether the field is required is the form's business. */
    public static List<Issue> check(String code) {
        String c = normalize(code);
        if (c.isEmpty() || CANONICAL.matcher(c).matches()) {
            return List.of();
        }
        return List.of(Issue.error("validation.naf.format"));
    }
}
