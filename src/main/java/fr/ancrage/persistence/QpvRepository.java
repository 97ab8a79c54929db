package fr.ancrage.persistence;

import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.persistence.jooq.tables.records.QpvRecord;
import org.jooq.DSLContext;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.QPV;

/** Priority neighbourhoods (QPV), created by hand or imported. */
public final class QpvRepository {

    private final DSLContext dsl;

    QpvRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Qpv> list() {
        return dsl.selectFrom(QPV).orderBy(QPV.CODE).fetch(this::toDomain);
    }

    public List<Qpv> listByEpci(String epciSiren) {
        return dsl.selectFrom(QPV).where(QPV.EPCI_SIREN.eq(epciSiren)).orderBy(QPV.CODE).fetch(this::toDomain);
    }

    public Optional<Qpv> findByCode(String code) {
        return dsl.selectFrom(QPV).where(QPV.CODE.eq(code)).fetchOptional(this::toDomain);
    }

    public int usageCount(UUID qpvId) {
        return dsl.fetchCount(CONVENTION_QPV, CONVENTION_QPV.QPV_ID.eq(qpvId));
    }

    /** How many conventions target each QPV that some convention targets. */
    public java.util.Map<UUID, Integer> usageCounts() {
        return dsl.select(CONVENTION_QPV.QPV_ID, org.jooq.impl.DSL.count()).from(CONVENTION_QPV)
                .groupBy(CONVENTION_QPV.QPV_ID).fetchMap(CONVENTION_QPV.QPV_ID, org.jooq.impl.DSL.count());
    }

    public Qpv save(Qpv q) {
        QpvRecord r = dsl.newRecord(QPV);
        r.setCode(q.code());
        r.setName(q.name());
        r.setGeographyVersion(q.geographyVersion().year());
        r.setDepartmentCode(q.departmentCode());
        r.setEpciSiren(nullIfEmpty(q.epciSiren()));
        r.setCommuneCodes(nullIfEmpty(String.join(",", q.communeCodes())));
        RecordMeta meta = VersionedWrites.store(dsl, r, q.meta(), RecordKind.QPV, q::code);
        return new Qpv(meta, q.code(), q.name(), q.geographyVersion(), q.departmentCode(), q.epciSiren(),
                q.communeCodes());
    }

    public void delete(Qpv q) {
        VersionedWrites.delete(dsl, QPV, q.meta(), RecordKind.QPV, q::code);
    }

    private Qpv toDomain(QpvRecord r) {
        List<String> communes = r.getCommuneCodes() == null ? List.of()
                : Arrays.stream(r.getCommuneCodes().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Qpv(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getCode(),
                r.getName(), GeographyVersion.ofYear(r.getGeographyVersion()), r.getDepartmentCode(),
                r.getEpciSiren(), communes);
    }
}
