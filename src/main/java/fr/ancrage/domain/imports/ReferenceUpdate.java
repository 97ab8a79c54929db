package fr.ancrage.domain.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A newer release of the administrative divisions compared with the base's (issue 18): what is
 * added, renamed or changed, what disappears (a commune merged into another, a dissolved EPCI), and
 * which of the base's records point to what disappears. Nothing a record uses is deleted: it is
 * kept, and listed for review. A release with far fewer communes than the base is no release.
 */
public final class ReferenceUpdate {

    /** Below this share of the base's communes, a release is taken for a partial or damaged one. */
    public static final double MIN_COMMUNE_SHARE = 0.9;

    public enum Level { REGION, DEPARTMENT, EPCI, COMMUNE }

    public enum Kind { ADDED, RENAMED, CHANGED, MERGED, REMOVED }

    /** What else than the name may change. */
    public enum Field { REGION, NATURE, DEPARTMENT, EPCI, POSTCODES }

    /** A field's value before and after ("" for none). */
    public record FieldChange(Field field, String before, String after) {
    }

    /** A release as read: its label and its divisions; {@code merged}: former commune code → the commune it is now part of. */
    public record Release(String source, String version, List<Region> regions, List<Department> departments,
                          List<Epci> epcis, List<Commune> communes, Map<String, String> merged) {
        public Release {
            regions = List.copyOf(regions);
            departments = List.copyOf(departments);
            epcis = List.copyOf(epcis);
            communes = List.copyOf(communes);
            merged = Map.copyOf(merged);
        }

        public String label() {
            return source + " " + version;
        }
    }

    /** The base's divisions. */
    public record Current(List<Region> regions, List<Department> departments, List<Epci> epcis,
                          List<Commune> communes) {
    }

    /**
     * What the base's records use: organisations by commune; conventions and QPVs by EPCI and
     * department; QPVs by commune (their list of communes).
     */
    public record Usage(Map<String, Integer> organisationsByCommune, Map<String, Integer> qpvsByCommune,
                        Map<String, Integer> conventionsByEpci, Map<String, Integer> qpvsByEpci,
                        Map<String, Integer> recordsByDepartment) {

        public static final Usage NONE = new Usage(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        int commune(String code) {
            return organisationsByCommune.getOrDefault(code, 0) + qpvsByCommune.getOrDefault(code, 0);
        }

        int epci(String siren) {
            return conventionsByEpci.getOrDefault(siren, 0) + qpvsByEpci.getOrDefault(siren, 0);
        }
    }

    /**
     * One change. {@code before} and {@code after}: the names; {@code fields}: what else changed;
     * {@code into}: the
     * commune a merged one is now part of; {@code used}: the records pointing to what disappears;
     * {@code kept}: whether it stays in the base because records use it.
     */
    public record Change(Level level, Kind kind, String code, String before, String after, List<FieldChange> fields,
                         String into, int used, boolean kept) {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    /** The comparison, changes in the order of the levels then the codes. */
    public record Plan(Release release, List<Change> changes, int communesBefore) {
        public Plan {
            changes = List.copyOf(changes);
        }

        public long count(Level level, Kind kind) {
            return changes.stream().filter(c -> c.level() == level && c.kind() == kind).count();
        }

        /** The changes that need the team's review: what disappears and is still used. */
        public List<Change> toReview() {
            return changes.stream().filter(Change::kept).toList();
        }

        public boolean changesNothing() {
            return changes.isEmpty();
        }
    }

    private ReferenceUpdate() {
    }

    /**
     * Compares the release with the base.
     *
     * @throws IllegalArgumentException when the release holds fewer than {@link #MIN_COMMUNE_SHARE}
     *                                  of the base's communes (a partial file)
     */
    public static Plan plan(Current current, Release release, Usage usage) {
        if (release.communes().size() < current.communes().size() * MIN_COMMUNE_SHARE) {
            throw new IllegalArgumentException("partial release: " + release.communes().size() + " communes");
        }
        List<Change> changes = new ArrayList<>();
        compare(Level.REGION, current.regions(), release.regions(), Region::code, Region::name,
                (a, b) -> List.of(), code -> 0, changes);
        compare(Level.DEPARTMENT, current.departments(), release.departments(), Department::code, Department::name,
                (a, b) -> differences(field(Field.REGION, a.regionCode(), b.regionCode())),
                code -> usage.recordsByDepartment().getOrDefault(code, 0), changes);
        compare(Level.EPCI, current.epcis(), release.epcis(), Epci::siren, Epci::name,
                (a, b) -> differences(field(Field.NATURE, a.nature(), b.nature()),
                        field(Field.DEPARTMENT, a.departmentCode(), b.departmentCode())), usage::epci, changes);
        compare(Level.COMMUNE, current.communes(), release.communes(), Commune::code, Commune::name,
                (a, b) -> differences(field(Field.EPCI, a.epciSiren(), b.epciSiren()),
                        field(Field.DEPARTMENT, a.departmentCode(), b.departmentCode()),
                        field(Field.POSTCODES, a.postcodes(), b.postcodes())), usage::commune, changes);
        // a commune that disappears into another is merged, not removed
        Map<String, String> newNames = new HashMap<>();
        release.communes().forEach(c -> newNames.put(c.code(), c.name()));
        List<Change> named = new ArrayList<>();
        for (Change c : changes) {
            String into = c.level() == Level.COMMUNE && c.kind() == Kind.REMOVED ? release.merged().get(c.code()) : null;
            named.add(into == null || !newNames.containsKey(into) ? c : new Change(c.level(), Kind.MERGED, c.code(),
                    c.before(), newNames.get(into), c.fields(), into, c.used(), c.kept()));
        }
        // an EPCI that disappears stays while a commune kept for its records still points to it
        Set<String> heldEpcis = new HashSet<>();
        Map<String, Commune> communes = new HashMap<>();
        current.communes().forEach(c -> communes.put(c.code(), c));
        named.stream().filter(c -> c.level() == Level.COMMUNE && c.kept())
                .map(c -> communes.get(c.code()).epciSiren()).filter(Objects::nonNull).forEach(heldEpcis::add);
        List<Change> result = new ArrayList<>();
        for (Change c : named) {
            boolean held = c.level() == Level.EPCI && c.kind() == Kind.REMOVED && heldEpcis.contains(c.code());
            result.add(held && !c.kept() ? new Change(c.level(), c.kind(), c.code(), c.before(), c.after(), c.fields(),
                    c.into(), c.used(), true) : c);
        }
        result.sort(Comparator.comparing(Change::level).thenComparing(Change::code));
        return new Plan(release, result, current.communes().size());
    }

    private interface Differ<T> {
        List<FieldChange> apply(T before, T after);
    }

    private static <T> void compare(Level level, List<T> before, List<T> after, Function<T, String> key,
                                    Function<T, String> name, Differ<T> differ, Function<String, Integer> used,
                                    List<Change> changes) {
        Map<String, T> old = new HashMap<>();
        before.forEach(t -> old.put(key.apply(t), t));
        Set<String> seen = new HashSet<>();
        for (T t : after) {
            String code = key.apply(t);
            seen.add(code);
            T was = old.get(code);
            if (was == null) {
                changes.add(new Change(level, Kind.ADDED, code, "", name.apply(t), List.of(), "", 0, false));
                continue;
            }
            List<FieldChange> fields = differ.apply(was, t);
            if (!Objects.equals(name.apply(was), name.apply(t))) {
                changes.add(new Change(level, Kind.RENAMED, code, name.apply(was), name.apply(t), fields, "", 0, false));
            } else if (!fields.isEmpty()) {
                changes.add(new Change(level, Kind.CHANGED, code, name.apply(was), name.apply(t), fields, "", 0, false));
            }
        }
        for (T t : before) {
            String code = key.apply(t);
            if (!seen.contains(code)) {
                int n = used.apply(code);
                // regions and departments stay: they hold the base's other divisions
                boolean kept = n > 0 || level == Level.REGION || level == Level.DEPARTMENT;
                changes.add(new Change(level, Kind.REMOVED, code, name.apply(t), "", List.of(), "", n, kept));
            }
        }
    }

    private static FieldChange field(Field field, String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        return b.equals(a) ? null : new FieldChange(field, b, a);
    }

    private static List<FieldChange> differences(FieldChange... fields) {
        return java.util.Arrays.stream(fields).filter(Objects::nonNull).toList();
    }
}
