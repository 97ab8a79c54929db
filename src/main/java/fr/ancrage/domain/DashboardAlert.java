package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an alert list: the record concerned ({@code id}: the convention, or the engagement
 * for engagements without target), the convention to open, its reference and company, a date (the
 * convention's end, or the campaign's due date for an overdue report) and a detail to show (the
 * action type of an engagement, the campaign year of a report; empty otherwise).
 */
public record DashboardAlert(UUID id, UUID conventionId, String reference, String companyName, LocalDate date,
                             String detail) {

    public DashboardAlert {
        detail = detail == null ? "" : detail;
    }
}
