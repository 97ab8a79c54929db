package fr.ancrage.persistence;

import fr.ancrage.domain.AlertList;
import fr.ancrage.domain.AxisYearTotal;
import fr.ancrage.domain.CategoryYearTotal;
import fr.ancrage.domain.ConventionCounts;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardAlert;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
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
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_CATEGORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;

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
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        sumInto(sums, 0, sumOf(filter, keys, byYear, joinActionType, ENGAGEMENT_TARGET,
                ENGAGEMENT_TARGET.ENGAGEMENT_ID, ENGAGEMENT_TARGET.INDICATOR_ID, ENGAGEMENT_TARGET.YEAR_NUMBER,
                ENGAGEMENT_TARGET.TARGET_VALUE), keys.size() + (byYear ? 1 : 0));
        sumInto(sums, 1, sumOf(filter, keys, byYear, joinActionType, ENGAGEMENT_RESULT,
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

    private Result<Record> sumOf(DashboardFilter filter, List<Field<?>> keys, boolean byYear, boolean joinActionType,
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
        var joined = joinActionType ? from.join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID)) : from;
        Condition condition = territory(filter)
                .and(CONVENTION.STATUS.in(COMMITTED))
                .and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .and(INDICATOR.SUMMABLE.isTrue())
                .and(filter.year() == null ? DSL.noCondition() : year.eq(filter.year()));
        return dsl.select(selected).from(joined).where(condition).groupBy(groups).fetch();
    }

    // --- Conventions --------------------------------------------------------------------------

    /** (c) Conventions by status and distinct companies; with a year, the conventions running that year. */
    public ConventionCounts conventionCounts(DashboardFilter filter) {
        Condition condition = territory(filter);
        if (filter.year() != null) {
            condition = condition.and(DSL.year(CONVENTION.START_DATE).le(filter.year()))
                    .and(DSL.year(CONVENTION.END_DATE).ge(filter.year()));
        }
        Map<ConventionStatus, Integer> byStatus = new EnumMap<>(ConventionStatus.class);
        dsl.select(CONVENTION.STATUS, DSL.count()).from(CONVENTION).where(condition).groupBy(CONVENTION.STATUS)
                .forEach(r -> byStatus.put(ConventionStatus.valueOf(r.value1()), r.value2()));
        int companies = dsl.select(DSL.countDistinct(CONVENTION.COMPANY_ID)).from(CONVENTION).where(condition)
                .fetchOne(0, int.class);
        return new ConventionCounts(byStatus, companies);
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
        List<DashboardAlert> items = dsl.select(ENGAGEMENT.ID, CONVENTION.REFERENCE, ORGANISATION.LEGAL_NAME,
                        CONVENTION.END_DATE)
                .from(from.join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID)))
                .where(condition)
                .orderBy(CONVENTION.REFERENCE.desc(), ENGAGEMENT.ID)
                .limit(limit)
                .fetch(r -> new DashboardAlert(r.value1(), r.value2(), r.value3(), r.value4()));
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
                .fetch(r -> new DashboardAlert(r.value1(), r.value2(), r.value3(), r.value4()));
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
