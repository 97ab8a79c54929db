package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Targets and realised values of the summable indicators of one category, one unit and one year
 * (units are kept apart: euros do not add up with hours).
 */
public record CategoryYearTotal(UUID categoryId, String categoryName, IndicatorUnit unit, int year,
                                BigDecimal target, BigDecimal realised) {
}
