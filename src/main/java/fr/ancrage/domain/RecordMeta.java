package fr.ancrage.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity and versioning of a record that may travel between laptops: a time-ordered UUID, a
 * version used for optimistic locking, and creation/update times.
 */
public record RecordMeta(UUID id, int version, Instant createdAt, Instant updatedAt) {

    public RecordMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Metadata of a record not yet stored: version 0 means "insert". */
    public static RecordMeta fresh() {
        Instant now = Instant.now();
        return new RecordMeta(Ids.newId(), 0, now, now);
    }

    public boolean isNew() {
        return version == 0;
    }
}
