package fr.ancrage.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @Test
    void idsAreVersion7AndTimeOrdered() throws Exception {
        UUID first = Ids.newId();
        Thread.sleep(2);
        UUID second = Ids.newId();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.toString().compareTo(second.toString())).isNegative();
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Ids.newId());
        }
        assertThat(many).hasSize(10_000);
    }

    @Test
    void aNewCampaignIsDueOn31MarchUnlessThatDayHasPassed() {
        assertThat(ReportingCampaign.proposedDueDate(2025, LocalDate.of(2026, 1, 10)))
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(ReportingCampaign.proposedDueDate(2025, LocalDate.of(2026, 3, 31)))
                .isEqualTo(LocalDate.of(2026, 3, 31));
        // opened late, in December: the companies get until the end of January
        assertThat(ReportingCampaign.proposedDueDate(2025, LocalDate.of(2026, 12, 1)))
                .isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(ReportingCampaign.proposedDueDate(2025, LocalDate.of(2027, 1, 31)))
                .isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void closeNamesAreDetectedAndDifferentOnesAreNot() {
        assertThat(NameSimilarity.veryClose("Boulangerie Martin SARL", "boulangerie martin")).isTrue();
        assertThat(NameSimilarity.veryClose("Horlogerie Vauban", "Horlogeri Vauban")).isTrue();
        assertThat(NameSimilarity.veryClose("Électricité Générale du Doubs", "Electricite generale du Doubs")).isTrue();
        assertThat(NameSimilarity.veryClose("Garage du Centre", "Boulangerie du Centre")).isFalse();
        assertThat(NameSimilarity.veryClose("SARL", "SAS")).isFalse();
    }

    @Test
    void organisationRulesReportErrorsByField() {
        Organisation o = new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY, " ", "123456789",
                "35600000000048", "6201", SizeBand.PME, "", "2500", "", false, false, Set.of(), "");
        var issues = OrganisationRules.check(o);
        assertThat(issues).containsKeys(OrganisationRules.LEGAL_NAME, OrganisationRules.SIREN,
                OrganisationRules.POSTCODE);
        assertThat(OrganisationRules.hasErrors(issues)).isTrue();
    }
}
