package fr.ancrage.persistence;

import fr.ancrage.domain.EngagementStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;
import static fr.ancrage.persistence.jooq.Tables.DERIVED_DATA;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;

/**
 * Keeps the dashboard's derived tables ({@code dashboard_figure}, {@code dashboard_gap}, see
 * migration V6 and decision 0007) equal to what the records say, so that the dashboard reads a few
 * hundred pre-added lines instead of adding up millions of values.
 * <p>
 * Everything a convention adds to them (its {@link Contribution}) is a function of the convention,
 * its QPVs, engagements, targets and realised values. A repository that changes any of these wraps
 * the change in {@link #tracking}: the contribution is read before and after, and only the
 * difference is written, in the same transaction. Bulk writers that bypass the repositories (the
 * national dataset, tests inserting rows) call {@link #rebuild} ({@link DashboardRebuild}); a base
 * built with an older {@link #DEFINITION} is rebuilt when it is opened ({@link #ensureCurrent}).
 */
final class DashboardFigures {

    /** Bump when what the derived tables hold changes: every base is then rebuilt once on opening. */
    static final int DEFINITION = 1;
    static final String NAME = "dashboard";

    /** The scopes a line adds up; see the migration for their keys. */
    enum Kind { COUNTRY, DEPARTMENT, EPCI, QPV, CONVENTION }

    /** The year of the lines that add up all the years: what the dashboard reads without a year filter. */
    static final int ALL_YEARS = 0;

    static final String NO_ENGAGEMENT = "NO_ENGAGEMENT";
    static final String NO_TARGET = "NO_TARGET";

    private static final String ABANDONED = EngagementStatus.ABANDONED.name();

    /**
     * The key of one line of {@code dashboard_figure}, with the scope columns it repeats. The scope
     * key holds every scope column, so that two lines of different columns never share a primary key.
     */
    record Line(Kind kind, String key, String department, String epci, UUID qpv, UUID convention,
                UUID actionType, UUID indicator, int year) {

        Condition matches() {
            return DASHBOARD_FIGURE.SCOPE_KIND.eq(kind.name()).and(DASHBOARD_FIGURE.SCOPE_KEY.eq(key))
                    .and(DASHBOARD_FIGURE.ACTION_TYPE_ID.eq(actionType))
                    .and(DASHBOARD_FIGURE.INDICATOR_ID.eq(indicator))
                    .and(DASHBOARD_FIGURE.YEAR_NUMBER.eq(year));
        }
    }

    /** One line of {@code dashboard_gap}. */
    record Gap(String kind, UUID item, UUID convention) {
    }

    private record ValueKey(UUID actionType, UUID indicator, int year) {
    }

    /** Sums of one line: target and realised. */
    private record Sums(BigDecimal target, BigDecimal realised) {
        static final Sums NONE = new Sums(BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums o) {
            return new Sums(target.add(o.target), realised.add(o.realised));
        }
    }

    /** What one convention adds to the derived tables. */
    record Contribution(Map<Line, Sums> lines, Set<Gap> gaps) {
        static final Contribution NONE = new Contribution(Map.of(), Set.of());
    }

    private final DSLContext dsl;

    DashboardFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- Upkeep on write -------------------------------------------------------------------

    /** Runs {@code write}, which may change anything of the convention, and brings the figures along. */
    <T> T tracking(UUID conventionId, Supplier<T> write) {
        Contribution before = contribution(conventionId);
        T result = write.get();
        apply(before, contribution(conventionId));
        return result;
    }

    void tracking(UUID conventionId, Runnable write) {
        tracking(conventionId, () -> {
            write.run();
            return null;
        });
    }

    /** The lines and gaps the convention accounts for, as the records stand now; none once deleted. */
    Contribution contribution(UUID conventionId) {
        var convention = dsl.select(CONVENTION.STATUS, CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN)
                .from(CONVENTION).where(CONVENTION.ID.eq(conventionId)).fetchOne();
        if (convention == null) {
            return Contribution.NONE;
        }
        Set<Gap> gaps = gaps(conventionId, DashboardRepository.RUNNING.contains(convention.value1()));
        if (!DashboardRepository.COMMITTED.contains(convention.value1())) {
            return new Contribution(Map.of(), gaps);
        }
        String department = convention.value2();
        String epci = convention.value3();
        List<UUID> qpvs = dsl.select(CONVENTION_QPV.QPV_ID).from(CONVENTION_QPV)
                .where(CONVENTION_QPV.CONVENTION_ID.eq(conventionId)).fetch(CONVENTION_QPV.QPV_ID);
        Map<Line, Sums> lines = new LinkedHashMap<>();
        values(conventionId).forEach((value, sums) -> {
            UUID type = value.actionType();
            UUID indicator = value.indicator();
            int year = value.year();
            lines.put(new Line(Kind.COUNTRY, "", null, null, null, null, type, indicator, year), sums);
            lines.put(new Line(Kind.DEPARTMENT, department, department, null, null, null, type, indicator, year),
                    sums);
            lines.put(new Line(Kind.EPCI, epciKey(department, epci), department, epci, null, null, type, indicator,
                    year), sums);
            for (UUID qpv : qpvs) {
                lines.put(new Line(Kind.QPV, qpv + "/" + epciKey(department, epci), department, epci, qpv, null,
                        type, indicator, year), sums);
            }
            lines.put(new Line(Kind.CONVENTION, conventionId + "/" + epciKey(department, epci), department, epci,
                    null, conventionId, type, indicator, year), sums);
        });
        return new Contribution(lines, gaps);
    }

    private static String epciKey(String department, String epci) {
        return department + "/" + (epci == null ? "" : epci);
    }

    /**
     * Targets and realised values of the convention's engagements (abandoned ones left out), added
     * up per year and over all years ({@link #ALL_YEARS}).
     */
    private Map<ValueKey, Sums> values(UUID conventionId) {
        Map<ValueKey, Sums> values = new LinkedHashMap<>();
        Condition ofConvention = ENGAGEMENT.CONVENTION_ID.eq(conventionId).and(ENGAGEMENT.STATUS.ne(ABANDONED));
        addUp(values, ofConvention, ENGAGEMENT_TARGET, ENGAGEMENT_TARGET.ENGAGEMENT_ID, ENGAGEMENT_TARGET.INDICATOR_ID,
                ENGAGEMENT_TARGET.YEAR_NUMBER, ENGAGEMENT_TARGET.TARGET_VALUE, v -> new Sums(v, BigDecimal.ZERO));
        addUp(values, ofConvention, ENGAGEMENT_RESULT, ENGAGEMENT_RESULT.ENGAGEMENT_ID, ENGAGEMENT_RESULT.INDICATOR_ID,
                ENGAGEMENT_RESULT.YEAR_NUMBER, ENGAGEMENT_RESULT.REALISED_VALUE, v -> new Sums(BigDecimal.ZERO, v));
        Map<ValueKey, Sums> withAllYears = new LinkedHashMap<>(values);
        values.forEach((k, sums) -> withAllYears.merge(new ValueKey(k.actionType(), k.indicator(), ALL_YEARS), sums,
                Sums::plus));
        return withAllYears;
    }

    /** Adds the values of {@code table} (targets or realised values) up into {@code values}, by year. */
    private void addUp(Map<ValueKey, Sums> values, Condition ofConvention, Table<?> table, Field<UUID> engagementId,
                       Field<UUID> indicatorId, Field<Integer> year, Field<BigDecimal> value,
                       Function<BigDecimal, Sums> sums) {
        dsl.select(ENGAGEMENT.ACTION_TYPE_ID, indicatorId, year, DSL.sum(value))
                .from(table).join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(engagementId))
                .where(ofConvention)
                .groupBy(ENGAGEMENT.ACTION_TYPE_ID, indicatorId, year)
                .forEach(r -> values.merge(new ValueKey(r.value1(), r.value2(), r.value3()), sums.apply(r.value4()),
                        Sums::plus));
    }

    /** The engagements without target; the convention itself if it has no engagement while {@code running}. */
    private Set<Gap> gaps(UUID conventionId, boolean running) {
        var engagements = dsl.select(ENGAGEMENT.ID, ENGAGEMENT.STATUS,
                        DSL.field(DSL.exists(DSL.selectOne().from(ENGAGEMENT_TARGET)
                                .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(ENGAGEMENT.ID)))))
                .from(ENGAGEMENT).where(ENGAGEMENT.CONVENTION_ID.eq(conventionId)).fetch();
        Set<Gap> gaps = new HashSet<>();
        if (engagements.isEmpty() && running) {
            gaps.add(new Gap(NO_ENGAGEMENT, conventionId, conventionId));
        }
        engagements.forEach(e -> {
            if (!ABANDONED.equals(e.value2()) && !e.value3()) {
                gaps.add(new Gap(NO_TARGET, e.value1(), conventionId));
            }
        });
        return gaps;
    }

    /** Writes the difference between two contributions of the same convention. */
    void apply(Contribution before, Contribution after) {
        Set<Line> keys = new HashSet<>(before.lines().keySet());
        keys.addAll(after.lines().keySet());
        for (Line line : keys) {
            Sums old = before.lines().get(line);
            Sums now = after.lines().get(line);
            if (old != null && now != null) {
                BigDecimal target = now.target().subtract(old.target());
                BigDecimal realised = now.realised().subtract(old.realised());
                if (target.signum() != 0 || realised.signum() != 0) {
                    add(line, target, realised, 0);
                }
            } else if (now != null) {
                if (add(line, now.target(), now.realised(), 1) == 0) {
                    insert(line, now);
                }
            } else {
                add(line, old.target().negate(), old.realised().negate(), -1);
                dsl.deleteFrom(DASHBOARD_FIGURE).where(line.matches()).and(DASHBOARD_FIGURE.CONVENTIONS.le(0))
                        .execute();
            }
        }
        for (Gap gap : before.gaps()) {
            if (!after.gaps().contains(gap)) {
                dsl.deleteFrom(DASHBOARD_GAP).where(DASHBOARD_GAP.GAP_KIND.eq(gap.kind()))
                        .and(DASHBOARD_GAP.ITEM_ID.eq(gap.item())).execute();
            }
        }
        for (Gap gap : after.gaps()) {
            if (!before.gaps().contains(gap)) {
                dsl.insertInto(DASHBOARD_GAP).set(DASHBOARD_GAP.GAP_KIND, gap.kind())
                        .set(DASHBOARD_GAP.ITEM_ID, gap.item()).set(DASHBOARD_GAP.CONVENTION_ID, gap.convention())
                        .execute();
            }
        }
    }

    private int add(Line line, BigDecimal target, BigDecimal realised, int conventions) {
        return dsl.update(DASHBOARD_FIGURE)
                .set(DASHBOARD_FIGURE.TARGET_TOTAL, DASHBOARD_FIGURE.TARGET_TOTAL.plus(target))
                .set(DASHBOARD_FIGURE.REALISED_TOTAL, DASHBOARD_FIGURE.REALISED_TOTAL.plus(realised))
                .set(DASHBOARD_FIGURE.CONVENTIONS, DASHBOARD_FIGURE.CONVENTIONS.plus(conventions))
                .where(line.matches()).execute();
    }

    private void insert(Line line, Sums sums) {
        dsl.insertInto(DASHBOARD_FIGURE)
                .set(DASHBOARD_FIGURE.SCOPE_KIND, line.kind().name())
                .set(DASHBOARD_FIGURE.SCOPE_KEY, line.key())
                .set(DASHBOARD_FIGURE.DEPARTMENT_CODE, line.department())
                .set(DASHBOARD_FIGURE.EPCI_SIREN, line.epci())
                .set(DASHBOARD_FIGURE.QPV_ID, line.qpv())
                .set(DASHBOARD_FIGURE.CONVENTION_ID, line.convention())
                .set(DASHBOARD_FIGURE.ACTION_TYPE_ID, line.actionType())
                .set(DASHBOARD_FIGURE.INDICATOR_ID, line.indicator())
                .set(DASHBOARD_FIGURE.YEAR_NUMBER, line.year())
                .set(DASHBOARD_FIGURE.TARGET_TOTAL, sums.target())
                .set(DASHBOARD_FIGURE.REALISED_TOTAL, sums.realised())
                .set(DASHBOARD_FIGURE.CONVENTIONS, 1)
                .execute();
    }

    // --- Whole rebuild ------------------------------------------------------------------------

    /**
     * Rebuilds both tables from the records when they were built with another definition (or
     * never); {@code rebuilding} is told first when there are records to add up.
     */
    boolean ensureCurrent(Runnable rebuilding) {
        Integer built = dsl.select(DERIVED_DATA.DEFINITION).from(DERIVED_DATA).where(DERIVED_DATA.NAME.eq(NAME))
                .fetchOne(DERIVED_DATA.DEFINITION);
        if (built != null && built == DEFINITION) {
            return false;
        }
        if (dsl.fetchExists(CONVENTION)) {
            rebuilding.run();
        }
        rebuild();
        return true;
    }

    /** Recomputes both tables from the records: {@link DashboardRebuild}. */
    void rebuild() {
        new DashboardRebuild(dsl).run();
    }
}
