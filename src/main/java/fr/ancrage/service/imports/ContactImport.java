package fr.ancrage.service.imports;

import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.ContactRow;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The import of a team's contacts spreadsheet (issue 18): a row is a person of an organisation
 * already in the base (found by SIRET or name: import the organisations first). A row is the same
 * person as a contact of that organisation with the same name, or the same e-mail address;
 * matching completes what the base leaves empty.
 */
public final class ContactImport extends SheetImport {

    public ContactImport(Store store, I18n texts) {
        super(store, texts, SheetKind.CONTACTS);
    }

    @Override
    protected RowChecker checker(Repositories r) {
        Lookups organisations = new Lookups(r.organisations().findAll());
        Known known = new Known();
        r.contacts().findAll().forEach(c -> known.add(c, 0));
        Known earlier = new Known();
        return (number, values) -> {
            ContactRow checked = ContactRow.check(number, values, organisations);
            // a person of no organisation found looks like no one
            boolean found = checked.organisation() != null;
            return line(checked, checked.candidate(), c -> found ? known.match(c) : null,
                    c -> found ? earlier.match(c) : null, earlier::add);
        };
    }

    @Override
    protected RowWriter writer(Repositories r) {
        return (l, d) -> {
            ContactRow row = (ContactRow) l.row();
            Contact c = row.candidate();
            if (d == Decision.IMPORT) {
                Contact saved = r.contacts().save(c);
                return new Done(row.number(), c.fullName(), Outcome.CREATED, "", saved.id());
            }
            Contact existing = r.contacts().findById(l.match().id()).orElseThrow(() -> gone(l));
            Contact merged = new Contact(existing.meta(), existing.organisationId(),
                    existing.civility() == null ? c.civility() : existing.civility(),
                    pick(existing.firstName(), c.firstName()), pick(existing.lastName(), c.lastName()),
                    pick(existing.jobTitle(), c.jobTitle()), pick(existing.email(), c.email()),
                    pick(existing.phone(), c.phone()), existing.maySign() || c.maySign());
            if (merged.equals(existing)) {
                return new Done(row.number(), existing.fullName(), Outcome.UNCHANGED, "", existing.id());
            }
            r.contacts().save(merged);
            return new Done(row.number(), existing.fullName(), Outcome.UPDATED, "", existing.id());
        };
    }

    /** The contacts a row is compared with: by organisation and name, by organisation and e-mail. */
    private static final class Known {
        private final Map<String, Contact> byName = new HashMap<>();
        private final Map<String, Contact> byEmail = new HashMap<>();
        private final Map<Contact, Integer> rows = new HashMap<>();

        void add(Contact c, int row) {
            byName.putIfAbsent(c.organisationId() + "/" + Text.searchKey(c.fullName()), c);
            if (!c.email().isEmpty()) {
                byEmail.putIfAbsent(c.organisationId() + "/" + c.email().toLowerCase(Locale.ROOT), c);
            }
            rows.put(c, row);
        }

        Match match(Contact c) {
            Contact same = byName.get(c.organisationId() + "/" + Text.searchKey(c.fullName()));
            if (same != null) {
                return new Match(Reason.SAME_PERSON, same.id(), same.fullName(), rows.getOrDefault(same, 0));
            }
            if (!c.email().isEmpty()) {
                same = byEmail.get(c.organisationId() + "/" + c.email().toLowerCase(Locale.ROOT));
                if (same != null) {
                    return new Match(Reason.SAME_EMAIL, same.id(), same.fullName(), rows.getOrDefault(same, 0));
                }
            }
            return null;
        }
    }
}
