package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One of the categories of engagements (éducation, emploi…). Catalogue data: the seeded ones carry
 * a code, the ones a team adds do not. A used category is deactivated, never deleted.
 */
public record EngagementCategory(RecordMeta meta, String code, String name, int position, boolean active) {

    public EngagementCategory {
        Objects.requireNonNull(meta, "meta");
        code = Text.clean(code);
        name = Text.clean(name);
    }

    public UUID id() {
        return meta.id();
    }

    public EngagementCategory withActive(boolean newActive) {
        return new EngagementCategory(meta, code, name, position, newActive);
    }
}
