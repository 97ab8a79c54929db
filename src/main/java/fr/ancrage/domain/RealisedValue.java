package fr.ancrage.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What was actually done for one indicator of an engagement in one year (the bilan), with its
 * source, the date the figure was received and a comment.
 */
public record RealisedValue(RecordMeta meta, UUID engagementId, UUID indicatorId, int year, BigDecimal value,
                            ResultSource source, LocalDate receivedOn, String comment) {

    public RealisedValue {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        comment = Text.clean(comment);
    }

    public UUID id() {
        return meta.id();
    }
}
