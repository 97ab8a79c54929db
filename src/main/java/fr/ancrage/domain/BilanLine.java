package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a convention's bilan: an indicator of an engagement for one year, its target (if
 * any) and its realised value (if reported).
 */
public record BilanLine(UUID engagementId, String actionTypeName, EngagementStatus engagementStatus,
                        Indicator indicator, int year, BigDecimal target, RealisedValue result) {

    /** Realised minus target, when both are known. */
    public BigDecimal gap() {
        return target == null || result == null ? null : result.value().subtract(target);
    }

    public boolean reportable() {
        return engagementStatus != EngagementStatus.ABANDONED;
    }
}
