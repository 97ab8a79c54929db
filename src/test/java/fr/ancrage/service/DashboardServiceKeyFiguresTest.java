package fr.ancrage.service;

import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardServiceKeyFiguresTest {

    @Test
    void countsComeFirstAndBigAmountsDoNotCrowdThemOut() {
        List<IndicatorRanking> ranked = List.of(r("Dons", IndicatorUnit.EUROS, 234_000), r("Achats", IndicatorUnit.EUROS,
                        213_000), r("Heures d’insertion", IndicatorUnit.HOURS, 18_900),
                r("Élèves", IndicatorUnit.COUNT, 2_211), r("Heures de bénévolat", IndicatorUnit.HOURS, 1_590),
                r("Embauches", IndicatorUnit.COUNT, 652), r("Formés", IndicatorUnit.COUNT, 510),
                r("Stages", IndicatorUnit.COUNT, 400), r("Apprentis", IndicatorUnit.COUNT, 30),
                r("Jours", IndicatorUnit.DAYS, 48));
        assertThat(DashboardService.keyFigures(ranked)).extracting(IndicatorRanking::indicatorName)
                .containsExactly("Élèves", "Embauches", "Formés", "Dons", "Heures d’insertion", "Jours");
    }

    @Test
    void fewerUnitsLeaveRoomForMoreCounts() {
        List<IndicatorRanking> ranked = List.of(r("A", IndicatorUnit.COUNT, 50), r("B", IndicatorUnit.COUNT, 40),
                r("C", IndicatorUnit.COUNT, 30), r("D", IndicatorUnit.COUNT, 20), r("E", IndicatorUnit.COUNT, 10),
                r("F", IndicatorUnit.COUNT, 5), r("G", IndicatorUnit.COUNT, 1), r("€", IndicatorUnit.EUROS, 9));
        assertThat(DashboardService.keyFigures(ranked)).extracting(IndicatorRanking::indicatorName)
                .containsExactly("A", "B", "C", "€", "D", "E");
        assertThat(DashboardService.keyFigures(List.of())).isEmpty();
    }

    private static IndicatorRanking r(String name, IndicatorUnit unit, long target) {
        return new IndicatorRanking(UUID.randomUUID(), name, unit, BigDecimal.valueOf(target), BigDecimal.ZERO);
    }
}
