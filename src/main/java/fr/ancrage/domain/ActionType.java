package fr.ancrage.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A kind of action within a category (stages de 3e, achats inclusifs…), its PaQte axis (none for
 * some categories) and the indicators its form asks for, in order.
 */
public record ActionType(RecordMeta meta, UUID categoryId, String code, String name, PaqteAxis axis, int position,
                         boolean active, List<UUID> indicatorIds) {

    public ActionType {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(categoryId, "categoryId");
        code = Text.clean(code);
        name = Text.clean(name);
        indicatorIds = indicatorIds == null ? List.of() : List.copyOf(indicatorIds);
    }

    public UUID id() {
        return meta.id();
    }

    public ActionType withActive(boolean newActive) {
        return new ActionType(meta, categoryId, code, name, axis, position, newActive, indicatorIds);
    }

    public ActionType withIndicators(List<UUID> ids) {
        return new ActionType(meta, categoryId, code, name, axis, position, active, ids);
    }
}
