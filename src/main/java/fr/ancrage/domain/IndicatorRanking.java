package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of the top indicators: targets and realised values of a summable indicator, added up. */
public record IndicatorRanking(UUID indicatorId, String indicatorName, IndicatorUnit unit, BigDecimal target,
                               BigDecimal realised) {
}
