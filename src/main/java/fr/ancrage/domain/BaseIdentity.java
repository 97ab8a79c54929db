package fr.ancrage.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who this base is, among the bases that exchange packages: an id made when the data folder was
 * created (or upgraded to the version that brought it), never changed, and the name the team gives
 * it (« Délégué du préfet — Besançon Nord »), empty until then. Packages name the base that made
 * them. The name is stripped (no-break spaces too), never null.
 */
public record BaseIdentity(UUID id, String name, Instant createdAt) {

    public BaseIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.cleanLine(name);
    }

    /** True once the team has named the base. */
    public boolean named() {
        return !name.isEmpty();
    }
}
