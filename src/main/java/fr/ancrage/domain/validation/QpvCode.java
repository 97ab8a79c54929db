package fr.ancrage.domain.validation;

import fr.ancrage.domain.GeographyVersion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Codes of the quartiers prioritaires (QPV). The 2015 geography uses {@code QP} + department on
 * 3 characters + 3 digits ({@code QP059001}); the 2024 one uses {@code QN} + department + 3
 * characters ({@code QN07501M}), so the prefix tells which geography a code belongs to.
 */
public final class QpvCode {

    public static final int LENGTH = 8;

    // Metropolitan departments are padded with a leading 0 (059, 02A); 20 has not existed since
    // Corsica was split. Overseas codes are kept broad (97x, 98x): collectivités such as
    // Saint-Martin have priority neighbourhoods too.
    private static final String DEPARTMENT = "(?:0(?:0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5])|9[78]\\d)";
    private static final Pattern CODE_2015 = Pattern.compile("QP" + DEPARTMENT + "\\d{3}");
    private static final Pattern CODE_2024 = Pattern.compile("QN" + DEPARTMENT + "[0-9A-Z]{3}");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u202F]");

    private QpvCode() {
    }

    /** Upper case without blanks; {@code null} gives "". */
    public static String normalize(String code) {
        return code == null ? "" : BLANKS.matcher(code).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** An empty input gives no issue: whether the field is required is the form's business. */
    public static List<Issue> check(String code) {
        String c = normalize(code);
        if (c.isEmpty()) {
            return List.of();
        }
        if (c.length() != LENGTH) {
            return List.of(Issue.error("validation.qpv.length", c.length()));
        }
        return versionOf(c).isPresent() ? List.of() : List.of(Issue.error("validation.qpv.format"));
    }

    /** The geography of a well-formed code; empty when the code is malformed. */
    public static Optional<GeographyVersion> versionOf(String code) {
        String c = normalize(code);
        if (CODE_2015.matcher(c).matches()) {
            return Optional.of(GeographyVersion.QPV_2015);
        }
        if (CODE_2024.matcher(c).matches()) {
            return Optional.of(GeographyVersion.QPV_2024);
        }
        return Optional.empty();
    }

    /**
     * The official (COG) department code: 059 gives 59, 02A gives 2A, 971 stays 971.
     *
     * @throws IllegalArgumentException when the code is malformed
     */
    public static String departmentCodeOf(String code) {
        String c = normalize(code);
        if (versionOf(c).isEmpty()) {
            throw new IllegalArgumentException("Malformed QPV code: " + code);
        }
        String department = c.substring(2, 5);
        return department.charAt(0) == '0' ? department.substring(1) : department;
    }
}
