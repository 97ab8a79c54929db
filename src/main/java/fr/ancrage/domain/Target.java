package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** The target of one indicator for one year of an engagement (yes/no: 1 or 0). */
public record Target(UUID indicatorId, int year, BigDecimal value) {

    public Target {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(value, "value");
    }
}
