package fr.ancrage.domain.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Issue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One row of a conventions spreadsheet, checked: the convention it would make for a company of
 * the base, with its QPVs (codes or names, several in one cell), its EPCI and department (given,
 * or the company's commune's), its signatories (the company's, linked to its contact of that name,
 * and the State's), and its status (given, or told by its dates). {@code reference}: the
 * reference the sheet gives, "" for none.
 */
public record ConventionRow(int number, Map<ImportField, String> values, Convention candidate, Organisation company,
                            String reference, List<RowIssue> issues) implements CheckedRow {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What a conventions sheet is checked against. */
    public interface Lookups extends OrganisationLookup {
        /** The QPVs of that code, or else of that name. */
        List<Qpv> qpvs(String codeOrName);

        Optional<Epci> epci(String sirenOrName);

        /** The department of that code or name, as its code. */
        Optional<String> department(String codeOrName);

        Optional<Commune> commune(String code);

        /** The contact of that organisation with that full name. */
        Optional<Contact> contact(UUID organisationId, String fullName);

        /** The status a cell names (its label or its code). */
        Optional<ConventionStatus> status(String text);

        /** The framework a cell names (its label or its code). */
        Optional<Framework> framework(String text);

        LocalDate today();
    }

    public ConventionRow {
        values = Map.copyOf(values);
        issues = List.copyOf(issues);
    }

    @Override
    public String label() {
        if (!candidate.title().isEmpty()) {
            return candidate.title();
        }
        String name = company == null ? values.getOrDefault(ImportField.LEGAL_NAME, "") : company.legalName();
        return candidate.signatureDate() == null ? name : name + " (" + SHOWN.format(candidate.signatureDate()) + ")";
    }

    @Override
    public String shown(ImportField field) {
        return switch (field) {
            case LEGAL_NAME -> company == null ? values.getOrDefault(field, values.getOrDefault(ImportField.SIRET, ""))
                    : company.legalName();
            case SIGNATURE_DATE -> candidate.signatureDate() == null ? values.getOrDefault(field, "")
                    : SHOWN.format(candidate.signatureDate());
            default -> values.getOrDefault(field, "");
        };
    }

    /** The same row whose convention is {@code other} (its notes completed by the import). */
    public ConventionRow with(Convention other) {
        return new ConventionRow(number, values, other, company, reference, issues);
    }

    /** The same row with one more problem, found against the base. */
    public ConventionRow withIssue(RowIssue issue) {
        List<RowIssue> more = new ArrayList<>(issues);
        more.add(issue);
        return new ConventionRow(number, values, candidate, company, reference, more);
    }

    public static ConventionRow check(int number, Map<ImportField, String> raw, Lookups lookups) {
        Map<ImportField, String> v = new EnumMap<>(ImportField.class);
        raw.forEach((f, s) -> v.put(f, Text.cleanLine(s)));
        List<RowIssue> issues = new ArrayList<>();
        OrganisationLookup.Found found = lookups.find(v);
        Organisation company = found.organisation();
        if (found.issue() != null) {
            issues.add(found.issue());
        } else if (!company.kind().isCompany()) {
            issues.add(new RowIssue(v.containsKey(ImportField.LEGAL_NAME) ? ImportField.LEGAL_NAME : ImportField.SIRET,
                    Issue.error("import.row.convention.notCompany", company.legalName())));
        }
        Commune commune = company == null || company.communeCode().isEmpty() ? null
                : lookups.commune(company.communeCode()).orElse(null);
        LocalDate signed = date(v, ImportField.SIGNATURE_DATE, issues);
        LocalDate start = date(v, ImportField.START_DATE, issues);
        LocalDate end = date(v, ImportField.END_DATE, issues);
        ConventionStatus status = named(v, ImportField.STATUS, lookups::status, "import.row.status.unknown", issues)
                .orElseGet(() -> statusOf(signed, start, end, lookups.today()));
        Framework framework = named(v, ImportField.FRAMEWORK, lookups::framework, "import.row.framework.unknown", issues)
                .orElse(Framework.PAQTE);
        Set<UUID> qpvIds = new LinkedHashSet<>();
        String firstQpvDepartment = null;
        for (String token : v.getOrDefault(ImportField.QPV, "").split("[;,|\\n]+")) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            List<Qpv> qpvs = lookups.qpvs(t);
            if (qpvs.size() == 1) {
                qpvIds.add(qpvs.getFirst().id());
                firstQpvDepartment = firstQpvDepartment == null ? qpvs.getFirst().departmentCode() : firstQpvDepartment;
            } else {
                issues.add(new RowIssue(ImportField.QPV, qpvs.isEmpty() ? Issue.error("import.row.qpv.unknown", t)
                        : Issue.error("import.row.qpv.ambiguous", t, qpvs.size())));
            }
        }
        String epci = "";
        String epciText = v.getOrDefault(ImportField.EPCI, "");
        if (!epciText.isEmpty()) {
            Optional<Epci> e = lookups.epci(epciText);
            if (e.isPresent()) {
                epci = e.get().siren();
            } else {
                issues.add(new RowIssue(ImportField.EPCI, Issue.error("import.row.epci.unknown", epciText)));
            }
        } else if (commune != null && commune.epciSiren() != null) {
            epci = commune.epciSiren();
        }
        String department = "";
        String departmentText = v.getOrDefault(ImportField.DEPARTMENT, "");
        if (!departmentText.isEmpty()) {
            Optional<String> d = lookups.department(departmentText);
            if (d.isPresent()) {
                department = d.get();
            } else {
                issues.add(new RowIssue(ImportField.DEPARTMENT, Issue.error("import.row.department.unknown", departmentText)));
            }
        } else if (commune != null) {
            department = commune.departmentCode();
        } else if (firstQpvDepartment != null) {
            department = firstQpvDepartment;
        }
        List<Signatory> signatories = new ArrayList<>();
        String prefect = v.getOrDefault(ImportField.PREFECT_SIGNATORY, "");
        if (!prefect.isEmpty()) {
            signatories.add(new Signatory(RecordMeta.fresh(), 0, SignatoryRole.PREFECT, prefect, "", null, null));
        }
        String signer = v.getOrDefault(ImportField.COMPANY_SIGNATORY, "");
        if (!signer.isEmpty()) {
            UUID contact = company == null ? null : lookups.contact(company.id(), signer).map(Contact::id).orElse(null);
            signatories.add(new Signatory(RecordMeta.fresh(), 0, SignatoryRole.COMPANY, signer,
                    v.getOrDefault(ImportField.COMPANY_SIGNATORY_TITLE, ""), company == null ? null : company.id(), contact));
        }
        Convention candidate = new Convention(RecordMeta.fresh(), "", v.getOrDefault(ImportField.TITLE, ""),
                company == null ? null : company.id(), framework, department, epci, "", status, signed, start, end,
                qpvIds, signatories, v.getOrDefault(ImportField.NOTES, ""));
        boolean datesRead = issues.stream().noneMatch(i -> i.issue().messageKey().equals("import.row.date.invalid"));
        Map<String, ImportField> byRule = Map.of(ConventionRules.DEPARTMENT, v.containsKey(ImportField.DEPARTMENT)
                        ? ImportField.DEPARTMENT : v.containsKey(ImportField.LEGAL_NAME) ? ImportField.LEGAL_NAME : ImportField.SIRET,
                ConventionRules.SIGNATURE_DATE, ImportField.SIGNATURE_DATE, ConventionRules.START_DATE, ImportField.START_DATE,
                ConventionRules.END_DATE, ImportField.END_DATE, ConventionRules.STATUS, ImportField.STATUS,
                ConventionRules.TITLE, ImportField.TITLE, ConventionRules.NOTES, ImportField.NOTES,
                "signatoryName", ImportField.COMPANY_SIGNATORY, "signatoryTitle", ImportField.COMPANY_SIGNATORY_TITLE);
        ConventionRules.check(candidate).forEach((field, list) -> {
            boolean aboutDates = !field.equals(ConventionRules.DEPARTMENT) && !field.equals(ConventionRules.TITLE)
                    && !field.equals(ConventionRules.NOTES) && !field.startsWith("signatory");
            if (field.equals(ConventionRules.COMPANY) || aboutDates && !datesRead
                    || field.equals(ConventionRules.DEPARTMENT) && company == null) {
                return; // already said: the company is not found, a date is not a date
            }
            list.forEach(i -> issues.add(new RowIssue(byRule.get(field), i)));
        });
        return new ConventionRow(number, v, candidate, company, v.getOrDefault(ImportField.REFERENCE, ""), issues);
    }

    /**
     * The status the dates tell, when the sheet gives none: not signed, a draft; signed and ended
     * before today, ended (« échue »); signed, begun and not ended, active; else signed.
     */
    static ConventionStatus statusOf(LocalDate signed, LocalDate start, LocalDate end, LocalDate today) {
        if (signed == null) {
            return ConventionStatus.DRAFT;
        }
        if (end != null && end.isBefore(today)) {
            return ConventionStatus.EXPIRED;
        }
        if (start != null && end != null && !start.isAfter(today)) {
            return ConventionStatus.ACTIVE;
        }
        return ConventionStatus.SIGNED;
    }

    private static LocalDate date(Map<ImportField, String> v, ImportField field, List<RowIssue> issues) {
        String text = v.getOrDefault(field, "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            issues.add(new RowIssue(field, Issue.error("import.row.date.invalid", text)));
            return null;
        }
    }

    private static <T> Optional<T> named(Map<ImportField, String> v, ImportField field,
                                         java.util.function.Function<String, Optional<T>> lookup, String unknown,
                                         List<RowIssue> issues) {
        String text = v.getOrDefault(field, "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> found = lookup.apply(text);
        if (found.isEmpty()) {
            issues.add(new RowIssue(field, Issue.error(unknown, text)));
        }
        return found;
    }
}
