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
}
