package fr.ancrage.ui.dashboard;

import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.CategoryYearTotal;
import fr.ancrage.domain.ConventionCounts;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.domain.TerritoryTotal;
import fr.ancrage.ui.dashboard.DashboardBars.Bar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBarsTest {

    private static final UUID EDUCATION = UUID.randomUUID();
    private static final UUID ECONOMY = UUID.randomUUID();
    private static final DashboardFilter DOUBS = DashboardFilter.all().withDepartment("25");

    private final DashboardFigures figures = new DashboardFigures(DOUBS,
            List.of(new CategoryYearTotal(EDUCATION, "Éducation", IndicatorUnit.COUNT, 2024, n("10"), n("8")),
                    new CategoryYearTotal(EDUCATION, "Éducation", IndicatorUnit.COUNT, 2025, n("20"), n("5")),
                    new CategoryYearTotal(ECONOMY, "Économie", IndicatorUnit.EUROS, 2025, n("1000.50"), n("0")),
                    new CategoryYearTotal(ECONOMY, "Économie", IndicatorUnit.COUNT, 2025, n("3"), n("3"))),
            List.of(new AxisYearTotal(PaqteAxis.AWARENESS, IndicatorUnit.COUNT, 2024, n("10"), n("8")),
                    new AxisYearTotal(PaqteAxis.AWARENESS, IndicatorUnit.COUNT, 2025, n("20"), n("5")),
                    new AxisYearTotal(null, IndicatorUnit.COUNT, 2025, n("3"), n("3"))),
            List.of(new TerritoryTotal(TerritoryLevel.EPCI, "242500361", null, "Grand Besançon", IndicatorUnit.COUNT,
                            n("30"), n("13")),
                    new TerritoryTotal(TerritoryLevel.EPCI, null, null, null, IndicatorUnit.COUNT, n("3"), n("3"))),
            new ConventionCounts(Map.of(ConventionStatus.ACTIVE, 2), 2), List.of());

    @Test
    void categoriesAddTheirYearsUpInOneUnitAndKeepTheirSlice() {
        List<Bar> bars = DashboardBars.byCategory(figures, IndicatorUnit.COUNT);
        assertThat(bars).extracting(Bar::label).containsExactly("Éducation", "Économie");
        assertThat(bars.getFirst().target()).isEqualByComparingTo("30");
        assertThat(bars.getFirst().realised()).isEqualByComparingTo("13");
        assertThat(bars.getFirst().rate()).isEqualTo(43);
        assertThat(bars.getFirst().slice()).isEqualTo(DashboardSlice.category(EDUCATION, IndicatorUnit.COUNT));
        assertThat(bars.getFirst().filter()).isEqualTo(DOUBS);
        assertThat(DashboardBars.byCategory(figures, IndicatorUnit.EUROS)).extracting(Bar::target)
                .containsExactly(n("1000.50"));
        assertThat(DashboardBars.byCategory(figures, IndicatorUnit.HOURS)).isEmpty();
    }

    @Test
    void yearsNarrowTheFilterAndAxesPutTheUnclassifiedLast() {
        List<Bar> years = DashboardBars.byYear(figures, IndicatorUnit.COUNT);
        assertThat(years).extracting(Bar::label).containsExactly("2024", "2025");
        assertThat(years.get(1).target()).isEqualByComparingTo("23");
        assertThat(years.get(1).filter()).isEqualTo(DOUBS.withYear(2025));
        List<Bar> axes = DashboardBars.byAxis(figures, IndicatorUnit.COUNT, a -> a == null ? "Hors PaQte" : a.name());
        assertThat(axes).extracting(Bar::label).containsExactly("AWARENESS", "Hors PaQte");
        assertThat(axes.get(1).slice()).isEqualTo(DashboardSlice.axis(null, IndicatorUnit.COUNT));
        assertThat(axes.get(1).slice().withoutAxis()).isTrue();
    }

    @Test
    void territoriesNarrowToTheirOwnButTheConventionsWithoutEpciOpenNothing() {
        List<Bar> bars = DashboardBars.byTerritory(figures, IndicatorUnit.COUNT, "Sans EPCI");
        assertThat(bars).extracting(Bar::label).containsExactly("Grand Besançon", "Sans EPCI");
        assertThat(bars.getFirst().filter()).isEqualTo(DOUBS.withEpci("242500361"));
        assertThat(bars.get(1).filter()).isNull();
    }

    @Test
    void theTerritoryChartKeepsTheLargestTwelve() {
        List<TerritoryTotal> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new TerritoryTotal(TerritoryLevel.DEPARTMENT, String.format("%02d", i + 1), null, "D" + i,
                    IndicatorUnit.COUNT, n(String.valueOf(100 - i)), n("0")));
        }
        DashboardFigures f = new DashboardFigures(DashboardFilter.all(), figures.byCategory(), List.of(), many,
                figures.counts(), List.of());
        assertThat(DashboardBars.byTerritory(f, IndicatorUnit.COUNT, "-")).hasSize(DashboardBars.MAX_TERRITORIES)
                .first().extracting(Bar::label).isEqualTo("D0");
    }

    @Test
    void unitsLeaveYesNoOutAndTotalsAddUp() {
        assertThat(DashboardBars.units(figures)).containsExactly(IndicatorUnit.COUNT, IndicatorUnit.EUROS);
        Bar total = DashboardBars.total(figures, IndicatorUnit.COUNT);
        assertThat(total.target()).isEqualByComparingTo("33");
        assertThat(total.realised()).isEqualByComparingTo("16");
        assertThat(new Bar("x", "x", n("0"), n("0"), DOUBS, DashboardSlice.of(IndicatorUnit.COUNT)).rate()).isNull();
    }

    @Test
    void theRateCountsOnlyTheYearsThatCouldBeReported() {
        assertThat(DashboardBars.reportedRate(figures, IndicatorUnit.COUNT, 2024)).isEqualTo(80);
        assertThat(DashboardBars.reportedRate(figures, IndicatorUnit.COUNT, 2025)).isEqualTo(48);
        assertThat(DashboardBars.reportedRate(figures, IndicatorUnit.COUNT, 2023)).isNull();
    }

    @Test
    void axisStepsAreRound() {
        assertThat(DashboardBars.niceStep(0)).isEqualTo(1);
        assertThat(DashboardBars.niceStep(0.3)).isEqualTo(1);
        assertThat(DashboardBars.niceStep(670)).isEqualTo(1000);
        assertThat(DashboardBars.niceStep(230)).isEqualTo(250);
        assertThat(DashboardBars.niceStep(1100)).isEqualTo(2000);
        assertThat(DashboardBars.niceStep(41_000)).isEqualTo(50_000);
    }

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }
}
