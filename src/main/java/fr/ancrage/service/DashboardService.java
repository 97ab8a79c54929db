package fr.ancrage.service;

import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardAlerts;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.domain.TerritoryTotal;
import fr.ancrage.persistence.DashboardRepository;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's figures and alerts, all computed by the database. Blocking: call from background
 * tasks.
 */
public final class DashboardService {

    /** Lines of each alert brought back with its count. */
    public static final int ALERT_LINES = 200;
    /** Lines of the top indicators. */
    public static final int TOP_INDICATORS = 6;

    private final Store store;
    private final Clock clock;

    public DashboardService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Everything the dashboard shows for the filter; a part of an indicator (« dont emplois
     * francs ») is never a key figure of its own, nor in any total (decision 0015).
     */
    public DashboardFigures figures(DashboardFilter filter) {
        return store.read(r -> {
            DashboardRepository d = r.dashboard();
            java.util.Set<java.util.UUID> parts = new java.util.HashSet<>();
            r.catalogue().load().indicators().stream().filter(fr.ancrage.domain.Indicator::part)
                    .forEach(i -> parts.add(i.id()));
            return new DashboardFigures(filter, d.totalsByCategoryAndYear(filter), d.totalsByAxisAndYear(filter),
                    d.totalsByTerritory(filter), d.conventionCounts(filter),
                    keyFigures(d.topIndicators(filter, Integer.MAX_VALUE).stream()
                            .filter(i -> !parts.contains(i.indicatorId())).toList()));
        });
    }

    /**
     * The key figures out of the indicators ranked by target: the largest counts (people, actions)
     * first, then the largest in euros, in hours and in days, so that big amounts of euros or hours
     * do not hide the numbers of pupils or hires; at most {@link #TOP_INDICATORS}.
     */
    static List<IndicatorRanking> keyFigures(List<IndicatorRanking> ranked) {
        List<IndicatorRanking> chosen = new ArrayList<>();
        ranked.stream().filter(r -> r.unit() == IndicatorUnit.COUNT).limit(TOP_INDICATORS - 3).forEach(chosen::add);
        for (IndicatorUnit unit : List.of(IndicatorUnit.EUROS, IndicatorUnit.HOURS, IndicatorUnit.DAYS)) {
            ranked.stream().filter(r -> r.unit() == unit).findFirst().ifPresent(chosen::add);
        }
        ranked.stream().filter(r -> r.unit() == IndicatorUnit.COUNT).skip(TOP_INDICATORS - 3)
                .limit(Math.max(0, TOP_INDICATORS - chosen.size())).forEach(chosen::add);
        return chosen.size() > TOP_INDICATORS ? List.copyOf(chosen.subList(0, TOP_INDICATORS)) : chosen;
    }

    /**
     * Targets and realised values of every summable indicator within the filter (parts included),
     * largest target first.
     */
    public List<IndicatorRanking> indicatorTotals(DashboardFilter filter) {
        return store.read(r -> r.dashboard().topIndicators(filter, Integer.MAX_VALUE));
    }

    /** What was reported for the filter's year: {@link DashboardRepository#reported}. */
    public List<fr.ancrage.domain.ReportedValue> reported(DashboardFilter filter) {
        return store.read(r -> r.dashboard().reported(filter));
    }

    /** The latest year whose realised values are in (signed conventions), if any. */
    public java.util.Optional<Integer> latestReportedYear() {
        return store.read(r -> r.dashboard().latestReportedYear());
    }

    /** Targets and realised values by QPV within the filter's territory and year, by unit. */
    public List<TerritoryTotal> qpvTotals(DashboardFilter filter) {
        return store.read(r -> r.dashboard().totalsByTerritory(filter, TerritoryLevel.QPV));
    }

    /** The alerts within the filter's territory (its year plays no part: alerts are about today). */
    public DashboardAlerts alerts(DashboardFilter filter) {
        LocalDate today = today();
        return store.read(r -> {
            DashboardRepository d = r.dashboard();
            return new DashboardAlerts(
                    d.conventionsEndingWithin(filter, today, DashboardAlerts.ENDING_VERY_SOON_DAYS, ALERT_LINES),
                    d.conventionsEndingWithin(filter, today, DashboardAlerts.ENDING_SOON_DAYS, ALERT_LINES),
                    d.reportsOverdue(filter, today, ALERT_LINES),
                    d.conventionsWithoutEngagement(filter, ALERT_LINES),
                    d.engagementsWithoutTarget(filter, ALERT_LINES));
        });
    }

    /** The years the signed conventions cover, oldest first: the choices of the year filter. */
    public List<Integer> years() {
        return store.read(r -> r.dashboard().years());
    }

    public List<ConventionFigure> conventionsBehind(DashboardFilter filter, DashboardSlice slice) {
        return store.read(r -> r.dashboard().conventionsBehind(filter, slice));
    }

    /** The conventions counted in the filter's scope with this status ({@code null}: all of them). */
    public List<ConventionFigure> conventionsWithStatus(DashboardFilter filter, ConventionStatus status) {
        return store.read(r -> r.dashboard().conventionsWithStatus(filter, status));
    }
}
