package fr.ancrage.domain.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses, phone numbers and postcodes of contacts and organisations. */
public final class ContactRules {

    // Pragmatic rather than RFC 5322: it rejects typos (missing @, spaces, no domain suffix)
    // and keeps accented letters, which some French mailbox providers accept.
    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL =
            Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+\\p{L}{2,}");
    private static final int EMAIL_MAX_LENGTH = 254;

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F.\\-]");
    private static final Pattern FRENCH_NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    private static final Pattern FRENCH_INTERNATIONAL = Pattern.compile("\\+33([1-9]\\d{8})");
    // E.164 caps numbers at 15 digits, country code included.
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");

    private ContactRules() {
    }

    /** An empty input gives no issue: whether the field is required is the form's business. */
    public static List<Issue> checkEmail(String email) {
        String e = email == null ? "" : email.strip();
        if (e.isEmpty() || (e.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(e).matches())) {
            return List.of();
        }
        return List.of(Issue.error("validation.email.format"));
    }

    /**
     * French numbers ({@code 03 81 25 10 00}, {@code +33 3 81 25 10 00}, {@code +33 (0)3 ...}) and
     * other international numbers starting with {@code +} or {@code 00}.
     */
    public static List<Issue> checkPhone(String phone) {
        String p = compactPhone(phone);
        if (p.isEmpty() || frenchNational(p).isPresent()
                || (!p.startsWith("+33") && INTERNATIONAL.matcher(p).matches())) {
            return List.of();
        }
        return List.of(Issue.error("validation.phone.format"));
    }

    /** French numbers in national form by pairs ({@code 03 81 25 10 00}); others trimmed, as typed. */
    public static String formatPhone(String phone) {
        Optional<String> national = frenchNational(compactPhone(phone));
        if (national.isEmpty()) {
            return phone == null ? "" : phone.strip();
        }
        String n = national.get();
        StringBuilder formatted = new StringBuilder(n.substring(0, 2));
        for (int i = 2; i < n.length(); i += 2) {
            formatted.append(' ').append(n, i, i + 2);
        }
        return formatted.toString();
    }

    /** Five digits; an empty input gives no issue. */
    public static List<Issue> checkPostcode(String postcode) {
        String p = postcode == null ? "" : postcode.strip();
        if (p.isEmpty() || POSTCODE.matcher(p).matches()) {
            return List.of();
        }
        return List.of(Issue.error("validation.postcode.format"));
    }

    private static String compactPhone(String phone) {
        if (phone == null) {
            return "";
        }
        // "(0)" is the trunk prefix people add after +33 to show how to dial from France.
        String p = PHONE_SEPARATORS.matcher(phone).replaceAll("").replace("(0)", "");
        return p.startsWith("00") ? "+" + p.substring(2) : p;
    }

    private static Optional<String> frenchNational(String compact) {
        if (FRENCH_NATIONAL.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        var international = FRENCH_INTERNATIONAL.matcher(compact);
        return international.matches() ? Optional.of("0" + international.group(1)) : Optional.empty();
    }
}
