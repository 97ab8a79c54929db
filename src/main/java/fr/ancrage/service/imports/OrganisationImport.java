package fr.ancrage.service.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.OrganisationRow;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The import of a team's organisations spreadsheet (issue 18): a row is a company or a partner,
 * matched with the base's by SIRET, by name in the same commune, or by a very close name there
 * (the duplicate rule of the Organisations screen); matching completes what the base leaves empty.
 */
public final class OrganisationImport extends SheetImport {

    public OrganisationImport(Store store, I18n texts) {
        super(store, texts, SheetKind.ORGANISATIONS);
    }

    @Override
    protected RowChecker checker(Repositories r) {
        Known known = new Known(r.organisations().findAll(), r.territories().communes());
        Known earlier = new Known(List.of(), List.of());
        return (number, values) -> {
            OrganisationRow checked = OrganisationRow.check(number, values, known, this::kind);
            return line(checked, checked.candidate(), known::match, earlier::match, earlier::add);
        };
    }

    @Override
    protected RowWriter writer(Repositories r) {
        return (l, d) -> {
            OrganisationRow row = (OrganisationRow) l.row();
            Organisation c = row.candidate();
            if (d == Decision.IMPORT) {
                Organisation saved = r.organisations().save(c);
                return new Done(row.number(), c.legalName(), Outcome.CREATED, "", saved.id());
            }
            Organisation existing = r.organisations().findById(l.match().id()).orElseThrow(() -> gone(l));
            Organisation merged = fill(existing, row);
            if (merged.equals(existing)) {
                return new Done(row.number(), existing.legalName(), Outcome.UNCHANGED, "", existing.id());
            }
            r.organisations().save(merged);
            return new Done(row.number(), existing.legalName(), Outcome.UPDATED, "", existing.id());
        };
    }

    /** The kind a cell names: its French (or English) label, or its code, compared without case nor accents. */
    private Optional<OrganisationKind> kind(String text) {
        String key = Text.searchKey(text);
        for (OrganisationKind k : OrganisationKind.values()) {
            String label = Text.searchKey(texts.get("enum.OrganisationKind." + k.name()));
            if (key.equals(label) || key.equals(Text.searchKey(k.name())) || !key.isEmpty() && label.startsWith(key + " ")) {
                return Optional.of(k);
            }
        }
        if (key.equals("partenaire") || key.equals("entreprise privee") || key.equals("societe")) {
            return Optional.of(key.equals("partenaire") ? OrganisationKind.SUPPORT_BODY : OrganisationKind.COMPANY);
        }
        return Optional.empty();
    }

    /**
     * The existing organisation completed with the row: a field the base leaves empty takes the
     * row's value; a value the base has is never replaced (a team's spreadsheet may be older than
     * what was typed in Ancrage), so that matching loses nothing and a second import changes nothing.
     */
    private static Organisation fill(Organisation e, OrganisationRow row) {
        Organisation c = row.candidate();
        return new Organisation(e.meta(), e.kind(), pick(e.legalName(), c.legalName()),
                pick(e.siren(), c.siren()), pick(e.siret(), c.siret()), pick(e.nafCode(), c.nafCode()),
                e.sizeBand(), pick(e.addressLine(), c.addressLine()), pick(e.postcode(), c.postcode()),
                pick(e.communeCode(), c.communeCode()), e.inQpv(), e.paqteMember(), e.networks(),
                pick(e.notes(), c.notes()));
    }

    /**
     * The organisations a row is compared with, and the communes of the reference data. Indexed so
     * that a sheet of 20,000 rows against a base of 20,000 organisations is checked in seconds: by
     * SIRET, by commune and name key (the same name), and, for very close names, only among the
     * organisations of the same commune whose name's first two words (legal forms and small words
     * left out) begin with the same three letters.
     */
    private static final class Known implements OrganisationRow.Communes {
        private final Map<String, Organisation> bySiret = new HashMap<>();
        private final Map<String, Organisation> byName = new HashMap<>();
        private final Map<String, Organisation> byNameAnywhere = new HashMap<>();
        private final Map<String, List<Organisation>> byPrefix = new HashMap<>();
        private final Map<Organisation, Integer> rows = new HashMap<>();
        private final Map<String, Commune> communes = new HashMap<>();
        private final Map<String, List<Commune>> communesByName = new HashMap<>();

        Known(List<Organisation> organisations, List<Commune> all) {
            organisations.forEach(o -> add(o, 0));
            for (Commune c : all) {
                communes.put(c.code(), c);
                communesByName.computeIfAbsent(Text.searchKey(c.name()), k -> new ArrayList<>()).add(c);
            }
        }

        /** The commune and the first three letters of the name key's first two words. */
        private static String prefix(String communeCode, String key) {
            StringBuilder b = new StringBuilder(communeCode).append('/');
            String[] words = key.split(" ", 3);
            for (int i = 0; i < Math.min(2, words.length); i++) {
                b.append(words[i], 0, Math.min(3, words[i].length())).append(' ');
            }
            return b.toString();
        }

        void add(Organisation o, int row) {
            if (!o.siret().isEmpty()) {
                bySiret.putIfAbsent(o.siret(), o);
            }
            String key = NameSimilarity.key(o.legalName());
            byName.putIfAbsent(o.communeCode() + "/" + key, o);
            byNameAnywhere.putIfAbsent(key, o);
            byPrefix.computeIfAbsent(prefix(o.communeCode(), key), k -> new ArrayList<>()).add(o);
            rows.put(o, row);
        }

        /**
         * Same SIRET; else the same name in the same commune (anywhere when the row gives no
         * commune), or a very close name in the same commune.
         */
        Match match(Organisation c) {
            if (!c.siret().isEmpty()) {
                Organisation same = bySiret.get(c.siret());
                if (same != null) {
                    return new Match(Reason.SAME_SIRET, same.id(), same.legalName(), rows.getOrDefault(same, 0));
                }
            }
            String key = NameSimilarity.key(c.legalName());
            // a sheet without communes: the same name anywhere is the same organisation
            Organisation named = c.communeCode().isEmpty() ? byNameAnywhere.get(key)
                    : byName.get(c.communeCode() + "/" + key);
            // two SIRETs that differ: two establishments of one name
            if (named != null && (named.siret().isEmpty() || c.siret().isEmpty())) {
                return new Match(Reason.SAME_NAME, named.id(), named.legalName(), rows.getOrDefault(named, 0));
            }
            for (Organisation o : byPrefix.getOrDefault(prefix(c.communeCode(), key), List.of())) {
                if (!o.siret().isEmpty() && !c.siret().isEmpty()) {
                    continue;
                }
                if (NameSimilarity.veryClose(o.legalName(), c.legalName())) {
                    return new Match(Reason.CLOSE_NAME, o.id(), o.legalName(), rows.getOrDefault(o, 0));
                }
            }
            return null;
        }

        @Override
        public Optional<Commune> byCode(String code) {
            return Optional.ofNullable(communes.get(code.toUpperCase(Locale.ROOT)));
        }

        @Override
        public List<Commune> byName(String name, String postcode) {
            List<Commune> found = communesByName.getOrDefault(Text.searchKey(name), List.of());
            if (found.size() > 1 && !postcode.isEmpty()) {
                List<Commune> narrowed = found.stream().filter(c -> c.postcodes() != null
                        && c.postcodes().contains(postcode)).toList();
                return narrowed.isEmpty() ? found : narrowed;
            }
            return found;
        }
    }
}
