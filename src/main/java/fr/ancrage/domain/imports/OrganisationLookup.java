package fr.ancrage.domain.imports;

import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.Siret;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the base a row names, by SIRET or by name (compared as
 * {@link fr.ancrage.domain.NameSimilarity#key}): a contact's, a convention's company.
 */
public interface OrganisationLookup {

    Optional<Organisation> bySiret(String siret);

    /** The organisations of that name. */
    List<Organisation> byName(String name);

    /** The organisation a row names, or the problem said on the column that names it. */
    record Found(Organisation organisation, RowIssue issue) {
    }

    /**
     * The organisation of a row: by its SIRET when the row gives one the base knows, else by its
     * name when one organisation only has it. Not found: a problem on the SIRET (when only that
     * was given) or on the name.
     */
    default Found find(Map<ImportField, String> values) {
        String siret = Siret.normalize(values.getOrDefault(ImportField.SIRET, ""));
        String name = values.getOrDefault(ImportField.LEGAL_NAME, "");
        if (!siret.isEmpty()) {
            Optional<Organisation> bySiret = bySiret(siret);
            if (bySiret.isPresent()) {
                return new Found(bySiret.get(), null);
            }
            if (name.isEmpty()) {
                return new Found(null, new RowIssue(ImportField.SIRET, Issue.error("import.row.organisation.unknownSiret", siret)));
            }
        }
        if (name.isEmpty()) {
            return new Found(null, new RowIssue(values.containsKey(ImportField.LEGAL_NAME) ? ImportField.LEGAL_NAME
                    : ImportField.SIRET, Issue.error("import.row.organisation.required")));
        }
        List<Organisation> named = byName(name);
        if (named.size() == 1) {
            return new Found(named.getFirst(), null);
        }
        return new Found(null, new RowIssue(ImportField.LEGAL_NAME, named.isEmpty()
                ? Issue.error("import.row.organisation.unknown", name)
                : Issue.error("import.row.organisation.ambiguous", name, named.size())));
    }
}
