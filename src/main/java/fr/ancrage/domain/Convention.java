package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A convention signed by the prefect with a company (and the EPCI and public partners). The
 * reference number is given by the store when the convention is first saved.
 */
public record Convention(
        RecordMeta meta,
        String reference,
        String title,
        UUID companyId,
        Framework framework,
        String departmentCode,
        String epciSiren,
        String stateReferent,
        ConventionStatus status,
        LocalDate signatureDate,
        LocalDate startDate,
        LocalDate endDate,
        Set<UUID> qpvIds,
        List<Signatory> signatories,
        String notes) {

    public Convention {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(status, "status");
        reference = Text.clean(reference);
        title = Text.clean(title);
        departmentCode = Text.clean(departmentCode);
        epciSiren = Text.clean(epciSiren);
        stateReferent = Text.clean(stateReferent);
        qpvIds = qpvIds == null ? Set.of() : Set.copyOf(qpvIds);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        notes = Text.clean(notes);
    }

    public UUID id() {
        return meta.id();
    }

    public Convention withStatus(ConventionStatus newStatus) {
        return new Convention(meta, reference, title, companyId, framework, departmentCode, epciSiren,
                stateReferent, newStatus, signatureDate, startDate, endDate, qpvIds, signatories, notes);
    }

    public Convention withMeta(RecordMeta newMeta, String newReference) {
        return new Convention(newMeta, newReference, title, companyId, framework, departmentCode, epciSiren,
                stateReferent, status, signatureDate, startDate, endDate, qpvIds, signatories, notes);
    }

    /** A status on a day: {@code asOfToday} when the dates recorded cannot tell and it is today's status. */
    public record StatusOn(ConventionStatus status, boolean asOfToday) {
    }

    /**
     * The status the convention had on {@code day} (a past day: a bilan's 31 December), as its dates
     * tell: not signed yet before its signature date, signed before its start, active until its end,
     * then ended (« échue », or « renouvelée » when it was renewed). On {@code today} or later, the
     * status recorded. A termination date is not recorded: a terminated convention is shown
     * terminated as of today ({@code asOfToday}), the reader being told so.
     */
    public StatusOn statusOn(LocalDate day, LocalDate today) {
        if (!day.isBefore(today) || !status.isSignedOrLater()) {
            return new StatusOn(status, false);
        }
        if (status == ConventionStatus.TERMINATED) {
            return new StatusOn(status, true);
        }
        if (signatureDate != null && signatureDate.isAfter(day)) {
            return new StatusOn(ConventionStatus.READY_TO_SIGN, false);
        }
        if (endDate != null && endDate.isBefore(day)) {
            return new StatusOn(status == ConventionStatus.RENEWED ? ConventionStatus.RENEWED
                    : ConventionStatus.EXPIRED, false);
        }
        if (startDate == null || startDate.isAfter(day)) {
            return new StatusOn(ConventionStatus.SIGNED, false);
        }
        return new StatusOn(ConventionStatus.ACTIVE, false);
    }
}
