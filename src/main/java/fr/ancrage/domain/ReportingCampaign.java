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
}
