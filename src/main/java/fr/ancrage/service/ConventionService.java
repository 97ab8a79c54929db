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
        if (c.status().isSignedOrLater()) {
            throw new RuleViolationException("convention.delete.signed");
        }
        store.run(r -> r.conventions().delete(c));
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

    private static void checkCompany(Repositories r, Convention c) {
        var company = r.organisations().findById(c.companyId())
                .orElseThrow(() -> ValidationException.of(ConventionRules.COMPANY,
                        Issue.error("validation.convention.company.required")));
        if (!company.kind().isCompany()) {
            throw ValidationException.of(ConventionRules.COMPANY, Issue.error("validation.convention.company.notCompany"));
        }
    }
}
