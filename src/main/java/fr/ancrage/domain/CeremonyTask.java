package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A preparation task of a ceremony (« Salle réservée »), with who does it and by when. */
public record CeremonyTask(RecordMeta meta, String label, String owner, LocalDate dueDate, boolean done) {

    public CeremonyTask {
        Objects.requireNonNull(meta, "meta");
        label = Text.clean(label);
        owner = Text.clean(owner);
    }

    public CeremonyTask withDone(boolean isDone) {
        return new CeremonyTask(meta, label, owner, dueDate, isDone);
    }

    /** Not done and its due date is past. */
    public boolean late(LocalDate today) {
        return !done && dueDate != null && dueDate.isBefore(today);
    }
}
