package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A task of the checklist every new ceremony starts with, due {@code daysBefore} the ceremony. */
public record TaskTemplate(RecordMeta meta, String label, String owner, Integer daysBefore) {

    public TaskTemplate {
        Objects.requireNonNull(meta, "meta");
        label = Text.clean(label);
        owner = Text.clean(owner);
    }

    /** The task for a ceremony on {@code ceremonyDate}. */
    public CeremonyTask forCeremony(LocalDate ceremonyDate) {
        return new CeremonyTask(RecordMeta.fresh(), label, owner,
                daysBefore == null || ceremonyDate == null ? null : ceremonyDate.minusDays(daysBefore), false);
    }
}
