package fr.ancrage.ui.dashboard;

import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.CategoryYearTotal;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.TerritoryTotal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns the dashboard's figures into the bars of its charts, one unit at a time (euros do not add
 * up with hires). Each bar carries the filter and slice of the figures behind it, so that a click
 * can list its conventions. Pure: tested without a screen.
 */
final class DashboardBars {

    /** Most territories drawn in the territory chart (the largest targets). */
    static final int MAX_TERRITORIES = 12;

    private DashboardBars() {
    }

    /**
     * One bar pair of a chart: its label, the targets and realised values, and the figures behind it.
     * {@code key} is stable (a category id, an axis name, a year, a territory code) for lookups;
     * {@code filter} is {@code null} when the figures behind the bar cannot be listed.
     */
    record Bar(String key, String label, BigDecimal target, BigDecimal realised, DashboardFilter filter,
               DashboardSlice slice) {

        /** Realised over target, in percent; {@code null} without target. */
        Integer rate() {
            if (target.signum() == 0) {
                return null;
            }
            return realised.multiply(BigDecimal.valueOf(100)).divide(target, 0, java.math.RoundingMode.HALF_UP)
                    .intValue();
        }
    }

    /** The units the figures have values in, in the order of the catalogue's units; yes/no never adds up. */
    static List<IndicatorUnit> units(DashboardFigures figures) {
        Set<IndicatorUnit> units = EnumSet.noneOf(IndicatorUnit.class);
        figures.byCategory().forEach(t -> units.add(t.unit()));
        units.remove(IndicatorUnit.YES_NO);
        return List.copyOf(units);
    }

    /** Targets and realised values by category, all years of the filter added up. */
    static List<Bar> byCategory(DashboardFigures figures, IndicatorUnit unit) {
        Map<UUID, Bar> bars = new LinkedHashMap<>();
        for (CategoryYearTotal t : figures.byCategory()) {
            if (t.unit() != unit) {
                continue;
            }
            bars.merge(t.categoryId(), new Bar(t.categoryId().toString(), t.categoryName(), t.target(), t.realised(),
                    figures.filter(), DashboardSlice.category(t.categoryId(), unit)), DashboardBars::add);
        }
        return List.copyOf(bars.values());
    }

    /** By PaQte axis, in the axes' order, then the action types without axis. */
    static List<Bar> byAxis(DashboardFigures figures, IndicatorUnit unit, Function<PaqteAxis, String> axisLabel) {
        Map<String, Bar> bars = new LinkedHashMap<>();
        for (AxisYearTotal t : figures.byAxis()) {
            if (t.unit() != unit) {
                continue;
            }
            String key = t.axis() == null ? "NONE" : t.axis().name();
            bars.merge(key, new Bar(key, axisLabel.apply(t.axis()), t.target(), t.realised(), figures.filter(),
                    DashboardSlice.axis(t.axis(), unit)), DashboardBars::add);
        }
        return List.copyOf(bars.values());
    }

    /** By year, oldest first; each bar narrows the filter to its year. */
    static List<Bar> byYear(DashboardFigures figures, IndicatorUnit unit) {
        Map<Integer, Bar> bars = new TreeMap<>();
        for (CategoryYearTotal t : figures.byCategory()) {
            if (t.unit() != unit) {
                continue;
            }
            bars.merge(t.year(), new Bar(String.valueOf(t.year()), String.valueOf(t.year()), t.target(), t.realised(),
                    figures.filter().withYear(t.year()), DashboardSlice.of(unit)), DashboardBars::add);
        }
        return List.copyOf(bars.values());
    }

    /**
     * By territory below the filter's, largest target first, at most {@link #MAX_TERRITORIES};
     * {@code noEpci} names the conventions without EPCI.
     */
    static List<Bar> byTerritory(DashboardFigures figures, IndicatorUnit unit, String noEpci) {
        List<Bar> bars = new ArrayList<>();
        for (TerritoryTotal t : figures.byTerritory()) {
            if (t.unit() != unit || bars.size() == MAX_TERRITORIES) {
                continue;
            }
            String label = t.code() == null ? noEpci : t.name() == null ? t.code() : t.name();
            // the conventions without EPCI cannot be narrowed to with a filter: their bar opens nothing
            DashboardFilter filter = t.code() == null ? null : t.narrow(figures.filter());
            bars.add(new Bar(Objects.requireNonNullElse(t.code(), ""), label, t.target(), t.realised(), filter,
                    DashboardSlice.of(unit)));
        }
        return bars;
    }

    /** All targets and realised values of this unit in the scope. */
    static Bar total(DashboardFigures figures, IndicatorUnit unit) {
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        for (CategoryYearTotal t : figures.byCategory()) {
            if (t.unit() == unit) {
                target = target.add(t.target());
                realised = realised.add(t.realised());
            }
        }
        return new Bar("TOTAL", "", target, realised, figures.filter(), DashboardSlice.of(unit));
    }

    /** A round step near {@code raw}: 1, 2, 2.5 or 5 times a power of ten (1 for nothing). */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return Math.max(1, nice * power);
    }

    /**
     * Realised over target, in percent, over the years up to {@code lastReportedYear} only (later
     * years cannot have been reported yet); {@code null} without target in those years.
     */
    static Integer reportedRate(DashboardFigures figures, IndicatorUnit unit, int lastReportedYear) {
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        for (CategoryYearTotal t : figures.byCategory()) {
            if (t.unit() == unit && t.year() <= lastReportedYear) {
                target = target.add(t.target());
                realised = realised.add(t.realised());
            }
        }
        return new Bar("RATE", "", target, realised, figures.filter(), DashboardSlice.of(unit)).rate();
    }

    private static Bar add(Bar a, Bar b) {
        return new Bar(a.key(), a.label(), a.target().add(b.target()), a.realised().add(b.realised()), a.filter(),
                a.slice());
    }
}
