package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.ReferenceDataVersion;
import fr.ancrage.service.TerritoryService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The national reference as the section keeps it in memory: read once in the background, never
 * changed afterwards, so it can be handed to background tasks safely.
 */
record ReferenceData(Optional<ReferenceDataVersion> version, List<Department> departments, List<Epci> epcis,
                     Map<String, Department> departmentsByCode, Map<String, Epci> epcisBySiren,
                     Map<String, Commune> communesByCode, CommuneFinder finder) {

    static final ReferenceData NONE = of(Optional.empty(), List.of(), List.of(), List.of());

    /** Blocking: reads the version, departments and EPCI; the communes come with {@link #withCommunes}. */
    static ReferenceData load(TerritoryService service) {
        return of(service.referenceVersion(), service.departments(), service.epcis(), List.of());
    }

    /** Blocking: the same reference with all communes, indexed for the search. */
    ReferenceData withCommunes(List<Commune> communes) {
        return new ReferenceData(version, departments, epcis, departmentsByCode, epcisBySiren,
                index(communes, Commune::code), new CommuneFinder(communes));
    }

    static ReferenceData of(Optional<ReferenceDataVersion> version, List<Department> departments, List<Epci> epcis,
                            List<Commune> communes) {
        return new ReferenceData(version, List.copyOf(departments), List.copyOf(epcis),
                index(departments, Department::code), index(epcis, Epci::siren), index(communes, Commune::code),
                new CommuneFinder(communes));
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> a));
    }

    String departmentLabel(String code) {
        Department d = departmentsByCode.get(code);
        return d == null ? code : d.label();
    }

    String epciName(String siren) {
        if (siren == null || siren.isEmpty()) {
            return "";
        }
        Epci e = epcisBySiren.get(siren);
        return e == null ? siren : e.name();
    }

    String communeName(String code) {
        Commune c = communesByCode.get(code);
        return c == null ? code : c.name();
    }
}
