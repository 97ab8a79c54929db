package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What a public partner commits to in return (France Travail pre-selects candidates, the Mission
 * locale prepares young people…), for the convention and optionally one of its engagements.
 */
public record Counterpart(RecordMeta meta, UUID conventionId, UUID partnerId, UUID engagementId,
                          String description) {

    public Counterpart {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(conventionId, "conventionId");
        description = Text.clean(description);
    }

    public UUID id() {
        return meta.id();
    }
}
