package fr.ancrage.persistence;

import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.persistence.jooq.tables.records.OrganisationRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.Times.text;
import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;

/** Organisations (companies and partners). */
public final class OrganisationRepository {

    private static final String NETWORK_SEPARATOR = ";";
    private final DSLContext dsl;

    OrganisationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The organisations with these ids, by id. */
    public List<Organisation> findByIds(java.util.Collection<UUID> ids) {
        List<Organisation> found = new java.util.ArrayList<>();
        for (List<UUID> chunk : Times.chunks(ids)) {
            dsl.selectFrom(ORGANISATION).where(ORGANISATION.ID.in(chunk)).forEach(r -> found.add(toDomain(r)));
        }
        found.sort(java.util.Comparator.comparing(Organisation::id));
        return found;
    }

    public Optional<Organisation> findById(UUID id) {
        return dsl.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOptional().map(this::toDomain);
    }

    public List<Organisation> findBySiret(String siret) {
        return dsl.selectFrom(ORGANISATION).where(ORGANISATION.SIRET.eq(siret)).fetch(this::toDomain);
    }

    /** All organisations, by name (duplicate detection works on them). */
    public List<Organisation> findAll() {
        return dsl.selectFrom(ORGANISATION).orderBy(ORGANISATION.LEGAL_NAME).fetch(this::toDomain);
    }

    public List<OrganisationListItem> list() {
        Field<Integer> conventions = DSL.selectCount().from(CONVENTION)
                .where(CONVENTION.COMPANY_ID.eq(ORGANISATION.ID)).asField("conventions");
        return dsl.select(ORGANISATION.asterisk(), COMMUNE.NAME, COMMUNE.DEPARTMENT_CODE, COMMUNE.EPCI_SIREN,
                        EPCI.NAME, conventions)
                .from(ORGANISATION)
                .leftJoin(COMMUNE).on(COMMUNE.CODE.eq(ORGANISATION.COMMUNE_CODE))
                .leftJoin(EPCI).on(EPCI.SIREN.eq(COMMUNE.EPCI_SIREN))
                .orderBy(ORGANISATION.LEGAL_NAME)
                .fetch(r -> new OrganisationListItem(
                        toDomain(r.into(ORGANISATION)),
                        text(r.get(COMMUNE.NAME)),
                        text(r.get(COMMUNE.DEPARTMENT_CODE)),
                        text(r.get(COMMUNE.EPCI_SIREN)),
                        text(r.get(EPCI.NAME)),
                        r.get(conventions)));
    }

    public int count() {
        return dsl.fetchCount(ORGANISATION);
    }

    /** Inserts a new organisation (version 0) or updates a stored one if nobody changed it since it was read. */
    public Organisation save(Organisation o) {
        OrganisationRecord r = dsl.newRecord(ORGANISATION);
        fill(r, o);
        return o.withMeta(VersionedWrites.store(dsl, r, o.meta(), RecordKind.ORGANISATION, o::legalName));
    }

    /** Deletes the organisation if nobody changed it since it was read. */
    public void delete(Organisation o) {
        VersionedWrites.delete(dsl, ORGANISATION, o.meta(), RecordKind.ORGANISATION, o::legalName);
    }

    private void fill(OrganisationRecord r, Organisation o) {
        r.setKind(o.kind().name());
        r.setLegalName(o.legalName());
        r.setSiren(nullIfEmpty(o.siren()));
        r.setSiret(nullIfEmpty(o.siret()));
        r.setNafCode(nullIfEmpty(o.nafCode()));
        r.setSizeBand(o.sizeBand() == null ? null : o.sizeBand().name());
        r.setAddressLine(nullIfEmpty(o.addressLine()));
        r.setPostcode(nullIfEmpty(o.postcode()));
        r.setCommuneCode(nullIfEmpty(o.communeCode()));
        r.setInQpv(o.inQpv());
        r.setPaqteMember(o.paqteMember());
        r.setNetworks(nullIfEmpty(String.join(NETWORK_SEPARATOR, o.networks().stream().sorted().toList())));
        r.setNotes(nullIfEmpty(o.notes()));
    }

    private Organisation toDomain(Record rec) {
        OrganisationRecord r = rec.into(ORGANISATION);
        Set<String> networks = r.getNetworks() == null ? Set.of()
                : Arrays.stream(r.getNetworks().split(NETWORK_SEPARATOR)).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Organisation(
                Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                OrganisationKind.valueOf(r.getKind()),
                r.getLegalName(), r.getSiren(), r.getSiret(), r.getNafCode(),
                r.getSizeBand() == null ? null : SizeBand.valueOf(r.getSizeBand()),
                r.getAddressLine(), r.getPostcode(), r.getCommuneCode(),
                r.getInQpv(), r.getPaqteMember(), networks, r.getNotes());
    }
}
