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
import fr.ancrage.domain.ReportedValue;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.domain.TerritoryTotal;
import fr.ancrage.persistence.DashboardFigures.Kind;
import fr.ancrage.persistence.jooq.tables.DashboardFigure;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
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
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_CATEGORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
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
 * yes/no label does not). The totals read the lines {@link DashboardFigures} keeps already added up
 * per scope (country, department, EPCI, QPV, convention), action type, indicator and year, and the
 * alerts its gaps: a refresh reads a few hundred lines whatever the size of the base.
 */
public final class DashboardRepository {

    /** Statuses whose conventions count in the totals: signed or later. */
    static final List<String> COMMITTED = List.of(ConventionStatus.SIGNED.name(), ConventionStatus.ACTIVE.name(),
            ConventionStatus.EXPIRED.name(), ConventionStatus.TERMINATED.name(), ConventionStatus.RENEWED.name());
    /** Statuses whose conventions raise alerts: signed or running. */
    static final List<String> RUNNING = List.of(ConventionStatus.SIGNED.name(), ConventionStatus.ACTIVE.name());

    private static final DashboardFigure FIGURE = DASHBOARD_FIGURE;

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- Totals -------------------------------------------------------------------------------

    /** (a) Targets and realised values by category, unit and year, in catalogue then year order. */
    public List<CategoryYearTotal> totalsByCategoryAndYear(DashboardFilter filter) {
        List<CategoryYearTotal> totals = new ArrayList<>();
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        sums(lines(false), scope(filter).and(byYear(filter)), ENGAGEMENT_CATEGORY.POSITION, ENGAGEMENT_CATEGORY.ID,
                ENGAGEMENT_CATEGORY.NAME, INDICATOR.UNIT, FIGURE.YEAR_NUMBER)
                .forEach((k, v) -> {
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
        List<AxisYearTotal> totals = new ArrayList<>();
        sums(lines(true), scope(filter).and(byYear(filter)), ACTION_TYPE.PAQTE_AXIS, INDICATOR.UNIT,
                FIGURE.YEAR_NUMBER)
                .forEach((k, v) -> totals.add(new AxisYearTotal(
                        k.get(0) == null ? null : PaqteAxis.valueOf((String) k.get(0)),
                        IndicatorUnit.valueOf((String) k.get(1)), (Integer) k.get(2), v[0], v[1])));
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
        List<IndicatorRanking> ranking = new ArrayList<>();
        sums(true, lines(false), scope(filter).and(overPeriod(filter)), INDICATOR.ID, INDICATOR.NAME, INDICATOR.UNIT)
                .forEach((k, v) -> ranking.add(new IndicatorRanking((UUID) k.get(0), (String) k.get(1),
                        IndicatorUnit.valueOf((String) k.get(2)), v[0], v[1])));
        ranking.sort(Comparator.comparing(IndicatorRanking::target).reversed()
                .thenComparing(IndicatorRanking::indicatorName));
        return ranking.size() > limit ? List.copyOf(ranking.subList(0, limit)) : ranking;
    }

    /**
     * The pre-added lines ({@link DashboardFigures}) of summable indicators with their indicator
     * and category, and their action type when asked.
     */
    private static Table<?> lines(boolean withActionType) {
        Table<?> lines = FIGURE.join(INDICATOR).on(INDICATOR.ID.eq(FIGURE.INDICATOR_ID))
                .join(ENGAGEMENT_CATEGORY).on(ENGAGEMENT_CATEGORY.ID.eq(INDICATOR.CATEGORY_ID));
        return withActionType ? lines.join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(FIGURE.ACTION_TYPE_ID)) : lines;
    }

    /**
     * Sums of targets and of realised values of summable indicators over {@code lines} meeting
     * {@code where}, grouped by {@code keys}, as key values → {target, realised}; callers sort.
     */
    private Map<List<Object>, BigDecimal[]> sums(Table<?> lines, Condition where, Field<?>... keys) {
        return sums(false, lines, where, keys);
    }

    /**
     * Whether an indicator is a part of another (« dont emplois francs »): its values are already in
     * its parent's, so totals leave it out ({@link fr.ancrage.domain.Indicator#part()}, decision 0015).
     */
    static Condition part() {
        return INDICATOR.CODE.in(fr.ancrage.domain.EngagementRules.PART_OF.keySet());
    }

    /** {@link #sums}, parts of indicators left out unless {@code withParts} (a ranking by indicator). */
    private Map<List<Object>, BigDecimal[]> sums(boolean withParts, Table<?> lines, Condition where, Field<?>... keys) {
        if (!withParts) {
            where = where.andNot(part());
        }
        List<Field<?>> selected = new ArrayList<>(List.of(keys));
        selected.add(DSL.sum(FIGURE.TARGET_TOTAL));
        selected.add(DSL.sum(FIGURE.REALISED_TOTAL));
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Record r : dsl.select(selected).from(lines).where(where).and(INDICATOR.SUMMABLE.isTrue())
                .groupBy(keys).fetch()) {
            List<Object> key = new ArrayList<>(keys.length);
            for (int i = 0; i < keys.length; i++) {
                key.add(r.get(i));
            }
            sums.put(key, new BigDecimal[]{
                    Objects.requireNonNullElse(r.get(keys.length, BigDecimal.class), BigDecimal.ZERO),
                    Objects.requireNonNullElse(r.get(keys.length + 1, BigDecimal.class), BigDecimal.ZERO)});
        }
        return sums;
    }

    /**
     * The lines of the filter's own scope: the country, a department, an EPCI (within a department
     * when both are chosen) or a QPV (within the department and EPCI chosen); to be narrowed to
     * {@link #byYear} or {@link #overPeriod} lines.
     */
    private static Condition scope(DashboardFilter filter) {
        Condition c;
        if (filter.qpvId() != null) {
            // a QPV's lines are those whose key starts with « <id>/ » ('0' follows '/'): a range of the
            // primary key (or, within a department and an EPCI, of the covering index)
            c = kind(Kind.QPV).and(FIGURE.SCOPE_KEY.ge(filter.qpvId() + "/"))
                    .and(FIGURE.SCOPE_KEY.lt(filter.qpvId() + "0")).and(departmentAndEpci(filter));
        } else if (filter.epciSiren() != null) {
            c = kind(Kind.EPCI).and(departmentAndEpci(filter));
        } else if (filter.departmentCode() != null) {
            c = kind(Kind.DEPARTMENT).and(FIGURE.SCOPE_KEY.eq(filter.departmentCode()));
        } else {
            c = kind(Kind.COUNTRY);
        }
        return c;
    }

    private static Condition kind(Kind kind) {
        return FIGURE.SCOPE_KIND.eq(kind.name());
    }

    /** The lines of each year (of the filter's year only, when it has one): for figures by year. */
    private static Condition byYear(DashboardFilter filter) {
        return filter.year() == null ? FIGURE.YEAR_NUMBER.ne(DashboardFigures.ALL_YEARS)
                : FIGURE.YEAR_NUMBER.eq(filter.year());
    }

    /** The lines of the filter's year, or those of all years added up: for figures over the period. */
    private static Condition overPeriod(DashboardFilter filter) {
        return FIGURE.YEAR_NUMBER.eq(filter.year() == null ? DashboardFigures.ALL_YEARS : filter.year());
    }

    private static Condition departmentAndEpci(DashboardFilter filter) {
        return departmentAndEpci(filter, FIGURE.DEPARTMENT_CODE, FIGURE.EPCI_SIREN);
    }

    /** The department and EPCI of the filter as conditions on these columns (of a line or a convention). */
    private static Condition departmentAndEpci(DashboardFilter filter, Field<String> department, Field<String> epci) {
        Condition c = DSL.noCondition();
        if (filter.departmentCode() != null) {
            c = c.and(department.eq(filter.departmentCode()));
        }
        if (filter.epciSiren() != null) {
            c = c.and(epci.eq(filter.epciSiren()));
        }
        return c;
    }

    /**
     * Targets and realised values by territory one level below the filter's ({@link TerritoryLevel#below}),
     * by unit; empty for a QPV. Ordered by unit, then largest target first.
     */
    public List<TerritoryTotal> totalsByTerritory(DashboardFilter filter) {
        return totalsByTerritory(filter, TerritoryLevel.below(filter));
    }

    /**
     * Targets and realised values by territory of the given level within the filter's territory, by
     * unit (the QPVs of a department, say); ordered as {@link #totalsByTerritory(DashboardFilter)}.
     */
    public List<TerritoryTotal> totalsByTerritory(DashboardFilter filter, TerritoryLevel level) {
        if (level == null) {
            return List.of();
        }
        Table<?> lines = lines(false);
        Condition where = overPeriod(filter);
        Field<?>[] keys;
        switch (level) {
            case DEPARTMENT -> {
                lines = lines.join(DEPARTMENT).on(DEPARTMENT.CODE.eq(FIGURE.DEPARTMENT_CODE));
                where = where.and(kind(Kind.DEPARTMENT));
                keys = new Field<?>[]{DEPARTMENT.CODE, DEPARTMENT.NAME, INDICATOR.UNIT};
            }
            case EPCI -> {
                lines = lines.leftJoin(EPCI).on(EPCI.SIREN.eq(FIGURE.EPCI_SIREN));
                where = where.and(kind(Kind.EPCI)).and(FIGURE.DEPARTMENT_CODE.eq(filter.departmentCode()));
                keys = new Field<?>[]{FIGURE.EPCI_SIREN, EPCI.NAME, INDICATOR.UNIT};
            }
            default -> {
                lines = lines.join(QPV).on(QPV.ID.eq(FIGURE.QPV_ID));
                where = where.and(kind(Kind.QPV)).and(departmentAndEpci(filter));
                keys = new Field<?>[]{QPV.CODE, QPV.NAME, INDICATOR.UNIT, QPV.ID};
            }
        }
        List<TerritoryTotal> totals = new ArrayList<>();
        sums(lines, where, keys).forEach((k, v) -> totals.add(new TerritoryTotal(
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
        Condition where = kind(Kind.CONVENTION).and(departmentAndEpci(filter)).and(overPeriod(filter))
                .and(slice(slice));
        if (filter.qpvId() != null) {
            where = where.and(FIGURE.CONVENTION_ID.in(DSL.select(CONVENTION_QPV.CONVENTION_ID).from(CONVENTION_QPV)
                    .where(CONVENTION_QPV.QPV_ID.eq(filter.qpvId()))));
        }
        Table<?> lines = lines(slice.axis() != null || slice.withoutAxis())
                .join(CONVENTION).on(CONVENTION.ID.eq(FIGURE.CONVENTION_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID));
        List<ConventionFigure> figures = new ArrayList<>();
        sums(slice != null && slice.indicatorId() != null, lines, where, CONVENTION.ID, CONVENTION.REFERENCE,
                CONVENTION.COMPANY_ID, ORGANISATION.LEGAL_NAME,
                CONVENTION.STATUS, CONVENTION.END_DATE)
                .forEach((k, v) -> figures.add(new ConventionFigure((UUID) k.get(0), (String) k.get(1),
                        (UUID) k.get(2), (String) k.get(3), ConventionStatus.valueOf((String) k.get(4)),
                        (LocalDate) k.get(5), v[0], v[1])));
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
                .from(inTerritory(CONVENTION, filter)).join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
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
        // one pass over the conventions: a count per status and the distinct companies
        List<Field<?>> counts = new ArrayList<>();
        for (ConventionStatus status : ConventionStatus.values()) {
            counts.add(DSL.count().filterWhere(CONVENTION.STATUS.eq(status.name())));
        }
        counts.add(DSL.countDistinct(CONVENTION.COMPANY_ID));
        Record r = dsl.select(counts).from(inTerritory(CONVENTION, filter)).where(countedConventions(filter))
                .fetchSingle();
        Map<ConventionStatus, Integer> byStatus = new EnumMap<>(ConventionStatus.class);
        for (ConventionStatus status : ConventionStatus.values()) {
            int n = r.get(status.ordinal(), Integer.class);
            if (n > 0) {
                byStatus.put(status, n);
            }
        }
        return new ConventionCounts(byStatus, r.get(counts.size() - 1, Integer.class));
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

    /**
     * The latest year of which a realised value is recorded, for an engagement not abandoned of a
     * signed-or-later convention: the latest year whose reports are in.
     */
    public java.util.Optional<Integer> latestReportedYear() {
        return dsl.select(DSL.max(ENGAGEMENT_RESULT.YEAR_NUMBER)).from(ENGAGEMENT_RESULT)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                .join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID))
                .where(CONVENTION.STATUS.in(COMMITTED)).and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .fetchOptional(0, Integer.class);
    }

    /**
     * What was reported for the filter's year within its territory: each convention, action type and
     * summable indicator with at least one realised value that year (zero included), for an
     * engagement not abandoned of a signed-or-later convention. Tells « nothing reported » (a dash)
     * from « 0 reported » in the totals, which add realised values up to 0 either way.
     */
    public List<ReportedValue> reported(DashboardFilter filter) {
        if (filter.year() == null) {
            throw new IllegalArgumentException("a year is needed");
        }
        return dsl.selectDistinct(ENGAGEMENT.CONVENTION_ID, ENGAGEMENT.ACTION_TYPE_ID, ENGAGEMENT_RESULT.INDICATOR_ID)
                .from(inTerritory(ENGAGEMENT_RESULT.join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                        .join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID)), filter))
                .join(INDICATOR).on(INDICATOR.ID.eq(ENGAGEMENT_RESULT.INDICATOR_ID))
                .where(territory(filter)).and(ENGAGEMENT_RESULT.YEAR_NUMBER.eq(filter.year()))
                .and(CONVENTION.STATUS.in(COMMITTED)).and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .and(INDICATOR.SUMMABLE.isTrue())
                .fetch(r -> new ReportedValue(r.value1(), r.value2(), r.value3()));
    }

    private static Condition countedConventions(DashboardFilter filter) {
        Condition condition = territory(filter);
        if (filter.year() != null) {
            // dates rather than year(): the comparison reads the column as it is, without a function per row
            condition = condition.and(CONVENTION.START_DATE.le(LocalDate.of(filter.year(), 12, 31)))
                    .and(CONVENTION.END_DATE.ge(LocalDate.of(filter.year(), 1, 1)));
        }
        return condition;
    }

    // --- Alerts (territory parts of the filter only) -------------------------------------------

    /**
     * Signed or active conventions ending between {@code today} and {@code today + days} included,
     * soonest first.
     */
    public AlertList conventionsEndingWithin(DashboardFilter filter, LocalDate today, int days, int limit) {
        return conventionAlert(inTerritory(CONVENTION, filter), territory(filter).and(CONVENTION.STATUS.in(RUNNING))
                .and(CONVENTION.END_DATE.between(today, today.plusDays(days))), limit);
    }

    /** Signed or active conventions that have no engagement yet, soonest ending first. */
    public AlertList conventionsWithoutEngagement(DashboardFilter filter, int limit) {
        return conventionAlert(inTerritory(DASHBOARD_GAP.join(CONVENTION).on(CONVENTION.ID.eq(DASHBOARD_GAP.CONVENTION_ID)),
                        filter),
                DASHBOARD_GAP.GAP_KIND.eq(DashboardFigures.NO_ENGAGEMENT).and(territory(filter)), limit);
    }

    /** Engagements (abandoned ones left out) without any target, with their convention. */
    public AlertList engagementsWithoutTarget(DashboardFilter filter, int limit) {
        return alert(inTerritory(DASHBOARD_GAP.join(CONVENTION).on(CONVENTION.ID.eq(DASHBOARD_GAP.CONVENTION_ID)),
                        filter).join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(DASHBOARD_GAP.ITEM_ID))
                        .join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID)),
                DASHBOARD_GAP.GAP_KIND.eq(DashboardFigures.NO_TARGET).and(territory(filter)),
                ENGAGEMENT.ID, CONVENTION.END_DATE, ACTION_TYPE.NAME, limit, CONVENTION.REFERENCE.desc(),
                ENGAGEMENT.ID);
    }

    /**
     * Reports still awaited (to request or requested) in campaigns whose due date is before
     * {@code today}: most overdue first; {@code date} is the due date, {@code detail} the campaign year.
     */
    public AlertList reportsOverdue(DashboardFilter filter, LocalDate today, int limit) {
        return alert(inTerritory(CAMPAIGN_REPORT.join(REPORTING_CAMPAIGN)
                                .on(REPORTING_CAMPAIGN.ID.eq(CAMPAIGN_REPORT.CAMPAIGN_ID))
                                .join(CONVENTION).on(CONVENTION.ID.eq(CAMPAIGN_REPORT.CONVENTION_ID)), filter),
                territory(filter)
                        .and(CAMPAIGN_REPORT.STATE.in(ReportState.TO_REQUEST.name(), ReportState.REQUESTED.name()))
                        .and(REPORTING_CAMPAIGN.DUE_DATE.lt(today)),
                CAMPAIGN_REPORT.ID, REPORTING_CAMPAIGN.DUE_DATE, REPORTING_CAMPAIGN.YEAR_NUMBER.cast(String.class),
                limit, REPORTING_CAMPAIGN.DUE_DATE, CONVENTION.REFERENCE);
    }

    /** A count and the first lines of conventions; {@code from} is or joins {@code convention}. */
    private AlertList conventionAlert(Table<?> from, Condition condition, int limit) {
        return alert(from, condition, CONVENTION.ID, CONVENTION.END_DATE, DSL.inline(""), limit, CONVENTION.END_DATE,
                CONVENTION.REFERENCE);
    }

    /**
     * The first {@code limit} lines of an alert, each with its convention and company, and the count
     * of all its lines, in one query; {@code from} is or joins {@code convention}.
     */
    private AlertList alert(Table<?> from, Condition condition, Field<UUID> id, Field<LocalDate> date,
                            Field<String> detail, int limit, OrderField<?>... order) {
        Field<Integer> total = DSL.count().over().as("total");
        var rows = dsl.select(id, CONVENTION.ID, CONVENTION.REFERENCE, ORGANISATION.LEGAL_NAME, date, detail, total)
                .from(from.join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID)))
                .where(condition)
                .orderBy(order)
                .limit(limit)
                .fetch();
        return new AlertList(rows.map(r -> new DashboardAlert(r.value1(), r.value2(), r.value3(), r.value4(),
                r.value5(), r.value6())), rows.isEmpty() ? 0 : rows.getFirst().value7());
    }

    /**
     * {@code from}, which is or joins {@code convention}, narrowed to the conventions targeting the
     * filter's QPV if it has one: a join, which H2 starts from the QPV's few conventions.
     */
    private static Table<?> inTerritory(Table<?> from, DashboardFilter filter) {
        return filter.qpvId() == null ? from : from.join(CONVENTION_QPV)
                .on(CONVENTION_QPV.CONVENTION_ID.eq(CONVENTION.ID)).and(CONVENTION_QPV.QPV_ID.eq(filter.qpvId()));
    }

    /** The department and EPCI of the filter, as conditions on {@code convention} (the QPV: {@link #inTerritory}). */
    private static Condition territory(DashboardFilter filter) {
        return departmentAndEpci(filter, CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN);
    }
}
