package fr.ancrage.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A convention behind a dashboard figure, with its share of the figure: the targets and realised
 * values it adds (zero when the figure is a count of conventions).
 */
public record ConventionFigure(UUID conventionId, String reference, UUID companyId, String companyName,
                               ConventionStatus status, LocalDate endDate, BigDecimal target, BigDecimal realised) {
}
