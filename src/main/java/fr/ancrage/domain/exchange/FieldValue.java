package fr.ancrage.domain.exchange;

import java.util.Objects;

/**
 * One field of a record as the exchange sees it: its value in canonical text form (null when
 * absent) and the clock of its last change.
 */
public record FieldValue(String value, Clock clock) {

    public FieldValue {
        Objects.requireNonNull(clock, "clock");
    }

    public static final FieldValue ABSENT = new FieldValue(null, Clock.EMPTY);

    public boolean sameValue(FieldValue other) {
        return Objects.equals(value, other.value);
    }
}
