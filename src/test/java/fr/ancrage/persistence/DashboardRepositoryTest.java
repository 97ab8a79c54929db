package fr.ancrage.persistence;

import fr.ancrage.domain.AlertList;
import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.CategoryYearTotal;
import fr.ancrage.domain.ConventionCounts;
import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardAlert;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.domain.TerritoryTotal;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static fr.ancrage.persistence.jooq.Tables.REGION;
import static fr.ancrage.persistence.jooq.Tables.REPORTING_CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dashboard queries on a small known dataset, today being 1 April 2026:
 * <pre>
 * c1 ACTIVE  X  25 / EPCI A, QPV q1, ends 2026-05-15: e1 hiring (10, 20 → 8, 25 in 2024, 2025),
 *                               e2 inclusive purchasing (1000.50 → 500.25 in 2025), e3 abandoned hiring (100)
 * c2 SIGNED  Y  39 / EPCI B, ends 2026-04-20, no engagement
 * c3 DRAFT   X  25 / EPCI A: e4 hiring (50)  – not a commitment yet
 * c4 EXPIRED Y  25 / EPCI A, ended 2025-12-31: e5 label (yes/no, not summable), e6 hiring without target,
 *                               e7 association support (5 in 2024)
 * </pre>
 * The rows are inserted directly, then the figures rebuilt; {@link DashboardFiguresTest} checks that
 * the upkeep on each write gives the same figures as a rebuild.
 */
class DashboardRepositoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final String EPCI_A = "242500361";
    private static final String EPCI_B = "243900000";
    private static final UUID HIRING = UUID.fromString("0190a000-0000-7000-8000-000200000006");
    private static final UUID PURCHASING = UUID.fromString("0190a000-0000-7000-8000-000200000015");
    private static final UUID ASSOCIATION_SUPPORT = UUID.fromString("0190a000-0000-7000-8000-000200000018");
    private static final UUID LABELS = UUID.fromString("0190a000-0000-7000-8000-000200000028");
    private static final UUID HIRES = UUID.fromString("0190a000-0000-7000-8000-000300000005");
    private static final UUID PURCHASES = UUID.fromString("0190a000-0000-7000-8000-000300000011");
    private static final UUID ASSOCIATIONS = UUID.fromString("0190a000-0000-7000-8000-000300000014");
    private static final UUID LABEL = UUID.fromString("0190a000-0000-7000-8000-000300000021");
    private static final UUID EMPLOYMENT = UUID.fromString("0190a000-0000-7000-8000-000100000002");
    private static final UUID ECONOMY = UUID.fromString("0190a000-0000-7000-8000-000100000003");
    private static final UUID LOCAL_INITIATIVES = UUID.fromString("0190a000-0000-7000-8000-000100000004");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-01T08:00:00Z");

    private Database db;
    private DSLContext dsl;
    private DashboardRepository dashboard;
    private UUID q1;
    private UUID c1;
    private UUID c2;
    private UUID c4;
    private UUID x;
    private UUID e6;

    @BeforeEach
    void knownData() {
        db = TestStores.freshDatabase();
        dsl = db.dsl();
        dashboard = new Repositories(dsl).dashboard();
        dsl.insertInto(REGION).values("27", "Bourgogne-Franche-Comté").execute();
        dsl.insertInto(DEPARTMENT).values("25", "Doubs", "27").execute();
        dsl.insertInto(DEPARTMENT).values("39", "Jura", "27").execute();
        dsl.insertInto(EPCI).values(EPCI_A, "Grand Besançon Métropole", "METRO", "25", 196_000).execute();
        dsl.insertInto(EPCI).values(EPCI_B, "ECLA", "CA", "39", 60_000).execute();
        dsl.insertInto(COMMUNE).values("25056", "Besançon", "25", EPCI_A, "25000", 120_000).execute();
        q1 = UUID.randomUUID();
        dsl.insertInto(QPV).values(q1, 1, NOW, NOW, "QN02501M", "Planoise", "2024", "25", EPCI_A, "25056").execute();
        x = organisation("X Industrie");
        UUID y = organisation("Y Services");
        c1 = convention("25-2023-001", x, "25", EPCI_A, ConventionStatus.ACTIVE, LocalDate.of(2023, 5, 16));
        dsl.insertInto(CONVENTION_QPV).values(c1, q1).execute();
        c2 = convention("39-2023-001", y, "39", EPCI_B, ConventionStatus.SIGNED, LocalDate.of(2023, 4, 21));
        UUID c3 = convention("25-2026-001", x, "25", EPCI_A, ConventionStatus.DRAFT, LocalDate.of(2026, 6, 1));
        c4 = convention("25-2023-002", y, "25", EPCI_A, ConventionStatus.EXPIRED, LocalDate.of(2023, 1, 1));
        UUID e1 = engagement(c1, HIRING, "IN_PROGRESS");
        target(e1, HIRES, 2024, "10");
        target(e1, HIRES, 2025, "20");
        result(e1, HIRES, 2024, "8");
        result(e1, HIRES, 2025, "25");
        UUID e2 = engagement(c1, PURCHASING, "IN_PROGRESS");
        target(e2, PURCHASES, 2025, "1000.50");
        result(e2, PURCHASES, 2025, "500.25");
        target(engagement(c1, HIRING, "ABANDONED"), HIRES, 2025, "100");
        target(engagement(c3, HIRING, "PLANNED"), HIRES, 2025, "50");
        target(engagement(c4, LABELS, "DONE"), LABEL, 2024, "1");
        e6 = engagement(c4, HIRING, "DONE");
        target(engagement(c4, ASSOCIATION_SUPPORT, "DONE"), ASSOCIATIONS, 2024, "5");
        // the rows went in around the repositories: add the dashboard's figures up as a bulk load does
        new DashboardFigures(dsl).rebuild();
    }

    @AfterEach
    void close() {
        TestStores.shutdown(db);
    }

    @Test
    void totalsByCategoryAndYearAddUpCommittedSummableValues() {
        assertThat(dashboard.totalsByCategoryAndYear(DashboardFilter.all())).containsExactly(
                new CategoryYearTotal(EMPLOYMENT, "Emploi, insertion et formation", IndicatorUnit.COUNT, 2024,
                        new BigDecimal("10.00"), new BigDecimal("8.00")),
                new CategoryYearTotal(EMPLOYMENT, "Emploi, insertion et formation", IndicatorUnit.COUNT, 2025,
                        new BigDecimal("20.00"), new BigDecimal("25.00")),
                new CategoryYearTotal(ECONOMY, "Développement économique", IndicatorUnit.EUROS, 2025,
                        new BigDecimal("1000.50"), new BigDecimal("500.25")),
                new CategoryYearTotal(LOCAL_INITIATIVES, "Soutien aux initiatives locales", IndicatorUnit.COUNT, 2024,
                        new BigDecimal("5.00"), new BigDecimal("0.00")));
    }

    @Test
    void filtersNarrowTheTotals() {
        assertThat(dashboard.totalsByCategoryAndYear(DashboardFilter.all().withYear(2025)))
                .extracting(CategoryYearTotal::year).containsOnly(2025).hasSize(2);
        assertThat(dashboard.totalsByCategoryAndYear(DashboardFilter.all().withQpv(q1)))
                .extracting(CategoryYearTotal::categoryId).containsExactly(EMPLOYMENT, EMPLOYMENT, ECONOMY);
        assertThat(dashboard.totalsByCategoryAndYear(DashboardFilter.all().withDepartment("39"))).isEmpty();
        assertThat(dashboard.totalsByCategoryAndYear(DashboardFilter.all().withEpci(EPCI_A).withYear(2024)))
                .extracting(CategoryYearTotal::target)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("5.00"));
    }

    @Test
    void totalsByAxisPutActionTypesWithoutAxisLast() {
        assertThat(dashboard.totalsByAxisAndYear(DashboardFilter.all())).containsExactly(
                new AxisYearTotal(PaqteAxis.RECRUITMENT, IndicatorUnit.COUNT, 2024, new BigDecimal("10.00"),
                        new BigDecimal("8.00")),
                new AxisYearTotal(PaqteAxis.RECRUITMENT, IndicatorUnit.COUNT, 2025, new BigDecimal("20.00"),
                        new BigDecimal("25.00")),
                new AxisYearTotal(PaqteAxis.PURCHASING, IndicatorUnit.EUROS, 2025, new BigDecimal("1000.50"),
                        new BigDecimal("500.25")),
                new AxisYearTotal(null, IndicatorUnit.COUNT, 2024, new BigDecimal("5.00"), new BigDecimal("0.00")));
    }

    @Test
    void conventionCountsByStatusAndCompanies() {
        ConventionCounts all = dashboard.conventionCounts(DashboardFilter.all());
        assertThat(all.byStatus()).isEqualTo(Map.of(ConventionStatus.ACTIVE, 1, ConventionStatus.SIGNED, 1,
                ConventionStatus.DRAFT, 1, ConventionStatus.EXPIRED, 1));
        assertThat(all.companies()).isEqualTo(2);
        assertThat(all.total()).isEqualTo(4);
        ConventionCounts doubs2026 = dashboard.conventionCounts(DashboardFilter.all().withDepartment("25")
                .withYear(2026));
        assertThat(doubs2026.byStatus()).isEqualTo(Map.of(ConventionStatus.ACTIVE, 1, ConventionStatus.DRAFT, 1));
        assertThat(doubs2026.companies()).isEqualTo(1);
    }

    @Test
    void topIndicatorsRankSummableIndicatorsByTarget() {
        assertThat(dashboard.topIndicators(DashboardFilter.all(), 2)).containsExactly(
                new IndicatorRanking(PURCHASES, "Achats auprès des entreprises des quartiers et des SIAE",
                        IndicatorUnit.EUROS, new BigDecimal("1000.50"), new BigDecimal("500.25")),
                new IndicatorRanking(HIRES, "Embauches de résidents des QPV", IndicatorUnit.COUNT,
                        new BigDecimal("30.00"), new BigDecimal("33.00")));
        assertThat(dashboard.topIndicators(DashboardFilter.all(), 10)).extracting(IndicatorRanking::indicatorId)
                .containsExactly(PURCHASES, HIRES, ASSOCIATIONS);
    }

    @Test
    void conventionsEndingSoon() {
        AlertList in90 = dashboard.conventionsEndingWithin(DashboardFilter.all(), TODAY, 90, 500);
        assertThat(in90.count()).isEqualTo(2);
        assertThat(in90.items()).containsExactly(
                new DashboardAlert(c2, c2, "39-2023-001", "Y Services", LocalDate.of(2026, 4, 20), ""),
                new DashboardAlert(c1, c1, "25-2023-001", "X Industrie", LocalDate.of(2026, 5, 15), ""));
        assertThat(dashboard.conventionsEndingWithin(DashboardFilter.all(), TODAY, 30, 500).items())
                .extracting(DashboardAlert::id).containsExactly(c2);
        AlertList limited = dashboard.conventionsEndingWithin(DashboardFilter.all(), TODAY, 90, 1);
        assertThat(limited.items()).hasSize(1);
        assertThat(limited.count()).isEqualTo(2);
        assertThat(dashboard.conventionsEndingWithin(DashboardFilter.all().withDepartment("25"), TODAY, 90, 500)
                .items()).extracting(DashboardAlert::id).containsExactly(c1);
    }

    @Test
    void runningConventionsWithoutEngagement() {
        AlertList alert = dashboard.conventionsWithoutEngagement(DashboardFilter.all(), 500);
        assertThat(alert.count()).isEqualTo(1);
        assertThat(alert.items()).extracting(DashboardAlert::id).containsExactly(c2);
        assertThat(dashboard.conventionsWithoutEngagement(DashboardFilter.all().withEpci(EPCI_A), 500).count())
                .isZero();
    }

    @Test
    void engagementsWithoutTarget() {
        AlertList alert = dashboard.engagementsWithoutTarget(DashboardFilter.all(), 500);
        assertThat(alert.count()).isEqualTo(1);
        assertThat(alert.items()).containsExactly(
                new DashboardAlert(e6, c4, "25-2023-002", "Y Services", LocalDate.of(2025, 12, 31),
                        "Recrutement de résidents des QPV"));
        assertThat(dashboard.engagementsWithoutTarget(DashboardFilter.all().withQpv(q1), 500).count()).isZero();
    }

    @Test
    void totalsByTerritoryBreakTheScopeDownOneLevel() {
        assertThat(dashboard.totalsByTerritory(DashboardFilter.all())).containsExactly(
                new TerritoryTotal(TerritoryLevel.DEPARTMENT, "25", null, "Doubs", IndicatorUnit.COUNT,
                        new BigDecimal("35.00"), new BigDecimal("33.00")),
                new TerritoryTotal(TerritoryLevel.DEPARTMENT, "25", null, "Doubs", IndicatorUnit.EUROS,
                        new BigDecimal("1000.50"), new BigDecimal("500.25")));
        assertThat(dashboard.totalsByTerritory(DashboardFilter.all().withDepartment("25").withYear(2024)))
                .containsExactly(new TerritoryTotal(TerritoryLevel.EPCI, EPCI_A, null, "Grand Besançon Métropole",
                        IndicatorUnit.COUNT, new BigDecimal("15.00"), new BigDecimal("8.00")));
        assertThat(dashboard.totalsByTerritory(DashboardFilter.all().withDepartment("25").withEpci(EPCI_A)))
                .containsExactly(
                        new TerritoryTotal(TerritoryLevel.QPV, "QN02501M", q1, "Planoise", IndicatorUnit.COUNT,
                                new BigDecimal("30.00"), new BigDecimal("33.00")),
                        new TerritoryTotal(TerritoryLevel.QPV, "QN02501M", q1, "Planoise", IndicatorUnit.EUROS,
                                new BigDecimal("1000.50"), new BigDecimal("500.25")));
        assertThat(dashboard.totalsByTerritory(DashboardFilter.all().withQpv(q1))).isEmpty();
        TerritoryTotal doubs = dashboard.totalsByTerritory(DashboardFilter.all()).getFirst();
        assertThat(doubs.narrow(DashboardFilter.all().withYear(2025)))
                .isEqualTo(new DashboardFilter("25", null, null, 2025));
    }

    @Test
    void conventionsBehindAFigureCarryTheirShare() {
        assertThat(dashboard.conventionsBehind(DashboardFilter.all(), DashboardSlice.of(IndicatorUnit.COUNT)))
                .extracting(ConventionFigure::conventionId, ConventionFigure::target, ConventionFigure::realised)
                .containsExactly(tuple(c1, new BigDecimal("30.00"), new BigDecimal("33.00")),
                        tuple(c4, new BigDecimal("5.00"), new BigDecimal("0.00")));
        assertThat(dashboard.conventionsBehind(DashboardFilter.all().withYear(2025),
                DashboardSlice.category(EMPLOYMENT, IndicatorUnit.COUNT)))
                .containsExactly(new ConventionFigure(c1, c1Reference(), x, "X Industrie", ConventionStatus.ACTIVE,
                        LocalDate.of(2026, 5, 15), new BigDecimal("20.00"), new BigDecimal("25.00")));
        assertThat(dashboard.conventionsBehind(DashboardFilter.all(), DashboardSlice.axis(null, IndicatorUnit.COUNT)))
                .extracting(ConventionFigure::conventionId).containsExactly(c4);
        assertThat(dashboard.conventionsBehind(DashboardFilter.all(),
                DashboardSlice.axis(PaqteAxis.PURCHASING, IndicatorUnit.EUROS)))
                .extracting(ConventionFigure::conventionId).containsExactly(c1);
        assertThat(dashboard.conventionsBehind(DashboardFilter.all(), DashboardSlice.indicator(HIRES,
                IndicatorUnit.COUNT))).extracting(ConventionFigure::conventionId).containsExactly(c1);
        assertThat(dashboard.conventionsBehind(DashboardFilter.all().withDepartment("39"),
                DashboardSlice.of(IndicatorUnit.COUNT))).isEmpty();
    }

    @Test
    void conventionsWithStatusAreTheOnesCounted() {
        assertThat(dashboard.conventionsWithStatus(DashboardFilter.all(), ConventionStatus.SIGNED))
                .extracting(ConventionFigure::conventionId).containsExactly(c2);
        assertThat(dashboard.conventionsWithStatus(DashboardFilter.all().withDepartment("25").withYear(2026), null))
                .extracting(ConventionFigure::reference).containsExactly("25-2023-001", "25-2026-001");
    }

    @Test
    void yearsSpanTheCommittedConventions() {
        assertThat(dashboard.years()).containsExactly(2023, 2024, 2025, 2026);
        dsl.deleteFrom(CONVENTION).where(CONVENTION.STATUS.ne("DRAFT")).execute();
        assertThat(dashboard.years()).isEmpty();
    }

    @Test
    void reportsStillAwaitedAfterTheDueDateAreOverdue() {
        UUID campaign = UUID.randomUUID();
        dsl.insertInto(REPORTING_CAMPAIGN).values(campaign, 1, NOW, NOW, 2025, LocalDate.of(2026, 3, 31)).execute();
        report(campaign, c1, "REQUESTED");
        report(campaign, c2, "TO_REQUEST");
        report(campaign, c4, "RECEIVED");
        AlertList overdue = dashboard.reportsOverdue(DashboardFilter.all(), TODAY, 500);
        assertThat(overdue.count()).isEqualTo(2);
        assertThat(overdue.items()).extracting(DashboardAlert::conventionId).containsExactly(c1, c2);
        assertThat(overdue.items().getFirst().detail()).isEqualTo("2025");
        assertThat(overdue.items().getFirst().date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(dashboard.reportsOverdue(DashboardFilter.all(), LocalDate.of(2026, 3, 31), 500).count()).isZero();
        assertThat(dashboard.reportsOverdue(DashboardFilter.all().withDepartment("39"), TODAY, 500).items())
                .extracting(DashboardAlert::conventionId).containsExactly(c2);
    }

    private void report(UUID campaign, UUID convention, String state) {
        dsl.insertInto(CAMPAIGN_REPORT).set(CAMPAIGN_REPORT.ID, UUID.randomUUID()).set(CAMPAIGN_REPORT.VERSION, 1)
                .set(CAMPAIGN_REPORT.CREATED_AT, NOW).set(CAMPAIGN_REPORT.UPDATED_AT, NOW)
                .set(CAMPAIGN_REPORT.CAMPAIGN_ID, campaign).set(CAMPAIGN_REPORT.CONVENTION_ID, convention)
                .set(CAMPAIGN_REPORT.STATE, state).execute();
    }

    private static String c1Reference() {
        return "25-2023-001";
    }

    private UUID organisation(String name) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(ORGANISATION).set(ORGANISATION.ID, id).set(ORGANISATION.VERSION, 1)
                .set(ORGANISATION.CREATED_AT, NOW).set(ORGANISATION.UPDATED_AT, NOW)
                .set(ORGANISATION.KIND, "COMPANY").set(ORGANISATION.LEGAL_NAME, name)
                .set(ORGANISATION.COMMUNE_CODE, "25056").execute();
        return id;
    }

    private UUID convention(String reference, UUID company, String department, String epci, ConventionStatus status,
                            LocalDate start) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(CONVENTION).set(CONVENTION.ID, id).set(CONVENTION.VERSION, 1)
                .set(CONVENTION.CREATED_AT, NOW).set(CONVENTION.UPDATED_AT, NOW)
                .set(CONVENTION.REFERENCE, reference).set(CONVENTION.COMPANY_ID, company)
                .set(CONVENTION.FRAMEWORK, "PAQTE").set(CONVENTION.DEPARTMENT_CODE, department)
                .set(CONVENTION.EPCI_SIREN, epci).set(CONVENTION.STATUS, status.name())
                .set(CONVENTION.START_DATE, start).set(CONVENTION.END_DATE, start.plusYears(3).minusDays(1))
                .execute();
        return id;
    }

    private UUID engagement(UUID convention, UUID actionType, String status) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(ENGAGEMENT).set(ENGAGEMENT.ID, id).set(ENGAGEMENT.VERSION, 1)
                .set(ENGAGEMENT.CREATED_AT, NOW).set(ENGAGEMENT.UPDATED_AT, NOW)
                .set(ENGAGEMENT.CONVENTION_ID, convention).set(ENGAGEMENT.ACTION_TYPE_ID, actionType)
                .set(ENGAGEMENT.FIRST_YEAR, 2023).set(ENGAGEMENT.LAST_YEAR, 2026).set(ENGAGEMENT.STATUS, status)
                .execute();
        return id;
    }

    private void target(UUID engagement, UUID indicator, int year, String value) {
        dsl.insertInto(ENGAGEMENT_TARGET).values(engagement, indicator, year, new BigDecimal(value)).execute();
    }

    private void result(UUID engagement, UUID indicator, int year, String value) {
        dsl.insertInto(ENGAGEMENT_RESULT).set(ENGAGEMENT_RESULT.ID, UUID.randomUUID())
                .set(ENGAGEMENT_RESULT.VERSION, 1).set(ENGAGEMENT_RESULT.CREATED_AT, NOW)
                .set(ENGAGEMENT_RESULT.UPDATED_AT, NOW).set(ENGAGEMENT_RESULT.ENGAGEMENT_ID, engagement)
                .set(ENGAGEMENT_RESULT.INDICATOR_ID, indicator).set(ENGAGEMENT_RESULT.YEAR_NUMBER, year)
                .set(ENGAGEMENT_RESULT.REALISED_VALUE, new BigDecimal(value))
                .set(ENGAGEMENT_RESULT.SOURCE, "COMPANY_REPORT").execute();
    }
}
