package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A measure of engagements of a category (stages offered, purchases…), with its unit and whether
 * targets add up across engagements. Shared by the action types that ask for it.
 */
public record Indicator(RecordMeta meta, UUID categoryId, String code, String name, IndicatorUnit unit,
                        boolean summable, int position, boolean active) {

    public Indicator {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(unit, "unit");
        code = Text.clean(code);
        name = Text.clean(name);
    }

    public UUID id() {
        return meta.id();
    }

    /**
     * Whether this indicator counts a part of another one ({@link EngagementRules#PART_OF}: « dont
     * emplois francs » among the hires, the internships filled among those offered). A part is never
     * added into a total: its values are already in its parent's ({@link Catalogue#parentOf}). See
     * decision 0015.
     */
    public boolean part() {
        return EngagementRules.PART_OF.containsKey(code);
    }

    public Indicator withActive(boolean newActive) {
        return new Indicator(meta, categoryId, code, name, unit, summable, position, newActive);
    }
}
