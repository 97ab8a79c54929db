package fr.ancrage.domain.imports;

import java.util.List;
import java.util.Set;

import static fr.ancrage.domain.imports.ImportField.*;

/**
 * What a team's spreadsheet holds (issue 18): organisations, their contacts, conventions with
 * their QPVs and signatories, engagements with their yearly targets and realised values. Each kind offers its fields, in the order a header is tried against
 * them (a contacts sheet's « Nom » is the person's, an organisations sheet's the company's), says
 * which must be filled, and the fields the preview shows.
 */
public enum SheetKind {
    ORGANISATIONS(List.of(LEGAL_NAME, KIND, SIRET, SIREN, NAF, ADDRESS, POSTCODE, COMMUNE, COMMUNE_CODE, NOTES),
            List.of(Set.of(LEGAL_NAME)), List.of(LEGAL_NAME, SIRET, COMMUNE)),
    CONTACTS(List.of(LAST_NAME, FIRST_NAME, CIVILITY, JOB_TITLE, EMAIL, PHONE, MAY_SIGN, LEGAL_NAME, SIRET),
            List.of(Set.of(LAST_NAME), Set.of(LEGAL_NAME, SIRET)), List.of(LAST_NAME, LEGAL_NAME, EMAIL)),
    CONVENTIONS(List.of(LEGAL_NAME, SIRET, REFERENCE, TITLE, SIGNATURE_DATE, START_DATE, END_DATE, STATUS, FRAMEWORK,
            QPV, EPCI, DEPARTMENT, COMPANY_SIGNATORY, COMPANY_SIGNATORY_TITLE, PREFECT_SIGNATORY, NOTES),
            List.of(Set.of(LEGAL_NAME, SIRET)), List.of(LEGAL_NAME, SIGNATURE_DATE, QPV)),
    ENGAGEMENTS(List.of(REFERENCE, LEGAL_NAME, SIRET, ACTION, DESCRIPTION, YEAR, INDICATOR, TARGET, REALISED, STATUS, QPV),
            List.of(Set.of(REFERENCE, LEGAL_NAME, SIRET), Set.of(ACTION)),
            List.of(ACTION, INDICATOR, YEAR, TARGET, REALISED));

    private final List<ImportField> fields;
    private final List<Set<ImportField>> required;
    private final List<ImportField> shown;

    SheetKind(List<ImportField> fields, List<Set<ImportField>> required, List<ImportField> shown) {
        this.fields = fields;
        this.required = required;
        this.shown = shown;
    }

    /** The fields a column of such a sheet can fill, in the order a header is tried against them. */
    public List<ImportField> fields() {
        return fields;
    }

    /** Each set: at least one of its fields must be filled by a column (the company by its name or its SIRET). */
    public List<Set<ImportField>> required() {
        return required;
    }

    /** The fields the preview shows for each row, the first naming the record. */
    public List<ImportField> shown() {
        return shown;
    }

    /** The first required set no column fills, or null when the mapping can be used. */
    public Set<ImportField> missing(ColumnMapping mapping) {
        return required.stream().filter(set -> set.stream().noneMatch(f -> mapping.columnOf(f) >= 0))
                .findFirst().orElse(null);
    }

    /** The name its saved mappings are kept under. */
    public String mappingKind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
