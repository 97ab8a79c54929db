package fr.ancrage.service.documents;

import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.RecordMeta;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: « dont emplois francs » is a part of « Embauches », listed under it, never a figure of its own. */
class SubIndicatorsTest {

    private static final UUID EMPLOYMENT = UUID.randomUUID();
    private static final Indicator HIRES = indicator("HIRES", "Embauches de résidents des QPV", 1);
    private static final Indicator FRANCS = indicator("EMPLOIS_FRANCS", "dont emplois francs", 2);
    private static final Indicator APPRENTICES = indicator("APPRENTICES", "Apprentis et alternants", 3);

    private static Indicator indicator(String code, String name, int position) {
        return new Indicator(RecordMeta.fresh(), EMPLOYMENT, code, name, IndicatorUnit.COUNT, true, position, true);
    }

    private static BilanLine line(Indicator i, String target) {
        return new BilanLine(UUID.randomUUID(), "Embauches", EngagementStatus.IN_PROGRESS, i, 2026,
                new BigDecimal(target), null);
    }

    @Test
    void aPartBelongsToTheIndicatorBeforeItInItsCategory() {
        Catalogue catalogue = new Catalogue(List.of(), List.of(), List.of(APPRENTICES, FRANCS, HIRES));
        assertThat(FRANCS.part()).isTrue();
        assertThat(HIRES.part()).isFalse();
        assertThat(catalogue.parentOf(FRANCS)).contains(HIRES);
        assertThat(catalogue.parentOf(APPRENTICES)).isEmpty();
        assertThat(catalogue.partsByParent()).containsOnlyKeys(HIRES.id());
    }

    @Test
    void theCeremonysTotalsListAPartRightAfterItsParent() {
        // an engagement « emplois francs » first (its form asks for the part only), then the others
        List<CeremonyDocuments.Total> totals = CeremonyDocuments.totals(List.of(line(FRANCS, "4"),
                line(APPRENTICES, "3"), line(HIRES, "10"), line(FRANCS, "2")));
        assertThat(totals).extracting(t -> t.indicator().code()).containsExactly("APPRENTICES", "HIRES",
                "EMPLOIS_FRANCS");
        assertThat(totals.getLast().target()).isEqualByComparingTo("6");
    }
}
