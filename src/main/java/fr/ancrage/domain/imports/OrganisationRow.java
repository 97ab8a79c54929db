package fr.ancrage.domain.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.Siret;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of an organisations spreadsheet, checked: the organisation it would create and every
 * problem found, each on its field (so that the preview names the column). The row's values are
 * the cells already read as text, codes with their leading zeros ({@code CellValues}).
 */
public record OrganisationRow(int number, Map<ImportField, String> values, Organisation candidate, Commune commune,
                              List<RowIssue> issues) implements CheckedRow {

    /** The communes of the reference data, found by INSEE code or by name (and postcode). */
    public interface Communes {
        Optional<Commune> byCode(String code);

        /** The communes of that name (compared as {@link Text#searchKey}), narrowed by the postcode when given. */
        List<Commune> byName(String name, String postcode);
    }

    public OrganisationRow {
        values = Map.copyOf(values);
        issues = List.copyOf(issues);
    }

    @Override
    public String label() {
        return candidate.legalName();
    }

    @Override
    public String shown(ImportField field) {
        return switch (field) {
            case SIRET -> candidate.siret();
            case COMMUNE -> commune == null ? values.getOrDefault(field, "") : commune.name();
            default -> values.getOrDefault(field, "");
        };
    }

    /**
     * Checks a row. {@code kinds}: the kind a cell names (its French label or its code), empty for
     * an unknown one; an empty cell is a company.
     */
    public static OrganisationRow check(int number, Map<ImportField, String> raw, Communes communes,
                                        Function<String, Optional<OrganisationKind>> kinds) {
        Map<ImportField, String> v = new EnumMap<>(ImportField.class);
        raw.forEach((f, s) -> v.put(f, Text.cleanLine(s)));
        List<RowIssue> issues = new ArrayList<>();
        OrganisationKind kind = OrganisationKind.COMPANY;
        String kindText = v.getOrDefault(ImportField.KIND, "");
        if (!kindText.isEmpty()) {
            Optional<OrganisationKind> k = kinds.apply(kindText);
            if (k.isPresent()) {
                kind = k.get();
            } else {
                issues.add(new RowIssue(ImportField.KIND, Issue.error("import.row.kind.unknown", kindText)));
            }
        }
        String siret = Siret.normalize(v.getOrDefault(ImportField.SIRET, ""));
        String siren = Siret.normalize(v.getOrDefault(ImportField.SIREN, ""));
        if (siren.isEmpty() && siret.length() == Siret.SIRET_LENGTH && Siret.isValidSiret(siret)) {
            siren = Siret.sirenOf(siret);
        }
        Commune commune = null;
        String code = v.getOrDefault(ImportField.COMMUNE_CODE, "");
        String name = v.getOrDefault(ImportField.COMMUNE, "");
        String postcode = v.getOrDefault(ImportField.POSTCODE, "");
        if (!code.isEmpty()) {
            commune = communes.byCode(code).orElse(null);
            if (commune == null) {
                issues.add(new RowIssue(ImportField.COMMUNE_CODE, Issue.error("import.row.commune.unknownCode", code)));
            }
        } else if (!name.isEmpty()) {
            List<Commune> found = communes.byName(name, postcode);
            if (found.size() == 1) {
                commune = found.getFirst();
            } else {
                issues.add(new RowIssue(ImportField.COMMUNE, found.isEmpty()
                        ? Issue.error("import.row.commune.unknown", name)
                        : Issue.error("import.row.commune.ambiguous", name, found.size())));
            }
        }
        Organisation candidate = new Organisation(RecordMeta.fresh(), kind, v.getOrDefault(ImportField.LEGAL_NAME, ""),
                siren, siret, v.getOrDefault(ImportField.NAF, ""), null, v.getOrDefault(ImportField.ADDRESS, ""), postcode,
                commune == null ? "" : commune.code(), false, false, Set.of(), v.getOrDefault(ImportField.NOTES, ""));
        Map<String, ImportField> byRule = Map.of(OrganisationRules.LEGAL_NAME, ImportField.LEGAL_NAME,
                OrganisationRules.SIRET, ImportField.SIRET, OrganisationRules.SIREN,
                v.containsKey(ImportField.SIREN) ? ImportField.SIREN : ImportField.SIRET,
                OrganisationRules.NAF, ImportField.NAF, OrganisationRules.POSTCODE, ImportField.POSTCODE,
                OrganisationRules.ADDRESS, ImportField.ADDRESS, OrganisationRules.NOTES, ImportField.NOTES);
        OrganisationRules.check(candidate).forEach((field, list) -> list.forEach(i ->
                issues.add(new RowIssue(byRule.get(field), i))));
        return new OrganisationRow(number, v, candidate, commune, issues);
    }
}
