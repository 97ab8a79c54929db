package fr.ancrage.persistence;

import fr.ancrage.domain.Contact;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.persistence.jooq.tables.records.ContactRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.Times.odt;
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
        Instant now = Instant.now();
        ContactRecord r = dsl.newRecord(CONTACT);
        r.setOrganisationId(c.organisationId());
        r.setFirstName(nullIfEmpty(c.firstName()));
        r.setLastName(c.lastName());
        r.setJobTitle(nullIfEmpty(c.jobTitle()));
        r.setEmail(nullIfEmpty(c.email()));
        r.setPhone(nullIfEmpty(c.phone()));
        r.setMaySign(c.maySign());
        r.setUpdatedAt(odt(now));
        int newVersion = c.meta().version() + 1;
        r.setVersion(newVersion);
        if (c.meta().isNew()) {
            r.setId(c.meta().id());
            r.setCreatedAt(odt(c.meta().createdAt()));
            r.insert();
        } else {
            int rows = dsl.update(CONTACT).set(r).where(CONTACT.ID.eq(c.id()))
                    .and(CONTACT.VERSION.eq(c.meta().version())).execute();
            if (rows == 0) {
                throw new StaleRecordException(c.fullName());
            }
        }
        return new Contact(new RecordMeta(c.id(), newVersion, c.meta().createdAt(), now), c.organisationId(),
                c.firstName(), c.lastName(), c.jobTitle(), c.email(), c.phone(), c.maySign());
    }

    public void delete(Contact c) {
        int rows = dsl.deleteFrom(CONTACT).where(CONTACT.ID.eq(c.id()))
                .and(CONTACT.VERSION.eq(c.meta().version())).execute();
        if (rows == 0) {
            throw new StaleRecordException(c.fullName());
        }
    }

    private Contact toDomain(ContactRecord r) {
        return new Contact(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getOrganisationId(), r.getFirstName(), r.getLastName(), r.getJobTitle(), r.getEmail(),
                r.getPhone(), r.getMaySign());
    }
}
