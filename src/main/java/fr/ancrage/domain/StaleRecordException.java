package fr.ancrage.domain;

import java.util.Objects;

/**
 * A write was refused because someone else changed or deleted the record since it was read
 * (optimistic locking): nothing of the unit of work was kept. It names the record, by its kind
 * and what the user knows it by (a reference, a name; empty when the record is gone and nothing
 * better is known), so that the message says which one.
 */
public final class StaleRecordException extends RuntimeException {

    private final RecordKind kind;
    private final String name;

    public StaleRecordException(RecordKind kind, String name) {
        super("Stale record: " + kind + " " + Text.clean(name));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Text.clean(name);
    }

    public RecordKind kind() {
        return kind;
    }

    /** The reference or name of the record, {@code ""} when unknown. */
    public String name() {
        return name;
    }
}
