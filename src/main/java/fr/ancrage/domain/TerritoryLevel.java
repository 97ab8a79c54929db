package fr.ancrage.domain;

/** The levels of territory the dashboard breaks its figures down by. */
public enum TerritoryLevel {
    DEPARTMENT, EPCI, QPV;

    /**
     * The level below the filter's territory: departments for the whole country, EPCI for a
     * department, QPV for an EPCI; {@code null} for a QPV (nothing below).
     */
    public static TerritoryLevel below(DashboardFilter filter) {
        if (filter.qpvId() != null) {
            return null;
        }
        if (filter.epciSiren() != null) {
            return QPV;
        }
        return filter.departmentCode() != null ? EPCI : DEPARTMENT;
    }
}
