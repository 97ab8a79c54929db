package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Targets of one indicator added up over engagements and years (engagements abandoned left out).
 * {@code axis} is set when the totals are grouped by PaQte axis. For an indicator that does not
 * sum (a yes/no label), {@code total} counts the engagements that aim at it.
 */
public record IndicatorTotal(PaqteAxis axis, UUID indicatorId, String indicatorName, IndicatorUnit unit,
                             boolean summable, BigDecimal total, int engagements) {
}
