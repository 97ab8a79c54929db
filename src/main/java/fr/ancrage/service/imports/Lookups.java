package fr.ancrage.service.imports;

import fr.ancrage.domain.NameSimilarity;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.imports.OrganisationLookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The base's organisations indexed by SIRET and by name key, read once for a whole sheet. */
final class Lookups implements OrganisationLookup {

    private final Map<String, Organisation> bySiret = new HashMap<>();
    private final Map<String, List<Organisation>> byName = new HashMap<>();

    Lookups(List<Organisation> organisations) {
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
}
