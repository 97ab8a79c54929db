package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A row of the conventions list, with the names the user recognises. */
public record ConventionListItem(
        UUID id,
        String reference,
        String title,
        UUID companyId,
        String companyName,
        Framework framework,
        ConventionStatus status,
        String departmentCode,
        String epciSiren,
        String epciName,
        String stateReferent,
        LocalDate signatureDate,
        LocalDate startDate,
        LocalDate endDate) {
}
