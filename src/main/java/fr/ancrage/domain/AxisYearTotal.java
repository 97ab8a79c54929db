package fr.ancrage.domain;

import java.math.BigDecimal;

/**
 * Targets and realised values of the summable indicators under one PaQte axis ({@code null}: action
 * types outside the PaQte axes), one unit and one year.
 */
public record AxisYearTotal(PaqteAxis axis, IndicatorUnit unit, int year, BigDecimal target,
                            BigDecimal realised) {
}
