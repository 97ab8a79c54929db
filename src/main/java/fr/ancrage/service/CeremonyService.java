package fr.ancrage.service;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyClosing;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyListItem;
import fr.ancrage.domain.CeremonyReopening;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.CeremonyRules;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing ceremonies: prepare one (conventions « prête à signer », signatories' attendance,
 * programme, checklist), close it (the conventions whose signatories all came are signed on its
 * date, in one transaction), reopen it if needed. Every rule is checked on the stored state inside
 * the transaction. Blocking: call from background tasks.
 */
public final class CeremonyService {

    private final Store store;
    private final Clock clock;

    public CeremonyService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<CeremonyListItem> list() {
        return store.read(r -> r.ceremonies().list());
    }

    public Optional<Ceremony> get(UUID id) {
        return store.read(r -> r.ceremonies().findById(id));
    }

    /** Saves the ceremony; a new one without tasks starts with the default checklist, due before its date. */
    public Ceremony save(Ceremony c) {
        Map<String, List<Issue>> issues = CeremonyRules.check(c);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> {
            Ceremony toSave = c;
            if (c.meta().isNew()) {
                // a new ceremony starts with the default checklist, then the tasks the user added
                List<fr.ancrage.domain.CeremonyTask> tasks = new ArrayList<>(r.ceremonies().templates().stream()
                        .map(t -> t.forCeremony(c.date())).toList());
                tasks.addAll(c.tasks());
                toSave = new Ceremony(c.meta(), c.title(), c.date(), c.startTime(), c.place(), c.host(), c.partners(),
                        c.press(), c.notes(), null, c.programme(), tasks);
            } else {
                Ceremony stored = stored(r, c.id());
                // its conventions were signed on its date: the date of a closed ceremony stays
                if (stored.closed() && !stored.date().equals(c.date())) {
                    throw new RuleViolationException("ceremony.closed.date", stored.date());
                }
                // closing and reopening are the only ways to change it
                toSave = c.withClosedOn(stored.closedOn());
            }
            return r.ceremonies().save(toSave);
        });
    }

    /** A ceremony that signed conventions is part of their history: it is kept. */
    public void delete(Ceremony c) {
        store.run(r -> {
            Ceremony stored = stored(r, c.id());
            refusal(r, stored).ifPresent(e -> {
                throw e;
            });
            r.ceremonies().delete(c);
        });
    }

    /** Why {@link #delete} would refuse, asked before the user is asked to confirm (issue 15). */
    public java.util.Optional<RuleViolationException> deletionRefusal(Ceremony c) {
        return store.read(r -> r.ceremonies().findById(c.id()).flatMap(stored -> refusal(r, stored)));
    }

    private static java.util.Optional<RuleViolationException> refusal(fr.ancrage.persistence.Repositories r,
                                                                      Ceremony stored) {
        return r.ceremonies().items(stored.id()).stream().anyMatch(CeremonyItem::signed)
                ? java.util.Optional.of(new RuleViolationException("ceremony.delete.signed"))
                : java.util.Optional.empty();
    }

    public List<CeremonyItem> items(UUID ceremonyId) {
        return store.read(r -> r.ceremonies().items(ceremonyId));
    }

    /** The conventions « prête à signer » that no open ceremony holds yet: what may be added. */
    public List<ConventionListItem> candidates() {
        return store.read(r -> {
            Set<UUID> held = r.ceremonies().openCeremoniesByConvention().keySet();
            return r.conventions().list().stream()
                    .filter(c -> c.status() == ConventionStatus.READY_TO_SIGN && !held.contains(c.id()))
                    .toList();
        });
    }

    /** How many conventions « prête à signer » another open ceremony already holds. */
    public long readyElsewhere(UUID ceremonyId) {
        return store.read(r -> {
            Set<UUID> ready = new java.util.HashSet<>(r.conventions().list().stream()
                    .filter(c -> c.status() == ConventionStatus.READY_TO_SIGN).map(ConventionListItem::id).toList());
            return r.ceremonies().openCeremoniesByConvention().entrySet().stream()
                    .filter(e -> !e.getValue().id().equals(ceremonyId) && ready.contains(e.getKey())).count();
        });
    }

    /**
     * Adds the conventions at the end of the signing order, all or none: each must be « prête à
     * signer » and in no other open ceremony. Those already in this ceremony are left where they are.
     */
    public List<CeremonyItem> add(UUID ceremonyId, Collection<UUID> conventionIds) {
        return store.write(r -> {
            Ceremony ceremony = open(r, ceremonyId);
            var elsewhere = r.ceremonies().openCeremoniesByConvention();
            Set<UUID> present = new LinkedHashSet<>();
            r.ceremonies().items(ceremonyId).forEach(i -> present.add(i.conventionId()));
            for (UUID id : new LinkedHashSet<>(conventionIds)) {
                if (present.contains(id)) {
                    continue;
                }
                Convention c = r.conventions().findById(id)
                        .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, ""));
                if (c.status() != ConventionStatus.READY_TO_SIGN) {
                    throw new RuleViolationException("ceremony.add.notReady", c.reference(),
                            new MessageKey("enum.ConventionStatus." + c.status().name()));
                }
                var other = elsewhere.get(id);
                if (other != null && !other.id().equals(ceremony.id())) {
                    throw new RuleViolationException("ceremony.add.elsewhere", c.reference(), other.title(),
                            other.date());
                }
                r.ceremonies().add(ceremonyId, id);
                present.add(id);
            }
            return r.ceremonies().items(ceremonyId);
        });
    }

    /** Takes a convention out of an open ceremony, unless the ceremony signed it (it kept its signature). */
    public void remove(CeremonyItem item) {
        store.run(r -> {
            open(r, item.ceremonyId());
            boolean signed = r.ceremonies().items(item.ceremonyId()).stream()
                    .anyMatch(i -> i.id().equals(item.id()) && i.signed());
            if (signed) {
                throw new RuleViolationException("ceremony.remove.signed", item.reference());
            }
            r.ceremonies().remove(item);
        });
    }

    /**
     * The signing order becomes the order of {@code items} (every convention of the ceremony, once,
     * as the user saw them: refused if one changed since). Returns the lines as stored.
     */
    public List<CeremonyItem> reorder(UUID ceremonyId, List<CeremonyItem> items) {
        return store.write(r -> {
            Ceremony ceremony = open(r, ceremonyId);
            Set<UUID> stored = new LinkedHashSet<>(r.ceremonies().items(ceremonyId).stream().map(CeremonyItem::id)
                    .toList());
            List<UUID> order = items.stream().map(CeremonyItem::id).distinct().toList();
            if (!stored.equals(new LinkedHashSet<>(order)) || order.size() != items.size()) {
                // a convention was added or taken out meanwhile
                throw new StaleRecordException(RecordKind.CEREMONY, ceremony.title());
            }
            return r.ceremonies().reorder(ceremonyId, items);
        });
    }

    /**
     * Records where these signatories of the ceremony's conventions stand (a whole convention at
     * once); each must still have the answer the user saw, else nothing is recorded.
     */
    public void setAttendance(UUID ceremonyId, Collection<CeremonySignatory> signatories, Attendance attendance) {
        store.run(r -> {
            open(r, ceremonyId);
            Set<UUID> known = new LinkedHashSet<>();
            r.ceremonies().items(ceremonyId).forEach(i -> i.signatories().forEach(s -> known.add(s.signatoryId())));
            for (CeremonySignatory s : signatories) {
                if (!known.contains(s.signatoryId())) {
                    throw new StaleRecordException(RecordKind.SIGNATORY, s.fullName());
                }
                r.ceremonies().setAttendance(ceremonyId, s, attendance);
            }
        });
    }

    /**
     * « Clôturer la cérémonie »: in one transaction, the conventions still « prête à signer » whose
     * signatories were all present become signed on the ceremony's date; the others stay « prête à
     * signer » and are listed for a later date. A ceremony already closed is left as it is. A
     * ceremony is closed on its day or after.
     */
    public CeremonyClosing close(UUID ceremonyId) {
        return store.write(r -> {
            Ceremony ceremony = stored(r, ceremonyId);
            List<CeremonyItem> items = r.ceremonies().items(ceremonyId);
            if (ceremony.closed()) {
                return new CeremonyClosing(ceremony, items.stream().filter(CeremonyItem::signed).toList(),
                        items.stream().filter(i -> !i.signed()).toList(), true);
            }
            if (ceremony.date().isAfter(today())) {
                throw new RuleViolationException("ceremony.close.future", ceremony.date());
            }
            List<CeremonyItem> signed = new ArrayList<>();
            List<CeremonyItem> notSigned = new ArrayList<>();
            for (CeremonyItem item : items) {
                if (!item.signable()) {
                    notSigned.add(item);
                    continue;
                }
                Convention c = r.conventions().findById(item.conventionId())
                        .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, item.reference()));
                Convention signedOne = signedOn(c, ceremony.date());
                List<Issue> issues = ConventionRules.check(signedOne).values().stream().flatMap(List::stream)
                        .filter(Issue::isError).toList();
                if (!issues.isEmpty()) {
                    throw new RuleViolationException("ceremony.close.invalid", c.reference(), item.companyName(),
                            issues.getFirst());
                }
                r.conventions().save(signedOne);
                r.ceremonies().markSigned(item, true);
                signed.add(item);
            }
            Ceremony closed = r.ceremonies().save(ceremony.withClosedOn(today()));
            return new CeremonyClosing(closed, signed, notSigned, false);
        });
    }

    /**
     * Reopens a closed ceremony to correct it: the conventions its closing signed go back to « prête
     * à signer » unless they have moved on since. A ceremony whose day is past is reopened only
     * once the user has confirmed it ({@code pastConfirmed}).
     */
    public CeremonyReopening reopen(UUID ceremonyId, boolean pastConfirmed) {
        return store.write(r -> {
            Ceremony ceremony = stored(r, ceremonyId);
            if (!ceremony.closed()) {
                return new CeremonyReopening(ceremony, List.of(), List.of());
            }
            if (ceremony.past(today()) && !pastConfirmed) {
                throw new RuleViolationException("ceremony.reopen.confirm", ceremony.date());
            }
            var elsewhere = r.ceremonies().openCeremoniesByConvention();
            List<CeremonyItem> items = r.ceremonies().items(ceremonyId);
            // reopened, it holds all its conventions again: none may be in another open ceremony
            for (CeremonyItem item : items) {
                var other = elsewhere.get(item.conventionId());
                if (other != null && !other.id().equals(ceremonyId)) {
                    throw new RuleViolationException("ceremony.reopen.elsewhere", item.reference(), other.title(),
                            other.date());
                }
            }
            List<CeremonyItem> unsigned = new ArrayList<>();
            List<CeremonyItem> kept = new ArrayList<>();
            for (CeremonyItem item : items.stream().filter(CeremonyItem::signed).toList()) {
                Convention c = r.conventions().findById(item.conventionId())
                        .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, item.reference()));
                if (c.status() == ConventionStatus.SIGNED && ceremony.date().equals(c.signatureDate())) {
                    // undoing the closing's own act: the life cycle has no step back from signed
                    r.conventions().save(new Convention(c.meta(), c.reference(), c.title(), c.companyId(),
                            c.framework(), c.departmentCode(), c.epciSiren(), c.stateReferent(),
                            ConventionStatus.READY_TO_SIGN, null, c.startDate(), c.endDate(), c.qpvIds(),
                            c.signatories(), c.notes()));
                    r.ceremonies().markSigned(item, false);
                    unsigned.add(item);
                } else {
                    kept.add(item);
                }
            }
            Ceremony reopened = r.ceremonies().save(ceremony.withClosedOn(null));
            return new CeremonyReopening(reopened, unsigned, kept);
        });
    }

    public List<TaskTemplate> templates() {
        return store.read(r -> r.ceremonies().templates());
    }

    /**
     * Saves the default checklist (what new ceremonies start with; existing ones keep theirs), if
     * it is still the one the user read ({@code read}).
     */
    public List<TaskTemplate> saveTemplates(List<TaskTemplate> read, List<TaskTemplate> templates) {
        Map<String, List<Issue>> issues = CeremonyRules.checkTemplates(templates);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> r.ceremonies().saveTemplates(read, templates));
    }

    private static Convention signedOn(Convention c, LocalDate date) {
        return new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), ConventionStatus.SIGNED, date, c.startDate(), c.endDate(),
                c.qpvIds(), c.signatories(), c.notes());
    }

    private static Ceremony stored(Repositories r, UUID id) {
        return r.ceremonies().findById(id).orElseThrow(() -> new StaleRecordException(RecordKind.CEREMONY, ""));
    }

    private static Ceremony open(Repositories r, UUID id) {
        Ceremony c = stored(r, id);
        if (c.closed()) {
            throw new RuleViolationException("ceremony.closed", c.title());
        }
        return c;
    }
}
