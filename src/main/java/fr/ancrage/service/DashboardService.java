package fr.ancrage.service;

import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardAlerts;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.persistence.DashboardRepository;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
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

    public DashboardFigures figures(DashboardFilter filter) {
        return store.read(r -> {
            DashboardRepository d = r.dashboard();
            return new DashboardFigures(filter, d.totalsByCategoryAndYear(filter), d.totalsByAxisAndYear(filter),
                    d.totalsByTerritory(filter), d.conventionCounts(filter), d.topIndicators(filter, TOP_INDICATORS));
        });
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

    public List<ConventionFigure> conventionsBehind(DashboardFilter filter, DashboardSlice slice) {
        return store.read(r -> r.dashboard().conventionsBehind(filter, slice));
    }

    /** The conventions counted in the filter's scope with this status ({@code null}: all of them). */
    public List<ConventionFigure> conventionsWithStatus(DashboardFilter filter, ConventionStatus status) {
        return store.read(r -> r.dashboard().conventionsWithStatus(filter, status));
    }
}
