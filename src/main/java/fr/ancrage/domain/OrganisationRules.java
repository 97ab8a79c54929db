package fr.ancrage.domain;

import fr.ancrage.domain.validation.ContactRules;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.NafCode;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field rules of an organisation; errors block saving, warnings are shown next to the field. */
public final class OrganisationRules {

    public static final String LEGAL_NAME = "legalName";
    public static final String SIREN = "siren";
    public static final String SIRET = "siret";
    public static final String NAF = "naf";
    public static final String POSTCODE = "postcode";
    public static final String ADDRESS = "address";
    public static final String NETWORKS = "networks";
    public static final String NOTES = "notes";
    public static final int MAX_NAME = TextLimits.NAME;

    private OrganisationRules() {
    }

    /**
     * Field rules of a contact (by field: lastName, firstName, jobTitle, email, phone); an empty map
     * means it can be saved. Warnings of the e-mail and phone are left to the form.
     */
    public static Map<String, List<Issue>> checkContact(Contact c) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (Text.isBlank(c.lastName())) {
            issues.put("lastName", List.of(Issue.error("validation.contact.lastName.required")));
        }
        List<Issue> email = ContactRules.checkEmail(c.email());
        if (Issue.anyError(email)) {
            issues.put("email", email);
        }
        List<Issue> phone = ContactRules.checkPhone(c.phone());
        if (Issue.anyError(phone)) {
            issues.put("phone", phone);
        }
        TextLimits.check(issues, "firstName", c.firstName(), TextLimits.PERSON_NAME);
        TextLimits.check(issues, "lastName", c.lastName(), TextLimits.PERSON_NAME);
        TextLimits.check(issues, "jobTitle", c.jobTitle(), TextLimits.TITLE);
        TextLimits.check(issues, "email", c.email(), TextLimits.EMAIL);
        TextLimits.check(issues, "phone", c.phone(), TextLimits.PHONE);
        return issues;
    }

    public static List<Issue> checkLegalName(String name) {
        if (Text.isBlank(name)) {
            return List.of(Issue.error("validation.organisation.name.required"));
        }
        if (name.strip().length() > MAX_NAME) {
            return List.of(Issue.error("validation.text.tooLong", MAX_NAME));
        }
        return List.of();
    }

    /** SIREN alone, or SIREN consistent with the SIRET when both are given. */
    public static List<Issue> checkSirenAgainstSiret(String siren, String siret) {
        List<Issue> issues = new ArrayList<>(Siret.checkSiren(siren));
        String normalizedSiren = Siret.normalize(siren);
        String normalizedSiret = Siret.normalize(siret);
        if (issues.isEmpty() && !normalizedSiren.isEmpty() && normalizedSiret.length() == Siret.SIRET_LENGTH
                && !normalizedSiret.startsWith(normalizedSiren)) {
            issues.add(Issue.error("validation.siren.mismatch"));
        }
        return issues;
    }

    public static Map<String, List<Issue>> check(Organisation o) {
        Map<String, List<Issue>> all = new LinkedHashMap<>();
        put(all, LEGAL_NAME, checkLegalName(o.legalName()));
        put(all, SIRET, Siret.checkSiret(o.siret()));
        put(all, SIREN, checkSirenAgainstSiret(o.siren(), o.siret()));
        put(all, NAF, NafCode.check(o.nafCode()));
        put(all, POSTCODE, ContactRules.checkPostcode(o.postcode()));
        TextLimits.check(all, ADDRESS, o.addressLine(), TextLimits.ADDRESS);
        // Stored joined by one character, as OrganisationRepository does.
        TextLimits.check(all, NETWORKS, String.join(";", o.networks()), TextLimits.NETWORKS);
        TextLimits.check(all, NOTES, o.notes(), TextLimits.NOTES);
        return all;
    }

    public static boolean hasErrors(Map<String, List<Issue>> issues) {
        return issues.values().stream().anyMatch(Issue::anyError);
    }

    public static Map<String, List<Issue>> errorsOnly(Map<String, List<Issue>> issues) {
        Map<String, List<Issue>> errors = new LinkedHashMap<>();
        issues.forEach((field, list) -> {
            List<Issue> e = list.stream().filter(Issue::isError).toList();
            if (!e.isEmpty()) {
                errors.put(field, e);
            }
        });
        return errors;
    }

    private static void put(Map<String, List<Issue>> all, String field, List<Issue> issues) {
        if (!issues.isEmpty()) {
            all.put(field, issues);
        }
    }
}
