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
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.domain.TerritoryTotal;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE;
import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_CATEGORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static fr.ancrage.persistence.jooq.Tables.REPORTING_CAMPAIGN;

/**
 * The aggregate queries of the dashboard and its alerts, all scoped by a {@link DashboardFilter}.
 * <p>
 * Rules shared by the totals: only conventions signed or later count (a draft's targets are not
 * commitments yet), abandoned engagements are left out, and only summable indicators add up (a
 * yes/no label does not). Targets and realised values are summed by two queries on their own
 * tables and matched in memory, which keeps each query a plain join H2 plans well.
 */
public final class DashboardRepository {

    /** Statuses whose conventions count in the totals: signed or later. */
    static final List<String> COMMITTED = List.of(ConventionStatus.SIGNED.name(), ConventionStatus.ACTIVE.name(),
            ConventionStatus.EXPIRED.name(), ConventionStatus.TERMINATED.name(), ConventionStatus.RENEWED.name());
    /** Statuses whose conventions raise alerts: signed or running. */
    static final List<String> RUNNING = List.of(ConventionStatus.SIGNED.name(), ConventionStatus.ACTIVE.name());

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- Totals -------------------------------------------------------------------------------

    /** (a) Targets and realised values by category, unit and year, in catalogue then year order. */
    public List<CategoryYearTotal> totalsByCategoryAndYear(DashboardFilter filter) {
        List<Field<?>> keys = List.of(ENGAGEMENT_CATEGORY.POSITION, ENGAGEMENT_CATEGORY.ID, ENGAGEMENT_CATEGORY.NAME,
                INDICATOR.UNIT);
        Map<List<Object>, BigDecimal[]> sums = targetsAndResults(filter, keys, true, false);
        List<CategoryYearTotal> totals = new ArrayList<>();
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        sums.forEach((k, v) -> {
            positions.put((UUID) k.get(1), (Integer) k.get(0));
            totals.add(new CategoryYearTotal((UUID) k.get(1), (String) k.get(2),
                    IndicatorUnit.valueOf((String) k.get(3)), (Integer) k.get(4), v[0], v[1]));
        });
        totals.sort(Comparator.comparing((CategoryYearTotal t) -> positions.get(t.categoryId()))
                .thenComparing(CategoryYearTotal::unit).thenComparingInt(CategoryYearTotal::year));
        return totals;
    }

    /** (b) Targets and realised values by PaQte axis, unit and year; action types without axis last. */
    public List<AxisYearTotal> totalsByAxisAndYear(DashboardFilter filter) {
        List<Field<?>> keys = List.of(ACTION_TYPE.PAQTE_AXIS, INDICATOR.UNIT);
        List<AxisYearTotal> totals = new ArrayList<>();
        targetsAndResults(filter, keys, true, true).forEach((k, v) -> totals.add(new AxisYearTotal(
                k.get(0) == null ? null : PaqteAxis.valueOf((String) k.get(0)), IndicatorUnit.valueOf((String) k.get(1)),
                (Integer) k.get(2), v[0], v[1])));
        totals.sort(Comparator.comparing(AxisYearTotal::axis, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AxisYearTotal::unit).thenComparingInt(AxisYearTotal::year));
        return totals;
    }

    /**
     * (d) The summable indicators with the largest added-up targets, at most {@code limit}. Units
     * differ between lines (euros against hires): the list is a ranking within the scope, each line
     * to be read with its unit.
     */
    public List<IndicatorRanking> topIndicators(DashboardFilter filter, int limit) {
        List<Field<?>> keys = List.of(INDICATOR.ID, INDICATOR.NAME, INDICATOR.UNIT);
        List<IndicatorRanking> ranking = new ArrayList<>();
        targetsAndResults(filter, keys, false, false).forEach((k, v) -> ranking.add(new IndicatorRanking(
                (UUID) k.get(0), (String) k.get(1), IndicatorUnit.valueOf((String) k.get(2)), v[0], v[1])));
        ranking.sort(Comparator.comparing(IndicatorRanking::target).reversed()
                .thenComparing(IndicatorRanking::indicatorName));
        return ranking.size() > limit ? List.copyOf(ranking.subList(0, limit)) : ranking;
    }

    /**
     * Sums of targets and of realised values grouped by {@code keys} (plus the year when asked),
     * as key values → {target, realised}; a side without rows counts as zero.
     */
    private Map<List<Object>, BigDecimal[]> targetsAndResults(DashboardFilter filter, List<Field<?>> keys,
                                                              boolean byYear, boolean joinActionType) {
        return targetsAndResults(filter, null, null, keys, byYear, joinActionType);
    }

    private Map<List<Object>, BigDecimal[]> targetsAndResults(DashboardFilter filter, DashboardSlice slice,
                                                              TerritoryLevel level, List<Field<?>> keys,
                                                              boolean byYear, boolean joinActionType) {
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        sumInto(sums, 0, sumOf(filter, slice, level, keys, byYear, joinActionType, ENGAGEMENT_TARGET,
                ENGAGEMENT_TARGET.ENGAGEMENT_ID, ENGAGEMENT_TARGET.INDICATOR_ID, ENGAGEMENT_TARGET.YEAR_NUMBER,
                ENGAGEMENT_TARGET.TARGET_VALUE), keys.size() + (byYear ? 1 : 0));
        sumInto(sums, 1, sumOf(filter, slice, level, keys, byYear, joinActionType, ENGAGEMENT_RESULT,
                ENGAGEMENT_RESULT.ENGAGEMENT_ID, ENGAGEMENT_RESULT.INDICATOR_ID, ENGAGEMENT_RESULT.YEAR_NUMBER,
                ENGAGEMENT_RESULT.REALISED_VALUE), keys.size() + (byYear ? 1 : 0));
        return sums;
    }

    private static void sumInto(Map<List<Object>, BigDecimal[]> sums, int side, Result<Record> rows, int keyCount) {
        for (Record r : rows) {
            List<Object> key = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                key.add(r.get(i));
            }
            BigDecimal[] pair = sums.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            pair[side] = Objects.requireNonNullElse(r.get(keyCount, BigDecimal.class), BigDecimal.ZERO);
        }
    }

    private Result<Record> sumOf(DashboardFilter filter, DashboardSlice slice, TerritoryLevel level,
                                 List<Field<?>> keys, boolean byYear, boolean joinActionType,
                                 Table<?> values, Field<UUID> engagementId, Field<UUID> indicatorId,
                                 Field<Integer> year, Field<BigDecimal> value) {
        List<Field<?>> groups = new ArrayList<>(keys);
        if (byYear) {
            groups.add(year);
        }
        List<Field<?>> selected = new ArrayList<>(groups);
        selected.add(DSL.sum(value));
        var from = values
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(engagementId))
                .join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID))
                .join(INDICATOR).on(INDICATOR.ID.eq(indicatorId))
                .join(ENGAGEMENT_CATEGORY).on(ENGAGEMENT_CATEGORY.ID.eq(INDICATOR.CATEGORY_ID));
        Table<?> joined = joinActionType || slice != null
                ? from.join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID)) : from;
        if (level != null) {
            joined = switch (level) {
                case DEPARTMENT -> joined.join(DEPARTMENT).on(DEPARTMENT.CODE.eq(CONVENTION.DEPARTMENT_CODE));
                case EPCI -> joined.leftJoin(EPCI).on(EPCI.SIREN.eq(CONVENTION.EPCI_SIREN));
                case QPV -> joined.join(CONVENTION_QPV).on(CONVENTION_QPV.CONVENTION_ID.eq(CONVENTION.ID))
                        .join(QPV).on(QPV.ID.eq(CONVENTION_QPV.QPV_ID));
            };
        }
        Condition condition = territory(filter).and(slice(slice))
                .and(CONVENTION.STATUS.in(COMMITTED))
                .and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .and(INDICATOR.SUMMABLE.isTrue())
                .and(filter.year() == null ? DSL.noCondition() : year.eq(filter.year()));
        return dsl.select(selected).from(joined).where(condition).groupBy(groups).fetch();
    }

    /**
     * Targets and realised values by territory one level below the filter's ({@link TerritoryLevel#below}),
     * by unit; empty for a QPV. Ordered by unit, then largest target first.
     */
    public List<TerritoryTotal> totalsByTerritory(DashboardFilter filter) {
        TerritoryLevel level = TerritoryLevel.below(filter);
        if (level == null) {
            return List.of();
        }
        List<Field<?>> keys = switch (level) {
            case DEPARTMENT -> List.of(DEPARTMENT.CODE, DEPARTMENT.NAME, INDICATOR.UNIT);
            case EPCI -> List.of(CONVENTION.EPCI_SIREN, EPCI.NAME, INDICATOR.UNIT);
            case QPV -> List.of(QPV.CODE, QPV.NAME, INDICATOR.UNIT, QPV.ID);
        };
        List<TerritoryTotal> totals = new ArrayList<>();
        targetsAndResults(filter, null, level, keys, false, false).forEach((k, v) -> totals.add(new TerritoryTotal(
                level, (String) k.get(0), level == TerritoryLevel.QPV ? (UUID) k.get(3) : null, (String) k.get(1),
                IndicatorUnit.valueOf((String) k.get(2)), v[0], v[1])));
        totals.sort(Comparator.comparing(TerritoryTotal::unit).thenComparing(TerritoryTotal::target,
                Comparator.reverseOrder()).thenComparing(t -> Objects.requireNonNullElse(t.name(), "")));
        return totals;
    }

    /**
     * The conventions whose targets or realised values make up a figure: within the filter and the
     * slice, each with its own sums; largest target first.
     */
    public List<ConventionFigure> conventionsBehind(DashboardFilter filter, DashboardSlice slice) {
        List<Field<?>> keys = List.of(CONVENTION.ID);
        Map<List<Object>, BigDecimal[]> sums = targetsAndResults(filter, slice, null, keys, false, false);
        if (sums.isEmpty()) {
            return List.of();
        }
        Map<UUID, BigDecimal[]> byConvention = new LinkedHashMap<>();
        sums.forEach((k, v) -> byConvention.put((UUID) k.get(0), v));
        List<ConventionFigure> figures = new ArrayList<>();
        dsl.select(CONVENTION.ID, CONVENTION.REFERENCE, CONVENTION.COMPANY_ID, ORGANISATION.LEGAL_NAME,
                        CONVENTION.STATUS, CONVENTION.END_DATE)
                .from(CONVENTION).join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .where(CONVENTION.ID.in(byConvention.keySet()))
                .forEach(r -> {
                    BigDecimal[] v = byConvention.get(r.value1());
                    figures.add(new ConventionFigure(r.value1(), r.value2(), r.value3(), r.value4(),
                            ConventionStatus.valueOf(r.value5()), r.value6(), v[0], v[1]));
                });
        figures.sort(Comparator.comparing(ConventionFigure::target, Comparator.reverseOrder())
                .thenComparing(ConventionFigure::reference));
        return figures;
    }

    /**
     * The conventions counted by {@link #conventionCounts}: within the filter's territory (running in
     * its year, when it has one), of this status ({@code null}: any); by reference.
     */
    public List<ConventionFigure> conventionsWithStatus(DashboardFilter filter, ConventionStatus status) {
        Condition condition = countedConventions(filter)
                .and(status == null ? DSL.noCondition() : CONVENTION.STATUS.eq(status.name()));
        return dsl.select(CONVENTION.ID, CONVENTION.REFERENCE, CONVENTION.COMPANY_ID, ORGANISATION.LEGAL_NAME,
                        CONVENTION.STATUS, CONVENTION.END_DATE)
                .from(CONVENTION).join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .where(condition)
                .orderBy(CONVENTION.REFERENCE)
                .fetch(r -> new ConventionFigure(r.value1(), r.value2(), r.value3(), r.value4(),
                        ConventionStatus.valueOf(r.value5()), r.value6(), BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private static Condition slice(DashboardSlice slice) {
        if (slice == null) {
            return DSL.noCondition();
        }
        Condition c = INDICATOR.UNIT.eq(slice.unit().name());
        if (slice.categoryId() != null) {
            c = c.and(INDICATOR.CATEGORY_ID.eq(slice.categoryId()));
        }
        if (slice.axis() != null) {
            c = c.and(ACTION_TYPE.PAQTE_AXIS.eq(slice.axis().name()));
        }
        if (slice.withoutAxis()) {
            c = c.and(ACTION_TYPE.PAQTE_AXIS.isNull());
        }
        if (slice.indicatorId() != null) {
            c = c.and(INDICATOR.ID.eq(slice.indicatorId()));
        }
        return c;
    }

    // --- Conventions --------------------------------------------------------------------------

    /** (c) Conventions by status and distinct companies; with a year, the conventions running that year. */
    public ConventionCounts conventionCounts(DashboardFilter filter) {
        Condition condition = countedConventions(filter);
        Map<ConventionStatus, Integer> byStatus = new EnumMap<>(ConventionStatus.class);
        dsl.select(CONVENTION.STATUS, DSL.count()).from(CONVENTION).where(condition).groupBy(CONVENTION.STATUS)
                .forEach(r -> byStatus.put(ConventionStatus.valueOf(r.value1()), r.value2()));
        int companies = dsl.select(DSL.countDistinct(CONVENTION.COMPANY_ID)).from(CONVENTION).where(condition)
                .fetchOne(0, int.class);
        return new ConventionCounts(byStatus, companies);
    }

    /**
     * The years the committed conventions cover, from the first start to the last end, oldest first;
     * empty without any.
     */
    public List<Integer> years() {
        var r = dsl.select(DSL.min(CONVENTION.START_DATE), DSL.max(CONVENTION.END_DATE)).from(CONVENTION)
                .where(CONVENTION.STATUS.in(COMMITTED)).fetchOne();
        if (r == null || r.value1() == null || r.value2() == null) {
            return List.of();
        }
        List<Integer> years = new ArrayList<>();
        for (int y = r.value1().getYear(); y <= r.value2().getYear(); y++) {
            years.add(y);
        }
        return years;
    }

    private static Condition countedConventions(DashboardFilter filter) {
        Condition condition = territory(filter);
        if (filter.year() != null) {
            condition = condition.and(DSL.year(CONVENTION.START_DATE).le(filter.year()))
                    .and(DSL.year(CONVENTION.END_DATE).ge(filter.year()));
        }
        return condition;
    }

    // --- Alerts (territory parts of the filter only) -------------------------------------------

    /**
     * Signed or active conventions ending between {@code today} and {@code today + days} included,
     * soonest first.
     */
    public AlertList conventionsEndingWithin(DashboardFilter filter, LocalDate today, int days, int limit) {
        return conventionAlert(territory(filter).and(CONVENTION.STATUS.in(RUNNING))
                .and(CONVENTION.END_DATE.between(today, today.plusDays(days))), limit);
    }

    /** Signed or active conventions that have no engagement yet, soonest ending first. */
    public AlertList conventionsWithoutEngagement(DashboardFilter filter, int limit) {
        return conventionAlert(territory(filter).and(CONVENTION.STATUS.in(RUNNING))
                .andNotExists(DSL.selectOne().from(ENGAGEMENT).where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))),
                limit);
    }

    /** Engagements (abandoned ones left out) without any target, with their convention. */
    public AlertList engagementsWithoutTarget(DashboardFilter filter, int limit) {
        Condition condition = territory(filter).and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .andNotExists(DSL.selectOne().from(ENGAGEMENT_TARGET)
                        .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(ENGAGEMENT.ID)));
        var from = ENGAGEMENT.join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID));
        int count = dsl.selectCount().from(from).where(condition).fetchOne(0, int.class);
        List<DashboardAlert> items = dsl.select(ENGAGEMENT.ID, CONVENTION.ID, CONVENTION.REFERENCE,
                        ORGANISATION.LEGAL_NAME, CONVENTION.END_DATE, ACTION_TYPE.NAME)
                .from(from.join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                        .join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID)))
                .where(condition)
                .orderBy(CONVENTION.REFERENCE.desc(), ENGAGEMENT.ID)
                .limit(limit)
                .fetch(r -> new DashboardAlert(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
        return new AlertList(items, count);
    }

    /**
     * Reports still awaited (to request or requested) in campaigns whose due date is before
     * {@code today}: most overdue first; {@code date} is the due date, {@code detail} the campaign year.
     */
    public AlertList reportsOverdue(DashboardFilter filter, LocalDate today, int limit) {
        Condition condition = territory(filter)
                .and(CAMPAIGN_REPORT.STATE.in(ReportState.TO_REQUEST.name(), ReportState.REQUESTED.name()))
                .and(REPORTING_CAMPAIGN.DUE_DATE.lt(today));
        var from = CAMPAIGN_REPORT.join(REPORTING_CAMPAIGN).on(REPORTING_CAMPAIGN.ID.eq(CAMPAIGN_REPORT.CAMPAIGN_ID))
                .join(CONVENTION).on(CONVENTION.ID.eq(CAMPAIGN_REPORT.CONVENTION_ID));
        int count = dsl.selectCount().from(from).where(condition).fetchOne(0, int.class);
        List<DashboardAlert> items = dsl.select(CAMPAIGN_REPORT.ID, CONVENTION.ID, CONVENTION.REFERENCE,
                        ORGANISATION.LEGAL_NAME, REPORTING_CAMPAIGN.DUE_DATE, REPORTING_CAMPAIGN.YEAR_NUMBER)
                .from(from.join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID)))
                .where(condition)
                .orderBy(REPORTING_CAMPAIGN.DUE_DATE, CONVENTION.REFERENCE)
                .limit(limit)
                .fetch(r -> new DashboardAlert(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        String.valueOf(r.value6())));
        return new AlertList(items, count);
    }

    private AlertList conventionAlert(Condition condition, int limit) {
        int count = dsl.fetchCount(CONVENTION, condition);
        List<DashboardAlert> items = dsl.select(CONVENTION.ID, CONVENTION.REFERENCE, ORGANISATION.LEGAL_NAME,
                        CONVENTION.END_DATE)
                .from(CONVENTION).join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .where(condition)
                .orderBy(CONVENTION.END_DATE, CONVENTION.REFERENCE)
                .limit(limit)
                .fetch(r -> new DashboardAlert(r.value1(), r.value1(), r.value2(), r.value3(), r.value4(), ""));
        return new AlertList(items, count);
    }

    /** The territory parts of the filter, as conditions on {@code convention}. */
    private static Condition territory(DashboardFilter filter) {
        Condition c = DSL.noCondition();
        if (filter.departmentCode() != null) {
            c = c.and(CONVENTION.DEPARTMENT_CODE.eq(filter.departmentCode()));
        }
        if (filter.epciSiren() != null) {
            c = c.and(CONVENTION.EPCI_SIREN.eq(filter.epciSiren()));
        }
        if (filter.qpvId() != null) {
            c = c.and(CONVENTION.ID.in(DSL.select(CONVENTION_QPV.CONVENTION_ID).from(CONVENTION_QPV)
                    .where(CONVENTION_QPV.QPV_ID.eq(filter.qpvId()))));
        }
        return c;
    }
}
