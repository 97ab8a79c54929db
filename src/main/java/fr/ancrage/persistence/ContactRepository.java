package fr.ancrage.persistence;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.persistence.jooq.tables.records.ContactRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.CONTACT;

/** Contacts (people) of organisations. */
public final class ContactRepository {

    private final DSLContext dsl;

    ContactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Contact> listByOrganisation(UUID organisationId) {
        return dsl.selectFrom(CONTACT).where(CONTACT.ORGANISATION_ID.eq(organisationId))
                .orderBy(CONTACT.LAST_NAME, CONTACT.FIRST_NAME).fetch(this::toDomain);
    }

    /** Every contact of the base (a spreadsheet's contacts are matched against them). */
    public List<Contact> findAll() {
        return dsl.selectFrom(CONTACT).fetch(this::toDomain);
    }

    /** The contacts with these ids, by id. */
    public List<Contact> findByIds(java.util.Collection<UUID> ids) {
        List<Contact> found = new java.util.ArrayList<>();
        for (List<UUID> chunk : Times.chunks(ids)) {
            dsl.selectFrom(CONTACT).where(CONTACT.ID.in(chunk)).forEach(r -> found.add(toDomain(r)));
        }
        found.sort(java.util.Comparator.comparing(Contact::id));
        return found;
    }

    public Optional<Contact> findById(UUID id) {
        return dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOptional().map(this::toDomain);
    }

    public Contact save(Contact c) {
        ContactRecord r = dsl.newRecord(CONTACT);
        r.setOrganisationId(c.organisationId());
        r.setCivility(c.civility() == null ? null : c.civility().name());
        r.setFirstName(nullIfEmpty(c.firstName()));
        r.setLastName(c.lastName());
        r.setJobTitle(nullIfEmpty(c.jobTitle()));
        r.setEmail(nullIfEmpty(c.email()));
        r.setPhone(nullIfEmpty(c.phone()));
        r.setMaySign(c.maySign());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CONTACT, c::fullName);
        return new Contact(meta, c.organisationId(), c.civility(), c.firstName(), c.lastName(), c.jobTitle(), c.email(), c.phone(),
                c.maySign());
    }

    public void delete(Contact c) {
        VersionedWrites.delete(dsl, CONTACT, c.meta(), RecordKind.CONTACT, c::fullName);
    }

    private Contact toDomain(ContactRecord r) {
        return new Contact(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getOrganisationId(), r.getCivility() == null ? null : Civility.valueOf(r.getCivility()),
                r.getFirstName(), r.getLastName(), r.getJobTitle(), r.getEmail(),
                r.getPhone(), r.getMaySign());
    }
}
