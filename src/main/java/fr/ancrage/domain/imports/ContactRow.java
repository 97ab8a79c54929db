package fr.ancrage.domain.imports;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Issue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a contacts spreadsheet, checked: the person it would add to an organisation of the
 * base (found by SIRET or name), and every problem found on its field.
 */
public record ContactRow(int number, Map<ImportField, String> values, Contact candidate, Organisation organisation,
                         List<RowIssue> issues) implements CheckedRow {

    private static final UUID NONE = new UUID(0, 0);

    public ContactRow {
        values = Map.copyOf(values);
        issues = List.copyOf(issues);
    }

    @Override
    public String label() {
        return candidate.fullName();
    }

    @Override
    public String shown(ImportField field) {
        if (field == ImportField.LAST_NAME) {
            return candidate.fullName();
        }
        if (field == ImportField.LEGAL_NAME && organisation != null) {
            return organisation.legalName();
        }
        return values.getOrDefault(field, "");
    }

    public static ContactRow check(int number, Map<ImportField, String> raw, OrganisationLookup organisations) {
        Map<ImportField, String> v = new EnumMap<>(ImportField.class);
        raw.forEach((f, s) -> v.put(f, Text.cleanLine(s)));
        List<RowIssue> issues = new ArrayList<>();
        OrganisationLookup.Found found = organisations.find(v);
        if (found.issue() != null) {
            issues.add(found.issue());
        }
        Civility civility = null;
        String civilityText = v.getOrDefault(ImportField.CIVILITY, "");
        if (!civilityText.isEmpty()) {
            civility = civility(civilityText);
            if (civility == null) {
                issues.add(new RowIssue(ImportField.CIVILITY, Issue.error("import.row.civility.unknown", civilityText)));
            }
        }
        Boolean maySign = yesNo(v.getOrDefault(ImportField.MAY_SIGN, ""));
        if (maySign == null) {
            issues.add(new RowIssue(ImportField.MAY_SIGN, Issue.error("import.row.yesNo", v.get(ImportField.MAY_SIGN))));
        }
        Contact candidate = new Contact(RecordMeta.fresh(), found.organisation() == null ? NONE : found.organisation().id(),
                civility, v.getOrDefault(ImportField.FIRST_NAME, ""), v.getOrDefault(ImportField.LAST_NAME, ""),
                v.getOrDefault(ImportField.JOB_TITLE, ""), v.getOrDefault(ImportField.EMAIL, ""),
                v.getOrDefault(ImportField.PHONE, ""), Boolean.TRUE.equals(maySign));
        Map<String, ImportField> byRule = Map.of("lastName", ImportField.LAST_NAME, "firstName", ImportField.FIRST_NAME,
                "jobTitle", ImportField.JOB_TITLE, "email", ImportField.EMAIL, "phone", ImportField.PHONE);
        OrganisationRules.checkContact(candidate).forEach((field, list) -> list.forEach(i ->
                issues.add(new RowIssue(byRule.get(field), i))));
        return new ContactRow(number, v, candidate, found.organisation(), issues);
    }

    /** « Mme », « Madame », « M. », « Monsieur », « Mr »…; null when it is none of them. */
    static Civility civility(String text) {
        return switch (Text.searchKey(text)) {
            case "mme", "madame", "mlle", "mademoiselle", "mrs", "ms" -> Civility.MADAME;
            case "m", "monsieur", "mr" -> Civility.MONSIEUR;
            default -> null;
        };
    }

    /** « oui », « x », « 1 »… true; « non », « 0 », empty: false; null when it is neither. */
    public static Boolean yesNo(String text) {
        return switch (Text.searchKey(text)) {
            case "oui", "o", "x", "1", "vrai", "yes", "y", "true" -> Boolean.TRUE;
            case "non", "n", "0", "faux", "no", "false", "" -> Boolean.FALSE;
            default -> null;
        };
    }
}
