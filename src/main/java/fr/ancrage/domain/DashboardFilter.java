package fr.ancrage.domain;

import java.util.UUID;

/**
 * The scope of the dashboard: every part is optional (null = no restriction) and the parts add up.
 * The territory parts select conventions (their department, their EPCI, a QPV they target); the
 * year selects the targets and realised values of that year, and the conventions running that year.
 */
public record DashboardFilter(String departmentCode, String epciSiren, UUID qpvId, Integer year) {

    /** The whole country, all years. */
    public static DashboardFilter all() {
        return new DashboardFilter(null, null, null, null);
    }

    public DashboardFilter withDepartment(String code) {
        return new DashboardFilter(code, epciSiren, qpvId, year);
    }

    public DashboardFilter withEpci(String siren) {
        return new DashboardFilter(departmentCode, siren, qpvId, year);
    }

    public DashboardFilter withQpv(UUID id) {
        return new DashboardFilter(departmentCode, epciSiren, id, year);
    }

    public DashboardFilter withYear(Integer y) {
        return new DashboardFilter(departmentCode, epciSiren, qpvId, y);
    }
}
