package fr.ancrage.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Targets and realised values of one territory below the dashboard's scope, for one unit. {@code code}
 * is the department code, the EPCI SIREN or the QPV code; it is {@code null} for the conventions
 * without EPCI. {@code qpvId} is set at QPV level only. A convention that targets several QPV counts
 * in each of them.
 */
public record TerritoryTotal(TerritoryLevel level, String code, UUID qpvId, String name, IndicatorUnit unit,
                             BigDecimal target, BigDecimal realised) {

    /** The filter narrowed to this territory. */
    public DashboardFilter narrow(DashboardFilter filter) {
        return switch (level) {
            case DEPARTMENT -> filter.withDepartment(code);
            case EPCI -> filter.withEpci(code);
            case QPV -> filter.withQpv(qpvId);
        };
    }
}
