package fr.ancrage.domain.validation;

import java.util.Objects;

/** An argument of an {@link Issue} that the interface translates before inserting it (a field's name). */
public record MessageKey(String key) {

    public MessageKey {
        Objects.requireNonNull(key, "key");
    }
}
