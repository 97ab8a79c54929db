package fr.ancrage.persistence;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Region;
import fr.ancrage.domain.imports.ReferenceUpdate;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.REFERENCE_METADATA;
import static fr.ancrage.persistence.jooq.Tables.REGION;

/** The writes of an update of the administrative divisions, in the order the foreign keys ask. */
final class ReferenceWrites {

    private static final int BATCH = 1000;

    private ReferenceWrites() {
    }

    static void apply(DSLContext dsl, ReferenceUpdate.Plan plan) {
        ReferenceUpdate.Release release = plan.release();
        TerritoryRepository read = new TerritoryRepository(dsl);
        List<Query> queries = new ArrayList<>();
        upsert(read.regions(), release.regions(), Region::code, r -> dsl.insertInto(REGION).set(REGION.CODE, r.code())
                .set(REGION.NAME, r.name()), r -> dsl.update(REGION).set(REGION.NAME, r.name())
                .where(REGION.CODE.eq(r.code())), queries);
        upsert(read.departments(), release.departments(), Department::code, d -> dsl.insertInto(DEPARTMENT)
                .set(DEPARTMENT.CODE, d.code()).set(DEPARTMENT.NAME, d.name()).set(DEPARTMENT.REGION_CODE, d.regionCode()),
                d -> dsl.update(DEPARTMENT).set(DEPARTMENT.NAME, d.name()).set(DEPARTMENT.REGION_CODE, d.regionCode())
                        .where(DEPARTMENT.CODE.eq(d.code())), queries);
        upsert(read.epcis(), release.epcis(), Epci::siren, e -> dsl.insertInto(EPCI).set(EPCI.SIREN, e.siren())
                .set(EPCI.NAME, e.name()).set(EPCI.NATURE, e.nature()).set(EPCI.DEPARTMENT_CODE, e.departmentCode())
                .set(EPCI.POPULATION, e.population()), e -> dsl.update(EPCI).set(EPCI.NAME, e.name())
                .set(EPCI.NATURE, e.nature()).set(EPCI.DEPARTMENT_CODE, e.departmentCode())
                .set(EPCI.POPULATION, e.population()).where(EPCI.SIREN.eq(e.siren())), queries);
        execute(dsl, queries);
        upsert(read.communes(), release.communes(), Commune::code, c -> dsl.insertInto(COMMUNE)
                .set(COMMUNE.CODE, c.code()).set(COMMUNE.NAME, c.name()).set(COMMUNE.DEPARTMENT_CODE, c.departmentCode())
                .set(COMMUNE.EPCI_SIREN, emptyToNull(c.epciSiren())).set(COMMUNE.POSTCODES, emptyToNull(c.postcodes()))
                .set(COMMUNE.POPULATION, c.population()), c -> dsl.update(COMMUNE).set(COMMUNE.NAME, c.name())
                .set(COMMUNE.DEPARTMENT_CODE, c.departmentCode()).set(COMMUNE.EPCI_SIREN, emptyToNull(c.epciSiren()))
                .set(COMMUNE.POSTCODES, emptyToNull(c.postcodes())).set(COMMUNE.POPULATION, c.population())
                .where(COMMUNE.CODE.eq(c.code())), queries);
        execute(dsl, queries);
        Set<String> goneCommunes = gone(plan, ReferenceUpdate.Level.COMMUNE);
        Set<String> goneEpcis = gone(plan, ReferenceUpdate.Level.EPCI);
        if (!goneCommunes.isEmpty()) {
            dsl.deleteFrom(COMMUNE).where(COMMUNE.CODE.in(goneCommunes)).execute();
        }
        if (!goneEpcis.isEmpty()) {
            dsl.deleteFrom(EPCI).where(EPCI.SIREN.in(goneEpcis)).execute();
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ReferenceDataImporter.KEY_SOURCE, release.source());
        meta.put(ReferenceDataImporter.KEY_VERSION, release.version());
        meta.put(ReferenceDataImporter.KEY_REGIONS, Integer.toString(dsl.fetchCount(REGION)));
        meta.put(ReferenceDataImporter.KEY_DEPARTMENTS, Integer.toString(dsl.fetchCount(DEPARTMENT)));
        meta.put(ReferenceDataImporter.KEY_EPCIS, Integer.toString(dsl.fetchCount(EPCI)));
        meta.put(ReferenceDataImporter.KEY_COMMUNES, Integer.toString(dsl.fetchCount(COMMUNE)));
        meta.put(ReferenceDataImporter.KEY_IMPORTED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.forEach((key, value) -> dsl.mergeInto(REFERENCE_METADATA)
                .using(dsl.selectOne())
                .on(REFERENCE_METADATA.META_KEY.eq(key))
                .whenMatchedThenUpdate().set(REFERENCE_METADATA.META_VALUE, value)
                .whenNotMatchedThenInsert(REFERENCE_METADATA.META_KEY, REFERENCE_METADATA.META_VALUE).values(key, value)
                .execute());
    }

    /** What the release no longer holds and no record keeps. */
    private static Set<String> gone(ReferenceUpdate.Plan plan, ReferenceUpdate.Level level) {
        return plan.changes().stream().filter(c -> c.level() == level && !c.kept()
                        && (c.kind() == ReferenceUpdate.Kind.REMOVED || c.kind() == ReferenceUpdate.Kind.MERGED))
                .map(ReferenceUpdate.Change::code).collect(Collectors.toSet());
    }

    private static <T> void upsert(List<T> current, List<T> release, Function<T, String> key,
                                   Function<T, Query> insert, Function<T, Query> update, List<Query> queries) {
        Map<String, T> now = new HashMap<>();
        current.forEach(t -> now.put(key.apply(t), t));
        for (T t : release) {
            T was = now.get(key.apply(t));
            if (was == null) {
                queries.add(insert.apply(t));
            } else if (!Objects.equals(normal(was), normal(t))) {
                queries.add(update.apply(t));
            }
        }
    }

    /** A division compared whatever "" or null says "none". */
    private static Object normal(Object t) {
        if (t instanceof Commune c) {
            return new Commune(c.code(), c.name(), c.departmentCode(), Times.text(c.epciSiren()),
                    Times.text(c.postcodes()), c.population());
        }
        return t;
    }

    private static void execute(DSLContext dsl, List<Query> queries) {
        for (int from = 0; from < queries.size(); from += BATCH) {
            dsl.batch(queries.subList(from, Math.min(queries.size(), from + BATCH))).execute();
        }
        queries.clear();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
