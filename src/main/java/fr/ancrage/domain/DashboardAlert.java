package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an alert list: the record concerned ({@code id} of the convention, or of the
 * engagement for engagements without target), its convention's reference, company and end date.
 */
public record DashboardAlert(UUID id, String reference, String companyName, LocalDate endDate) {
}
