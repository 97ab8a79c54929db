package fr.ancrage.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SIREN (company, 9 digits) and SIRET (establishment: SIREN + 5-digit NIC) numbers issued by INSEE.
 * Both end with a Luhn check digit, except La Poste's establishments, see {@link #checkSiret}.
 */
public final class Siret {

    public static final String LA_POSTE_SIREN = "356000000";
    /** La Poste's head office: the one establishment of its SIREN checked by Luhn. */
    public static final String LA_POSTE_HEAD_OFFICE = "35600000000048";
    public static final int SIREN_LENGTH = 9;
    public static final int SIRET_LENGTH = 14;

    // Separators people type or paste from documents; French typography uses narrow no-break spaces.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F.\\-]");

    private Siret() {
    }

    /** Removes spaces, no-break spaces, dots and hyphens; {@code null} gives "". */
    public static String normalize(String raw) {
        return raw == null ? "" : SEPARATORS.matcher(raw).replaceAll("");
    }

    /** An empty input gives no issue: whether the field is required is the form's business. */
    public static List<Issue> checkSiren(String raw) {
        String siren = normalize(raw);
        if (siren.isEmpty()) {
            return List.of();
        }
        List<Issue> issues = checkShape(siren, SIREN_LENGTH, "validation.siren.length", "validation.siren.digits");
        if (issues.isEmpty()) {
            if (!luhn(siren)) {
                issues.add(Issue.error("validation.siren.key"));
            } else if (looksFakeSiren(siren)) {
                issues.add(Issue.warning("validation.siren.suspicious"));
            }
        }
        return List.copyOf(issues);
    }

    /**
     * La Poste registers its thousands of post offices under one SIREN and INSEE documents an
     * exception for them: such a SIRET is valid when the sum of its 14 digits is a multiple of 5,
     * and by that rule alone (a Luhn-valid one whose sum is not is refused). The head office
     * 356 000 000 00048 is the exception to the exception: its digit sum is 26 and it is checked by
     * Luhn, as python-stdnum's {@code fr.siret} does.
     */
    public static List<Issue> checkSiret(String raw) {
        String siret = normalize(raw);
        if (siret.isEmpty()) {
            return List.of();
        }
        List<Issue> issues = checkShape(siret, SIRET_LENGTH, "validation.siret.length", "validation.siret.digits");
        if (issues.isEmpty()) {
            if (!hasValidKey(siret)) {
                issues.add(Issue.error("validation.siret.key"));
            } else if (allSameDigit(siret) || looksFakeSiren(sirenOf(siret))) {
                issues.add(Issue.warning("validation.siret.suspicious"));
            }
        }
        return List.copyOf(issues);
    }

    public static boolean isValidSiren(String raw) {
        return !normalize(raw).isEmpty() && !Issue.anyError(checkSiren(raw));
    }

    public static boolean isValidSiret(String raw) {
        return !normalize(raw).isEmpty() && !Issue.anyError(checkSiret(raw));
    }

    /** The first 9 characters of the normalized SIRET; validate it first. */
    public static String sirenOf(String siret) {
        String normalized = normalize(siret);
        return normalized.substring(0, Math.min(SIREN_LENGTH, normalized.length()));
    }

    /** "356 000 000 00048" or "356 000 000"; anything else is returned trimmed, as typed. */
    public static String format(String sirenOrSiret) {
        String n = normalize(sirenOrSiret);
        if (!isDigits(n) || (n.length() != SIREN_LENGTH && n.length() != SIRET_LENGTH)) {
            return sirenOrSiret == null ? "" : sirenOrSiret.strip();
        }
        String siren = n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 9);
        return n.length() == SIREN_LENGTH ? siren : siren + " " + n.substring(SIREN_LENGTH);
    }

    private static List<Issue> checkShape(String value, int length, String lengthKey, String digitsKey) {
        List<Issue> issues = new ArrayList<>();
        if (value.length() != length) {
            issues.add(Issue.error(lengthKey, value.length()));
        }
        if (!isDigits(value)) {
            issues.add(Issue.error(digitsKey));
        }
        return issues;
    }

    private static boolean hasValidKey(String siret) {
        String siren = sirenOf(siret);
        if (siren.equals(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE)) {
            return digitSum(siret) % 5 == 0;
        }
        // Every SIREN carries its own key, so a SIRET built on a wrong SIREN is a typo as well.
        return luhn(siret) && luhn(siren);
    }

    /** Luhn: from the right, every second digit is doubled (minus 9 above 9); the total ends in 0. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    /** Placeholders typed to get past a required field: 000000000, or a run such as 901234567. */
    private static boolean looksFakeSiren(String siren) {
        return allSameDigit(siren) || isRun(siren, 1) || isRun(siren, -1);
    }

    private static boolean allSameDigit(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    private static boolean isRun(String digits, int step) {
        for (int i = 1; i < digits.length(); i++) {
            int expected = Math.floorMod(digits.charAt(i - 1) - '0' + step, 10);
            if (digits.charAt(i) - '0' != expected) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
