package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** « Campagne de bilan <year> »: the yearly collection of the companies' realised values. */
public record ReportingCampaign(RecordMeta meta, int year, LocalDate dueDate) {

    public ReportingCampaign {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    public UUID id() {
        return meta.id();
    }

    /**
     * The due date offered for a new campaign: 31 March of the next year, when companies usually
     * report; if that day has already passed, the end of next month, so that the companies asked
     * today have a month to answer instead of being overdue at once.
     */
    public static LocalDate proposedDueDate(int year, LocalDate today) {
        LocalDate usual = LocalDate.of(year + 1, 3, 31);
        if (!usual.isBefore(today)) {
            return usual;
        }
        LocalDate nextMonth = today.plusMonths(1);
        return nextMonth.withDayOfMonth(nextMonth.lengthOfMonth());
    }
}
