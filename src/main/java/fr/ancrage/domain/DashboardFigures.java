package fr.ancrage.domain;

import java.util.List;

/**
 * Everything the dashboard shows for one filter, read in one transaction: totals by category,
 * PaQte axis and territory (by unit and year where they have one), conventions by status and the
 * top indicators.
 */
public record DashboardFigures(DashboardFilter filter, List<CategoryYearTotal> byCategory,
                               List<AxisYearTotal> byAxis, List<TerritoryTotal> byTerritory,
                               ConventionCounts counts, List<IndicatorRanking> topIndicators) {

    public DashboardFigures {
        byCategory = List.copyOf(byCategory);
        byAxis = List.copyOf(byAxis);
        byTerritory = List.copyOf(byTerritory);
        topIndicators = List.copyOf(topIndicators);
    }

    /** Nothing to show: no convention in scope at all (not even a draft). */
    public boolean empty() {
        return counts.total() == 0;
    }

    /** Conventions exist but none has a target or realised value that counts (signed or later). */
    public boolean withoutFigures() {
        return byCategory.isEmpty();
    }
}
