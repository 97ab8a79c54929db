package fr.ancrage.service;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Use cases on conventions. Blocking: call from a background task. */
public final class ConventionService {

    private final Store store;
    private final Clock clock;

    public ConventionService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<ConventionListItem> list() {
        return store.read(r -> r.conventions().list());
    }

    public List<ConventionListItem> listByCompany(UUID companyId) {
        return store.read(r -> r.conventions().listByCompany(companyId));
    }

    public Optional<Convention> get(UUID id) {
        return store.read(r -> r.conventions().findById(id));
    }

    /**
     * Saves the convention; a new one receives its reference number (department and year of
     * creation). The status may only follow the life cycle from the stored one.
     */
    public Convention save(Convention c) {
        return save(c, false);
    }

    /**
     * Saves a change to what a signed convention protects (its company, signature date and
     * signatories) that the user asked for explicitly (« Modifier une convention signée »,
     * decision 0013). {@link #save(Convention)} refuses such a change.
     */
    public Convention saveSignedChange(Convention c) {
        return save(c, true);
    }

    private Convention save(Convention c, boolean signedChangeConfirmed) {
        validate(c);
        return store.write(r -> {
            Convention toSave = c;
            if (c.meta().isNew()) {
                if (c.status() != ConventionStatus.DRAFT && c.status() != ConventionStatus.NEGOTIATION) {
                    checkTransition(ConventionStatus.DRAFT, c.status());
                }
                String reference = r.conventions().nextReference(c.departmentCode(), LocalDate.now(clock).getYear());
                toSave = c.withMeta(c.meta(), reference);
            } else {
                Convention stored = r.conventions().findById(c.id())
                        .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, c.reference()));
                checkTransition(stored.status(), c.status());
                // the reference is given once, at creation: never changed by a save
                toSave = c.withMeta(c.meta(), stored.reference());
                if (!signedChangeConfirmed) {
                    checkSignedProtected(stored, toSave);
                }
            }
            checkCompany(r, toSave);
            return r.conventions().save(toSave);
        });
    }

    /** Moves the convention to another status, if the life cycle allows it and the record is complete. */
    public Convention changeStatus(Convention c, ConventionStatus target) {
        checkTransition(c.status(), target);
        return save(c.withStatus(target));
    }

    /** Only a convention not yet signed can be deleted; a signed one is terminated instead. */
    public void delete(Convention c) {
        store.run(r -> {
            Convention stored = r.conventions().findById(c.id())
                    .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, c.reference()));
            refusal(stored).ifPresent(e -> {
                throw e;
            });
            r.conventions().delete(c);
        });
    }

    /** Why {@link #delete} would refuse, asked before the user is asked to confirm (issue 15). */
    public Optional<RuleViolationException> deletionRefusal(Convention c) {
        return store.read(r -> r.conventions().findById(c.id()).flatMap(ConventionService::refusal));
    }

    private static Optional<RuleViolationException> refusal(Convention stored) {
        return stored.status().isSignedOrLater()
                ? Optional.of(new RuleViolationException("convention.delete.signed")) : Optional.empty();
    }

    private static void validate(Convention c) {
        Map<String, List<Issue>> issues = ConventionRules.check(c);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
    }

    private static void checkTransition(ConventionStatus from, ConventionStatus to) {
        List<Issue> issues = ConventionRules.checkTransition(from, to);
        if (!issues.isEmpty()) {
            throw new ValidationException(Map.of(ConventionRules.STATUS, issues));
        }
    }

    /**
     * A signed convention keeps its company, signature date and signatories unless the user
     * confirmed the change: a save from a form that only meant to change the title never moves it.
     */
    private static void checkSignedProtected(Convention stored, Convention c) {
        if (!stored.status().isSignedOrLater()) {
            return;
        }
        List<MessageKey> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(stored.companyId(), c.companyId())) {
            changed.add(new MessageKey("convention.signed.field.company"));
        }
        if (!java.util.Objects.equals(stored.signatureDate(), c.signatureDate())) {
            changed.add(new MessageKey("convention.signed.field.signatureDate"));
        }
        if (!stored.signatories().equals(c.signatories())) {
            changed.add(new MessageKey("convention.signed.field.signatories"));
        }
        if (!changed.isEmpty()) {
            throw new RuleViolationException("convention.signed.protected", stored.reference(),
                    changed.size() == 1 ? changed.getFirst() : new MessageKey("convention.signed.field.several"));
        }
    }

    private static void checkCompany(Repositories r, Convention c) {
        var company = r.organisations().findById(c.companyId())
                .orElseThrow(() -> ValidationException.of(ConventionRules.COMPANY,
                        Issue.error("validation.convention.company.required")));
        if (!company.kind().isCompany()) {
            throw ValidationException.of(ConventionRules.COMPANY, Issue.error("validation.convention.company.notCompany"));
        }
    }
}
