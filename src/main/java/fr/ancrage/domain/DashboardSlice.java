package fr.ancrage.domain;

import java.util.UUID;

/**
 * The part of the dashboard's figures behind one bar or one figure, within a {@link DashboardFilter}:
 * a unit (always: euros do not add up with hires), and optionally a category, a PaQte axis (or the
 * action types without axis) or one indicator.
 */
public record DashboardSlice(IndicatorUnit unit, UUID categoryId, PaqteAxis axis, boolean withoutAxis,
                             UUID indicatorId) {

    public DashboardSlice {
        if (unit == null) {
            throw new IllegalArgumentException("unit");
        }
        if (withoutAxis && axis != null) {
            throw new IllegalArgumentException("axis and withoutAxis");
        }
    }

    /** Every summable value of this unit. */
    public static DashboardSlice of(IndicatorUnit unit) {
        return new DashboardSlice(unit, null, null, false, null);
    }

    public static DashboardSlice category(UUID categoryId, IndicatorUnit unit) {
        return new DashboardSlice(unit, categoryId, null, false, null);
    }

    /** The values of action types on this axis; {@code null}: action types without axis. */
    public static DashboardSlice axis(PaqteAxis axis, IndicatorUnit unit) {
        return new DashboardSlice(unit, null, axis, axis == null, null);
    }

    public static DashboardSlice indicator(UUID indicatorId, IndicatorUnit unit) {
        return new DashboardSlice(unit, null, null, false, indicatorId);
    }
}
