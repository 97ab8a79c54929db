package fr.ancrage.service.imports;

import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.OrganisationLookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The base's organisations indexed by SIRET and by name key, and its QPVs by code and by name key,
 * read once for a whole sheet.
 */
class Lookups implements OrganisationLookup {

    private final Map<String, Organisation> bySiret = new HashMap<>();
    private final Map<String, List<Organisation>> byName = new HashMap<>();
    private final Map<String, List<Qpv>> qpvs = new HashMap<>();

    Lookups(List<Organisation> organisations) {
        this(organisations, List.of());
    }

    Lookups(List<Organisation> organisations, List<Qpv> qpvList) {
        for (Qpv q : qpvList) {
            qpvs.computeIfAbsent(q.code(), k -> new ArrayList<>()).add(q);
            qpvs.computeIfAbsent(Text.searchKey(q.name()), k -> new ArrayList<>()).add(q);
        }
        for (Organisation o : organisations) {
            if (!o.siret().isEmpty()) {
                bySiret.putIfAbsent(o.siret(), o);
            }
            byName.computeIfAbsent(NameSimilarity.key(o.legalName()), k -> new ArrayList<>()).add(o);
        }
    }

    @Override
    public Optional<Organisation> bySiret(String siret) {
        return Optional.ofNullable(bySiret.get(siret));
    }

    @Override
    public List<Organisation> byName(String name) {
        return byName.getOrDefault(NameSimilarity.key(name), List.of());
    }

    /** The QPVs of that code, or else of that name. */
    public List<Qpv> qpvs(String codeOrName) {
        List<Qpv> byCode = qpvs.get(codeOrName.strip().toUpperCase(Locale.ROOT));
        return byCode != null ? byCode : qpvs.getOrDefault(Text.searchKey(codeOrName), List.of());
    }
}
