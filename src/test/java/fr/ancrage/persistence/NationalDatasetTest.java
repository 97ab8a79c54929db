package fr.ancrage.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SEQUENCE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static fr.ancrage.persistence.jooq.Tables.REPORTING_CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator at scale 0.002 (50 conventions): valid, consistent rows. */
class NationalDatasetTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static Database db;
    private static NationalDataset.Summary summary;

    @BeforeAll
    static void generate() {
        db = TestStores.withReference();
        summary = new NationalDataset(db.dsl()).generate(0.002, 7, TODAY);
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    @Test
    void sizesFollowTheScaleAndTheSummaryMatchesTheTables() {
        var dsl = db.dsl();
        assertThat(summary.organisations()).isEqualTo(40).isEqualTo(dsl.fetchCount(ORGANISATION));
        assertThat(summary.qpvs()).isEqualTo(4).isEqualTo(dsl.fetchCount(QPV));
        assertThat(summary.conventions()).isEqualTo(50).isEqualTo(dsl.fetchCount(CONVENTION));
        assertThat(summary.engagements()).isEqualTo(dsl.fetchCount(ENGAGEMENT)).isBetween(350, 650);
        assertThat(summary.targets()).isEqualTo(dsl.fetchCount(ENGAGEMENT_TARGET));
        assertThat(summary.results()).isEqualTo(dsl.fetchCount(ENGAGEMENT_RESULT)).isPositive();
        // about eight indicator values per engagement: 2,000,000 for 250,000 at full scale
        assertThat(summary.indicatorValues()).isBetween(summary.engagements() * 6, summary.engagements() * 10);
        assertThat(summary.campaignReports()).isEqualTo(dsl.fetchCount(CAMPAIGN_REPORT)).isPositive();
        assertThat(new NationalDataset(dsl).hasConventions()).isTrue();
        assertThatThrownBy(() -> new NationalDataset(dsl).generate(0.002, 7, TODAY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesFollowTheUnitRules() {
        var dsl = db.dsl();
        var t = ENGAGEMENT_TARGET;
        assertThat(dsl.fetchCount(t.join(INDICATOR).on(INDICATOR.ID.eq(t.INDICATOR_ID)),
                INDICATOR.UNIT.ne("EUROS").and(t.TARGET_VALUE.ne(t.TARGET_VALUE.cast(Long.class).cast(BigDecimal.class)))))
                .isZero();
        var r = ENGAGEMENT_RESULT;
        assertThat(dsl.fetchCount(r.join(INDICATOR).on(INDICATOR.ID.eq(r.INDICATOR_ID)),
                INDICATOR.UNIT.ne("EUROS").and(r.REALISED_VALUE.ne(r.REALISED_VALUE.cast(Long.class)
                        .cast(BigDecimal.class))))).isZero();
        assertThat(dsl.fetchCount(r.join(INDICATOR).on(INDICATOR.ID.eq(r.INDICATOR_ID)),
                INDICATOR.UNIT.eq("YES_NO").and(r.REALISED_VALUE.notIn(BigDecimal.ZERO, BigDecimal.ONE)))).isZero();
        // realised values only for years already begun, for the targets they answer
        assertThat(dsl.fetchCount(r, r.YEAR_NUMBER.gt(TODAY.getYear()))).isZero();
        assertThat(dsl.fetchCount(r, org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(t)
                .where(t.ENGAGEMENT_ID.eq(r.ENGAGEMENT_ID)).and(t.INDICATOR_ID.eq(r.INDICATOR_ID))
                .and(t.YEAR_NUMBER.eq(r.YEAR_NUMBER))))).isZero();
    }

    @Test
    void conventionsAreConsistentWithTheirTerritoryAndReferences() {
        var dsl = db.dsl();
        var c = CONVENTION;
        // the EPCI of a convention is in its department, and so is the reference
        assertThat(dsl.fetchCount(c.join(EPCI).on(EPCI.SIREN.eq(c.EPCI_SIREN)),
                EPCI.DEPARTMENT_CODE.ne(c.DEPARTMENT_CODE))).isZero();
        for (var row : dsl.select(c.REFERENCE, c.DEPARTMENT_CODE, c.START_DATE, c.END_DATE).from(c).fetch()) {
            assertThat(row.value1()).matches(row.value2() + "-20(1[7-9]|2[0-6])-\\d{3,}");
            assertThat(row.value3().getYear()).isBetween(2017, 2026);
            assertThat(row.value4()).isEqualTo(row.value3().plusYears(3).minusDays(1));
        }
        // sequences continue after the generated references
        int sequenced = dsl.select(org.jooq.impl.DSL.sum(CONVENTION_SEQUENCE.LAST_NUMBER)).from(CONVENTION_SEQUENCE)
                .fetchOne(0, int.class);
        assertThat(sequenced).isEqualTo(50);
        // engagements fall within the calendar years of their convention
        assertThat(dsl.fetchCount(ENGAGEMENT.join(c).on(c.ID.eq(ENGAGEMENT.CONVENTION_ID)),
                ENGAGEMENT.FIRST_YEAR.lt(org.jooq.impl.DSL.year(c.START_DATE))
                        .or(ENGAGEMENT.LAST_YEAR.gt(org.jooq.impl.DSL.year(c.END_DATE))))).isZero();
        // QPV codes: QN + department on three characters + three characters
        for (var row : dsl.select(QPV.CODE, QPV.DEPARTMENT_CODE).from(QPV).fetch()) {
            assertThat(row.value1()).hasSize(8).startsWith("QN" + (row.value2().length() == 2 ? "0" : "")
                    + row.value2());
        }
        // organisations sit in a commune
        assertThat(dsl.fetchCount(ORGANISATION.leftJoin(COMMUNE).on(COMMUNE.CODE.eq(ORGANISATION.COMMUNE_CODE)),
                COMMUNE.CODE.isNull())).isZero();
    }

    @Test
    void campaignsAskEverySignedConventionForTheYearsItsEngagementsCover() {
        var dsl = db.dsl();
        // one campaign a year from 2017 to last year, due on 31 March of the next year
        var campaigns = dsl.select(REPORTING_CAMPAIGN.YEAR_NUMBER, REPORTING_CAMPAIGN.DUE_DATE).from(REPORTING_CAMPAIGN)
                .orderBy(REPORTING_CAMPAIGN.YEAR_NUMBER).fetch();
        assertThat(campaigns).extracting(r -> r.value1())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(2017, TODAY.getYear()).boxed().toList());
        assertThat(campaigns).allSatisfy(r -> assertThat(r.value2()).isEqualTo(LocalDate.of(r.value1() + 1, 3, 31)));
        // a report only for a signed (or later) convention with a live engagement over the year
        var report = CAMPAIGN_REPORT.join(REPORTING_CAMPAIGN).on(REPORTING_CAMPAIGN.ID.eq(CAMPAIGN_REPORT.CAMPAIGN_ID))
                .join(CONVENTION).on(CONVENTION.ID.eq(CAMPAIGN_REPORT.CONVENTION_ID));
        assertThat(dsl.fetchCount(report, CONVENTION.STATUS.in("DRAFT", "NEGOTIATION", "READY_TO_SIGN"))).isZero();
        assertThat(dsl.fetchCount(report, org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(ENGAGEMENT)
                .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID)).and(ENGAGEMENT.STATUS.ne("ABANDONED"))
                .and(ENGAGEMENT.FIRST_YEAR.le(REPORTING_CAMPAIGN.YEAR_NUMBER))
                .and(ENGAGEMENT.LAST_YEAR.ge(REPORTING_CAMPAIGN.YEAR_NUMBER))))).isZero();
        // dates follow the state: validated ones were received, awaited ones were not
        assertThat(dsl.fetchCount(CAMPAIGN_REPORT, CAMPAIGN_REPORT.STATE.eq("VALIDATED")
                .and(CAMPAIGN_REPORT.RECEIVED_ON.isNull().or(CAMPAIGN_REPORT.VALIDATED_ON.isNull())))).isZero();
        assertThat(dsl.fetchCount(CAMPAIGN_REPORT, CAMPAIGN_REPORT.STATE.in("TO_REQUEST", "REQUESTED")
                .and(CAMPAIGN_REPORT.RECEIVED_ON.isNotNull()))).isZero();
    }

    @Test
    void theDashboardFiguresAreAddedUpAfterTheBulkLoad() {
        var dsl = db.dsl();
        BigDecimal targets = dsl.select(org.jooq.impl.DSL.sum(ENGAGEMENT_TARGET.TARGET_VALUE)).from(ENGAGEMENT_TARGET)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_TARGET.ENGAGEMENT_ID))
                .join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID))
                .where(ENGAGEMENT.STATUS.ne("ABANDONED"))
                .and(CONVENTION.STATUS.notIn("DRAFT", "NEGOTIATION", "READY_TO_SIGN")).fetchOne(0, BigDecimal.class);
        assertThat(dsl.select(org.jooq.impl.DSL.sum(DASHBOARD_FIGURE.TARGET_TOTAL)).from(DASHBOARD_FIGURE)
                .where(DASHBOARD_FIGURE.SCOPE_KIND.eq("COUNTRY")).and(DASHBOARD_FIGURE.YEAR_NUMBER.eq(0))
                .fetchOne(0, BigDecimal.class))
                .isPositive().isEqualByComparingTo(targets);
    }

    @Test
    void sameSeedSameData() {
        try (Database other = TestStores.withReference()) {
            new NationalDataset(other.dsl()).generate(0.002, 7, TODAY);
            var refs = db.dsl().select(CONVENTION.REFERENCE, CONVENTION.STATUS).from(CONVENTION)
                    .orderBy(CONVENTION.REFERENCE).fetch().intoArrays();
            var again = other.dsl().select(CONVENTION.REFERENCE, CONVENTION.STATUS).from(CONVENTION)
                    .orderBy(CONVENTION.REFERENCE).fetch().intoArrays();
            assertThat(again).isDeepEqualTo(refs);
        }
    }
}
