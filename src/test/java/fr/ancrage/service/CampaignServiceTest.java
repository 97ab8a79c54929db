package fr.ancrage.service;

import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private Store store;
    private CampaignService campaigns;
    private ReportingCampaign campaign2025;

    @BeforeAll
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        new DemoDataService(store, CLOCK).load();
        campaigns = new CampaignService(store, CLOCK);
        campaign2025 = campaigns.open(2025, LocalDate.of(2026, 3, 31));
    }

    @AfterAll
    void tearDown() {
        TestStores.shutdown(db);
    }

    @Test
    void openingListsEverySignedConventionWithAnEngagementCoveringTheYear() {
        List<CampaignReportItem> reports = campaigns.reports(campaign2025);
        assertThat(reports).isNotEmpty().allSatisfy(i -> assertThat(i.report().state()).isEqualTo(ReportState.TO_REQUEST));
        var conventions = new ConventionService(store, CLOCK).list();
        var signed = EnumSet.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE, ConventionStatus.EXPIRED,
                ConventionStatus.RENEWED, ConventionStatus.TERMINATED);
        var engagements = new EngagementService(store);
        List<String> owing = conventions.stream().filter(c -> signed.contains(c.status()))
                .filter(c -> engagements.list(c.id()).stream().anyMatch(e -> e.engagement().firstYear() <= 2025
                        && e.engagement().lastYear() >= 2025
                        && e.engagement().status() != fr.ancrage.domain.EngagementStatus.ABANDONED))
                .map(ConventionListItem::reference).sorted().toList();
        assertThat(reports).extracting(CampaignReportItem::conventionReference).containsExactlyInAnyOrderElementsOf(owing);
        assertThat(reports).allSatisfy(i -> assertThat(i.targetsOfYear()).isPositive());
        assertThat(campaigns.refresh(campaign2025)).isZero();
        assertThatThrownBy(() -> campaigns.open(2025, LocalDate.of(2026, 6, 30)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void askingRemindingReceivingAndValidatingRecordTheirDates() {
        // (the demo data holds the 2024 campaign already)
        ReportingCampaign campaign2023 = campaigns.open(2023, LocalDate.of(2024, 3, 31));
        CampaignReportItem item = campaigns.reports(campaign2023).getFirst();
        var asked = campaigns.moveTo(item.report(), ReportState.REQUESTED);
        assertThat(asked.requestedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(asked.overdue(campaign2023.dueDate(), campaigns.today())).isTrue();
        var reminded = campaigns.remind(asked);
        assertThat(reminded.lastReminderOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        var received = campaigns.moveTo(reminded, ReportState.RECEIVED);
        assertThat(received.overdue(campaign2023.dueDate(), campaigns.today())).isFalse();
        var validated = campaigns.moveTo(received, ReportState.VALIDATED);
        assertThat(validated.validatedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThatThrownBy(() -> campaigns.remind(validated)).isInstanceOf(RuleViolationException.class);
        assertThat(campaigns.reports(campaign2023)).filteredOn(i -> i.id().equals(item.id()))
                .singleElement().satisfies(i -> assertThat(i.report().state()).isEqualTo(ReportState.VALIDATED));
    }
}
