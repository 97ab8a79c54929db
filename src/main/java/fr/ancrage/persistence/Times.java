package fr.ancrage.persistence;

import fr.ancrage.domain.RecordMeta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Conversions between the store's column types and the domain's. */
final class Times {

    private Times() {
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime odt) {
        return odt.toInstant();
    }

    static RecordMeta meta(UUID id, Integer version, OffsetDateTime created, OffsetDateTime updated) {
        return new RecordMeta(id, version, created.toInstant(), updated.toInstant());
    }

    static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** The ids in slices of at most a thousand, for {@code in (…)} lists of a reasonable size. */
    static <T> java.util.List<java.util.List<T>> chunks(java.util.Collection<T> ids) {
        java.util.List<T> all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(ids));
        java.util.List<java.util.List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }
}
