package fr.ancrage.service.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.ConventionRow;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.RowIssue;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The import of a team's conventions spreadsheet (issue 18): a row is a convention of a company
 * already in the base, with its QPVs and signatories. It is the same convention as one of the base
 * with the reference the sheet gives, or of the same company signed the same day (begun the same
 * day when neither is signed; of the same title when neither is dated). A new convention receives its reference as the Conventions screen
 * gives it (department, year of signature); the sheet's own number is kept in its notes. Signed
 * conventions come in signed: the import records history, it does not walk the life cycle.
 * Matching completes what the base leaves empty and never moves a convention to another company.
 */
public final class ConventionImport extends SheetImport {

    private final Clock clock;

    public ConventionImport(Store store, I18n texts, Clock clock) {
        super(store, texts, SheetKind.CONVENTIONS);
        this.clock = clock;
    }

    @Override
    protected RowChecker checker(Repositories r) {
        Base base = new Base(r, texts, LocalDate.now(clock));
        Known known = new Known();
        r.conventions().list().forEach(c -> known.add(c.id(), c.reference(), c.companyId(), c.signatureDate(),
                c.startDate(), c.title(), label(c), 0));
        Known earlier = new Known();
        return (number, values) -> {
            ConventionRow checked = ConventionRow.check(number, values, base);
            Convention c = checked.candidate();
            Known.Entry other = known.otherCompany(checked.reference(), c.companyId());
            if (other != null) {
                // a reference of the base, for another company: not this convention, and not a number to keep
                checked = checked.withIssue(new RowIssue(ImportField.REFERENCE,
                        Issue.error("import.row.convention.referenceOfOther", checked.reference(), other.name())));
            }
            Match match = known.match(checked.reference(), c.companyId(), c.signatureDate(), c.startDate(), c.title());
            if (match == null) {
                match = earlierRow(earlier.match(checked.reference(), c.companyId(), c.signatureDate(), c.startDate(),
                        c.title()));
            }
            if (!checked.reference().isEmpty() && (match == null || match.reason() != Reason.SAME_REFERENCE)) {
                // the team's own number: kept in the notes, so that nothing of the row is lost
                String former = texts.format("import.convention.formerReference", checked.reference());
                checked = checked.with(new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(),
                        c.departmentCode(), c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(),
                        c.startDate(), c.endDate(), c.qpvIds(), c.signatories(),
                        c.notes().isEmpty() ? former : c.notes() + "\n" + former));
            }
            if (!checked.hasErrors()) {
                earlier.add(null, checked.reference(), c.companyId(), c.signatureDate(), c.startDate(), c.title(),
                        checked.label(), number);
            }
            return new Line(checked, match, proposed(checked, match));
        };
    }

    private static String label(ConventionListItem c) {
        return c.reference() + (c.companyName() == null ? "" : " – " + c.companyName());
    }

    @Override
    protected RowWriter writer(Repositories r) {
        return (l, d) -> {
            ConventionRow row = (ConventionRow) l.row();
            Convention c = row.candidate();
            if (d == Decision.IMPORT) {
                LocalDate dated = c.signatureDate() != null ? c.signatureDate()
                        : c.startDate() != null ? c.startDate() : LocalDate.now(clock);
                String reference = r.conventions().nextReference(c.departmentCode(), dated.getYear());
                Convention saved = r.conventions().save(c.withMeta(c.meta(), reference));
                return new Done(row.number(), reference + " – " + row.label(), Outcome.CREATED, "", saved.id());
            }
            Convention existing = r.conventions().findById(l.match().id()).orElseThrow(() -> gone(l));
            Convention merged = new Convention(existing.meta(), existing.reference(), pick(existing.title(), c.title()),
                    existing.companyId(), existing.framework(), existing.departmentCode(),
                    pick(existing.epciSiren(), c.epciSiren()), existing.stateReferent(), existing.status(),
                    existing.signatureDate() == null ? c.signatureDate() : existing.signatureDate(),
                    existing.startDate() == null ? c.startDate() : existing.startDate(),
                    existing.endDate() == null ? c.endDate() : existing.endDate(),
                    existing.qpvIds().isEmpty() ? c.qpvIds() : existing.qpvIds(),
                    existing.signatories().isEmpty() ? c.signatories() : existing.signatories(),
                    pick(existing.notes(), c.notes()));
            String name = existing.reference() + " – " + row.label();
            if (merged.equals(existing)) {
                return new Done(row.number(), name, Outcome.UNCHANGED, "", existing.id());
            }
            Map<String, List<Issue>> issues = ConventionRules.check(merged);
            if (!issues.isEmpty()) {
                Issue first = issues.values().iterator().next().getFirst();
                throw new RuleViolationException("import.convention.mergeRefused", row.number(), existing.reference(),
                        texts.format(first.messageKey(), first.args().toArray()));
            }
            r.conventions().save(merged);
            return new Done(row.number(), name, Outcome.UPDATED, "", existing.id());
        };
    }

    /** The base a row is checked against: organisations, QPVs, territories, contacts, labels. */
    private static final class Base extends Lookups implements ConventionRow.Lookups {
        private final Map<String, Epci> epcis = new HashMap<>();
        private final Map<String, String> departments = new HashMap<>();
        private final Map<String, Commune> communes = new HashMap<>();
        private final Map<String, Contact> contacts = new HashMap<>();
        private final I18n texts;
        private final LocalDate today;

        Base(Repositories r, I18n texts, LocalDate today) {
            super(r.organisations().findAll(), r.qpvs().list());
            this.texts = texts;
            this.today = today;
            for (Epci e : r.territories().epcis()) {
                epcis.put(e.siren(), e);
                epcis.putIfAbsent(Text.searchKey(e.name()), e);
            }
            for (Department d : r.territories().departments()) {
                departments.put(d.code(), d.code());
                departments.putIfAbsent(Text.searchKey(d.name()), d.code());
            }
            r.territories().communes().forEach(c -> communes.put(c.code(), c));
            r.contacts().findAll().forEach(c -> contacts.putIfAbsent(c.organisationId() + "/"
                    + Text.searchKey(c.fullName()), c));
        }

        @Override
        public Optional<Epci> epci(String sirenOrName) {
            String t = sirenOrName.replace(" ", "");
            return Optional.ofNullable(epcis.containsKey(t) ? epcis.get(t) : epcis.get(Text.searchKey(sirenOrName)));
        }

        @Override
        public Optional<String> department(String codeOrName) {
            String code = codeOrName.strip().toUpperCase(Locale.ROOT);
            if (code.length() == 1 && Character.isDigit(code.charAt(0))) {
                code = "0" + code; // « 1 »: a number that lost its zero
            }
            String c = code;
            return Optional.ofNullable(departments.containsKey(c) ? departments.get(c)
                    : departments.get(Text.searchKey(codeOrName)));
        }

        @Override
        public Optional<Commune> commune(String code) {
            return Optional.ofNullable(communes.get(code));
        }

        @Override
        public Optional<Contact> contact(UUID organisationId, String fullName) {
            return Optional.ofNullable(contacts.get(organisationId + "/" + Text.searchKey(fullName)));
        }

        @Override
        public Optional<ConventionStatus> status(String text) {
            return named(texts, ConventionStatus.values(), "enum.ConventionStatus.", text);
        }

        @Override
        public Optional<Framework> framework(String text) {
            return named(texts, Framework.values(), "enum.Framework.", text);
        }


        @Override
        public LocalDate today() {
            return today;
        }
    }

    /**
     * The conventions a row is compared with: by reference; by company and signature date; by
     * company and start date when neither is signed.
     */
    private static final class Known {
        record Entry(UUID id, String name, int row, UUID company) {
        }

        private final Map<String, Entry> byReference = new HashMap<>();
        private final Map<String, Entry> byDates = new HashMap<>();

        void add(UUID id, String reference, UUID company, LocalDate signed, LocalDate start, String title, String name,
                 int row) {
            Entry e = new Entry(id, name, row, company);
            if (!reference.isEmpty()) {
                byReference.putIfAbsent(Text.searchKey(reference), e);
            }
            String key = key(company, signed, start, title);
            if (key != null) {
                byDates.putIfAbsent(key, e);
            }
        }

        /** Signed the same day; else begun the same day; else, undated, of the same title (or both untitled). */
        private static String key(UUID company, LocalDate signed, LocalDate start, String title) {
            if (company == null) {
                return null;
            }
            return company + (signed != null ? "/signed/" + signed : start != null ? "/start/" + start
                    : "/undated/" + Text.searchKey(title == null ? "" : title));
        }

        Match match(String reference, UUID company, LocalDate signed, LocalDate start, String title) {
            Entry e = reference.isEmpty() ? null : byReference.get(Text.searchKey(reference));
            if (e != null && Objects.equals(e.company(), company)) {
                return new Match(Reason.SAME_REFERENCE, e.id(), e.name(), e.row());
            }
            String key = key(company, signed, start, title);
            e = key == null ? null : byDates.get(key);
            return e == null ? null : new Match(Reason.SAME_DATES, e.id(), e.name(), e.row());
        }

        /** The convention of another company that has {@code reference}, or null. */
        Entry otherCompany(String reference, UUID company) {
            Entry e = reference.isEmpty() ? null : byReference.get(Text.searchKey(reference));
            return e != null && company != null && !company.equals(e.company()) ? e : null;
        }
    }
}
