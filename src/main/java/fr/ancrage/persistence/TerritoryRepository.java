package fr.ancrage.persistence;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Region;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.REGION;

/** Read access to the national reference: regions, departments, EPCI, communes. */
public final class TerritoryRepository {

    private final DSLContext dsl;

    TerritoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Region> regions() {
        return dsl.selectFrom(REGION).orderBy(REGION.CODE).fetch(r -> new Region(r.getCode(), r.getName()));
    }

    public List<Department> departments() {
        return dsl.selectFrom(DEPARTMENT).orderBy(DEPARTMENT.CODE)
                .fetch(r -> new Department(r.getCode(), r.getName(), r.getRegionCode()));
    }

    public List<Epci> epcis() {
        return dsl.selectFrom(EPCI).orderBy(EPCI.NAME).fetch(this::toEpci);
    }

    public List<Epci> epcisOfDepartment(String departmentCode) {
        return dsl.selectFrom(EPCI).where(EPCI.DEPARTMENT_CODE.eq(departmentCode)).orderBy(EPCI.NAME)
                .fetch(this::toEpci);
    }

    public Optional<Epci> epci(String siren) {
        return dsl.selectFrom(EPCI).where(EPCI.SIREN.eq(siren)).fetchOptional(this::toEpci);
    }

    public List<Commune> communesOfEpci(String epciSiren) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.EPCI_SIREN.eq(epciSiren)).orderBy(COMMUNE.NAME)
                .fetch(this::toCommune);
    }

    public List<Commune> communesOfDepartment(String departmentCode) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.DEPARTMENT_CODE.eq(departmentCode)).orderBy(COMMUNE.NAME)
                .fetch(this::toCommune);
    }

    public List<Commune> communes() {
        return dsl.selectFrom(COMMUNE).orderBy(COMMUNE.NAME, COMMUNE.CODE).fetch(this::toCommune);
    }

    public Optional<Commune> commune(String code) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.CODE.eq(code)).fetchOptional(this::toCommune);
    }

    /** What the base's records use of the reference: for the update of the administrative divisions. */
    public fr.ancrage.domain.imports.ReferenceUpdate.Usage usage() {
        var o = fr.ancrage.persistence.jooq.Tables.ORGANISATION;
        var c = fr.ancrage.persistence.jooq.Tables.CONVENTION;
        var q = fr.ancrage.persistence.jooq.Tables.QPV;
        var count = org.jooq.impl.DSL.count();
        java.util.Map<String, Integer> byCommune = dsl.select(o.COMMUNE_CODE, count).from(o)
                .where(o.COMMUNE_CODE.isNotNull()).groupBy(o.COMMUNE_CODE).fetchMap(o.COMMUNE_CODE, count);
        java.util.Map<String, Integer> qpvCommunes = new java.util.HashMap<>();
        dsl.select(q.COMMUNE_CODES).from(q).where(q.COMMUNE_CODES.isNotNull()).fetch(q.COMMUNE_CODES)
                .forEach(list -> java.util.Arrays.stream(list.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .forEach(code -> qpvCommunes.merge(code, 1, Integer::sum)));
        java.util.Map<String, Integer> conventionsByEpci = dsl.select(c.EPCI_SIREN, count).from(c)
                .where(c.EPCI_SIREN.isNotNull()).groupBy(c.EPCI_SIREN).fetchMap(c.EPCI_SIREN, count);
        java.util.Map<String, Integer> qpvsByEpci = dsl.select(q.EPCI_SIREN, count).from(q)
                .where(q.EPCI_SIREN.isNotNull()).groupBy(q.EPCI_SIREN).fetchMap(q.EPCI_SIREN, count);
        java.util.Map<String, Integer> byDepartment = new java.util.HashMap<>();
        dsl.select(c.DEPARTMENT_CODE, count).from(c).groupBy(c.DEPARTMENT_CODE).fetch()
                .forEach(r -> byDepartment.merge(r.value1(), r.value2(), Integer::sum));
        dsl.select(q.DEPARTMENT_CODE, count).from(q).groupBy(q.DEPARTMENT_CODE).fetch()
                .forEach(r -> byDepartment.merge(r.value1(), r.value2(), Integer::sum));
        return new fr.ancrage.domain.imports.ReferenceUpdate.Usage(byCommune, qpvCommunes, conventionsByEpci,
                qpvsByEpci, byDepartment);
    }

    /**
     * Brings the divisions to the release: new ones inserted, changed ones (populations included)
     * updated, and what the release no longer holds deleted unless the plan keeps it for the
     * records that use it. The version recorded is the release's. Call inside the write's transaction.
     */
    public void apply(fr.ancrage.domain.imports.ReferenceUpdate.Plan plan) {
        ReferenceWrites.apply(dsl, plan);
    }

    private Epci toEpci(fr.ancrage.persistence.jooq.tables.records.EpciRecord r) {
        return new Epci(r.getSiren(), r.getName(), r.getNature(), r.getDepartmentCode(), r.getPopulation());
    }

    private Commune toCommune(fr.ancrage.persistence.jooq.tables.records.CommuneRecord r) {
        return new Commune(r.getCode(), r.getName(), r.getDepartmentCode(), Times.text(r.getEpciSiren()),
                Times.text(r.getPostcodes()), r.getPopulation());
    }
}
