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

    private Epci toEpci(fr.ancrage.persistence.jooq.tables.records.EpciRecord r) {
        return new Epci(r.getSiren(), r.getName(), r.getNature(), r.getDepartmentCode(), r.getPopulation());
    }

    private Commune toCommune(fr.ancrage.persistence.jooq.tables.records.CommuneRecord r) {
        return new Commune(r.getCode(), r.getName(), r.getDepartmentCode(), Times.text(r.getEpciSiren()),
                Times.text(r.getPostcodes()), r.getPopulation());
    }
}
