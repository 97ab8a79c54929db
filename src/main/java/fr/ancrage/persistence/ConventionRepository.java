package fr.ancrage.persistence;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.persistence.jooq.tables.records.ConventionRecord;
import fr.ancrage.persistence.jooq.tables.records.ConventionSignatoryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SEQUENCE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SIGNATORY;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;

/** Conventions with their targeted QPVs and signatories (one aggregate). */
public final class ConventionRepository {

    private final DSLContext dsl;

    ConventionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ConventionListItem> list() {
        return listWhere(DSL.noCondition());
    }

    public List<ConventionListItem> listByCompany(UUID companyId) {
        return listWhere(CONVENTION.COMPANY_ID.eq(companyId));
    }

    private List<ConventionListItem> listWhere(Condition condition) {
        return dsl.select(CONVENTION.ID, CONVENTION.REFERENCE, CONVENTION.TITLE, CONVENTION.COMPANY_ID,
                        ORGANISATION.LEGAL_NAME, CONVENTION.FRAMEWORK, CONVENTION.STATUS, CONVENTION.DEPARTMENT_CODE,
                        CONVENTION.EPCI_SIREN, EPCI.NAME, CONVENTION.STATE_REFERENT, CONVENTION.SIGNATURE_DATE,
                        CONVENTION.START_DATE, CONVENTION.END_DATE)
                .from(CONVENTION)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .leftJoin(EPCI).on(EPCI.SIREN.eq(CONVENTION.EPCI_SIREN))
                .where(condition)
                .orderBy(CONVENTION.REFERENCE.desc())
                .fetch(r -> new ConventionListItem(r.value1(), r.value2(), Times.text(r.value3()), r.value4(),
                        r.value5(), Framework.valueOf(r.value6()), ConventionStatus.valueOf(r.value7()), r.value8(),
                        Times.text(r.value9()), Times.text(r.value10()), Times.text(r.value11()), r.value12(),
                        r.value13(), r.value14()));
    }

    public int countByCompany(UUID companyId) {
        return dsl.fetchCount(CONVENTION, CONVENTION.COMPANY_ID.eq(companyId));
    }

    /** Signatures of conventions given on behalf of the organisation. */
    public int countSignatoriesOf(UUID organisationId) {
        return dsl.fetchCount(CONVENTION_SIGNATORY, CONVENTION_SIGNATORY.ORGANISATION_ID.eq(organisationId));
    }

    public int count() {
        return dsl.fetchCount(CONVENTION);
    }

    /**
     * The conventions with these ids, with their QPVs and signatories, in three queries per thousand
     * ids (packages and exports of whole territories); by reference.
     */
    public List<Convention> findByIds(java.util.Collection<UUID> ids) {
        List<Convention> found = new java.util.ArrayList<>();
        for (List<UUID> chunk : Times.chunks(ids)) {
            java.util.Map<UUID, java.util.Set<UUID>> qpvs = new java.util.HashMap<>();
            dsl.select(CONVENTION_QPV.CONVENTION_ID, CONVENTION_QPV.QPV_ID).from(CONVENTION_QPV)
                    .where(CONVENTION_QPV.CONVENTION_ID.in(chunk))
                    .forEach(r -> qpvs.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
            java.util.Map<UUID, List<Signatory>> signatories = new java.util.HashMap<>();
            dsl.selectFrom(CONVENTION_SIGNATORY).where(CONVENTION_SIGNATORY.CONVENTION_ID.in(chunk))
                    .orderBy(CONVENTION_SIGNATORY.POSITION)
                    .forEach(r -> signatories.computeIfAbsent(r.getConventionId(), k -> new java.util.ArrayList<>())
                            .add(toSignatory(r)));
            dsl.selectFrom(CONVENTION).where(CONVENTION.ID.in(chunk)).forEach(r -> found.add(toDomain(r,
                    qpvs.getOrDefault(r.getId(), java.util.Set.of()), signatories.getOrDefault(r.getId(), List.of()))));
        }
        found.sort(java.util.Comparator.comparing(Convention::reference));
        return found;
    }

    public Optional<Convention> findById(UUID id) {
        return dsl.selectFrom(CONVENTION).where(CONVENTION.ID.eq(id)).fetchOptional().map(this::toDomain);
    }

    /** Next reference for a department and year, e.g. {@code 25-2017-003}; call inside a transaction. */
    public String nextReference(String departmentCode, int year) {
        int updated = dsl.update(CONVENTION_SEQUENCE)
                .set(CONVENTION_SEQUENCE.LAST_NUMBER, CONVENTION_SEQUENCE.LAST_NUMBER.plus(1))
                .where(CONVENTION_SEQUENCE.DEPARTMENT_CODE.eq(departmentCode))
                .and(CONVENTION_SEQUENCE.YEAR_NUMBER.eq(year))
                .execute();
        if (updated == 0) {
            dsl.insertInto(CONVENTION_SEQUENCE)
                    .set(CONVENTION_SEQUENCE.DEPARTMENT_CODE, departmentCode)
                    .set(CONVENTION_SEQUENCE.YEAR_NUMBER, year)
                    .set(CONVENTION_SEQUENCE.LAST_NUMBER, 1)
                    .execute();
        }
        int number = dsl.select(CONVENTION_SEQUENCE.LAST_NUMBER).from(CONVENTION_SEQUENCE)
                .where(CONVENTION_SEQUENCE.DEPARTMENT_CODE.eq(departmentCode))
                .and(CONVENTION_SEQUENCE.YEAR_NUMBER.eq(year))
                .fetchSingle().value1();
        return String.format(Locale.ROOT, "%s-%d-%03d", departmentCode, year, number);
    }

    /**
     * Inserts or updates (optimistic lock) the convention with its QPVs and signatories; the
     * dashboard's figures follow its status and territory in the same transaction.
     */
    public Convention save(Convention c) {
        return new DashboardFigures(dsl).tracking(c.id(), () -> write(c));
    }

    private Convention write(Convention c) {
        ConventionRecord r = dsl.newRecord(CONVENTION);
        r.setReference(c.reference());
        r.setTitle(nullIfEmpty(c.title()));
        r.setCompanyId(c.companyId());
        r.setFramework(c.framework().name());
        r.setDepartmentCode(c.departmentCode());
        r.setEpciSiren(nullIfEmpty(c.epciSiren()));
        r.setStateReferent(nullIfEmpty(c.stateReferent()));
        r.setStatus(c.status().name());
        r.setSignatureDate(c.signatureDate());
        r.setStartDate(c.startDate());
        r.setEndDate(c.endDate());
        r.setNotes(nullIfEmpty(c.notes()));
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CONVENTION, c::reference);
        saveQpvs(c);
        // the signatories are written only with their convention, whose version was checked above
        List<Signatory> signatories = new ChildRows<ConventionSignatoryRecord, Signatory>(dsl, CONVENTION_SIGNATORY,
                CONVENTION_SIGNATORY.ID, Signatory::meta, (s, signatory) -> {
            s.setConventionId(c.id());
            s.setRole(signatory.role().name());
            s.setFullName(signatory.fullName());
            s.setJobTitle(nullIfEmpty(signatory.jobTitle()));
            s.setOrganisationId(signatory.organisationId());
            s.setContactId(signatory.contactId());
        }, RecordKind.SIGNATORY, Signatory::fullName)
                .replace(CONVENTION_SIGNATORY.CONVENTION_ID.eq(c.id()), c.signatories()).stream()
                .map(ConventionRepository::toSignatory).toList();
        return new Convention(meta, c.reference(), c.title(), c.companyId(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(), c.endDate(),
                c.qpvIds(), signatories, c.notes());
    }

    /** The targeted QPVs are plain links, part of the convention (whose version was checked). */
    private void saveQpvs(Convention c) {
        dsl.deleteFrom(CONVENTION_QPV).where(CONVENTION_QPV.CONVENTION_ID.eq(c.id())).execute();
        for (UUID qpv : c.qpvIds()) {
            dsl.insertInto(CONVENTION_QPV).set(CONVENTION_QPV.CONVENTION_ID, c.id())
                    .set(CONVENTION_QPV.QPV_ID, qpv).execute();
        }
    }

    public void delete(Convention c) {
        new DashboardFigures(dsl).tracking(c.id(), () -> VersionedWrites.delete(dsl, CONVENTION, c.meta(),
                RecordKind.CONVENTION, c::reference));
    }

    private Convention toDomain(ConventionRecord r) {
        var qpvs = new HashSet<>(dsl.select(CONVENTION_QPV.QPV_ID).from(CONVENTION_QPV)
                .where(CONVENTION_QPV.CONVENTION_ID.eq(r.getId())).fetch(CONVENTION_QPV.QPV_ID));
        var signatories = dsl.selectFrom(CONVENTION_SIGNATORY)
                .where(CONVENTION_SIGNATORY.CONVENTION_ID.eq(r.getId()))
                .orderBy(CONVENTION_SIGNATORY.POSITION).fetch(ConventionRepository::toSignatory);
        return toDomain(r, qpvs, signatories);
    }

    private static Convention toDomain(ConventionRecord r, java.util.Set<UUID> qpvs, List<Signatory> signatories) {
        return new Convention(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getReference(), r.getTitle(), r.getCompanyId(), Framework.valueOf(r.getFramework()),
                r.getDepartmentCode(), r.getEpciSiren(), r.getStateReferent(),
                ConventionStatus.valueOf(r.getStatus()), r.getSignatureDate(), r.getStartDate(), r.getEndDate(),
                qpvs, signatories, r.getNotes());
    }

    private static Signatory toSignatory(ConventionSignatoryRecord r) {
        return new Signatory(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getPosition(), SignatoryRole.valueOf(r.getRole()), r.getFullName(), r.getJobTitle(),
                r.getOrganisationId(), r.getContactId());
    }
}
