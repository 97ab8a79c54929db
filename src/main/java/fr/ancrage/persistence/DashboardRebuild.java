package fr.ancrage.persistence;

import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.persistence.DashboardFigures.Kind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record12;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ancrage.persistence.DashboardFigures.ALL_YEARS;
import static fr.ancrage.persistence.DashboardFigures.DEFINITION;
import static fr.ancrage.persistence.DashboardFigures.NAME;
import static fr.ancrage.persistence.DashboardFigures.NO_ENGAGEMENT;
import static fr.ancrage.persistence.DashboardFigures.NO_TARGET;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;
import static fr.ancrage.persistence.jooq.Tables.DERIVED_DATA;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;

/**
 * The set-based rebuild of the dashboard's derived tables from the records: the same lines and
 * gaps as {@link DashboardFigures#contribution} gives convention by convention, in a few
 * {@code insert … select} statements (the convention lines from the values, each level above from
 * the level below). {@code DashboardFiguresTest} checks that both agree.
 */
final class DashboardRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRebuild.class);
    /** The definition of tables being rebuilt, or never built: rebuilt at the next opening. */
    private static final int STALE = 0;
    private static final String ABANDONED = EngagementStatus.ABANDONED.name();

    private final DSLContext dsl;

    DashboardRebuild(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Recomputes both tables from the records in set-based statements, each one committed on its
     * own (one transaction of millions of lines is slow to commit): the definition is marked stale
     * first and current last, so that a rebuild cut short is done again at the next opening. Nothing
     * else may use the base meanwhile: it runs while the base is opened, or after a bulk load.
     */
    void run() {
        long start = System.nanoTime();
        Map<String, Long> steps = new LinkedHashMap<>();
        step(steps, "clear", () -> {
            markBuilt(STALE);
            dsl.truncate(DASHBOARD_FIGURE).execute();
            dsl.truncate(DASHBOARD_GAP).execute();
        });
        step(steps, "conventions by year", this::insertConventionLines);
        var f = DASHBOARD_FIGURE.as("f");
        Condition conventions = f.SCOPE_KIND.eq(Kind.CONVENTION.name());
        step(steps, "conventions over all years", () -> insertRollup(DSL.select(f.SCOPE_KIND, f.SCOPE_KEY,
                        f.DEPARTMENT_CODE, f.EPCI_SIREN, f.QPV_ID, f.CONVENTION_ID, f.ACTION_TYPE_ID, f.INDICATOR_ID,
                        DSL.inline(ALL_YEARS), DSL.sum(f.TARGET_TOTAL), DSL.sum(f.REALISED_TOTAL), DSL.inline(1))
                .from(f).where(conventions)
                .groupBy(f.SCOPE_KIND, f.SCOPE_KEY, f.DEPARTMENT_CODE, f.EPCI_SIREN, f.QPV_ID, f.CONVENTION_ID,
                        f.ACTION_TYPE_ID, f.INDICATOR_ID)));
        Field<String> noText = DSL.castNull(SQLDataType.VARCHAR);
        Field<UUID> noId = DSL.castNull(SQLDataType.UUID);
        Field<String> epciKey = DSL.concat(f.DEPARTMENT_CODE, DSL.inline("/"), DSL.coalesce(f.EPCI_SIREN,
                DSL.inline("")));
        // each level adds up the one below: a convention counts in one EPCI of one department
        step(steps, "EPCI", () -> insertRollup(DSL.select(DSL.inline(Kind.EPCI.name()), epciKey, f.DEPARTMENT_CODE,
                        f.EPCI_SIREN, noId, noId, f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER,
                        DSL.sum(f.TARGET_TOTAL), DSL.sum(f.REALISED_TOTAL), DSL.count())
                .from(f).where(conventions)
                .groupBy(f.DEPARTMENT_CODE, f.EPCI_SIREN, f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER)));
        Field<Integer> conventionCount = DSL.sum(f.CONVENTIONS).cast(SQLDataType.INTEGER);
        step(steps, "departments", () -> insertRollup(DSL.select(DSL.inline(Kind.DEPARTMENT.name()),
                        f.DEPARTMENT_CODE, f.DEPARTMENT_CODE, noText, noId, noId, f.ACTION_TYPE_ID, f.INDICATOR_ID,
                        f.YEAR_NUMBER, DSL.sum(f.TARGET_TOTAL), DSL.sum(f.REALISED_TOTAL), conventionCount)
                .from(f).where(f.SCOPE_KIND.eq(Kind.EPCI.name()))
                .groupBy(f.DEPARTMENT_CODE, f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER)));
        step(steps, "country", () -> insertRollup(DSL.select(DSL.inline(Kind.COUNTRY.name()), DSL.inline(""), noText,
                        noText, noId, noId, f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER, DSL.sum(f.TARGET_TOTAL),
                        DSL.sum(f.REALISED_TOTAL), conventionCount)
                .from(f).where(f.SCOPE_KIND.eq(Kind.DEPARTMENT.name()))
                .groupBy(f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER)));
        step(steps, "QPV", () -> insertRollup(DSL.select(DSL.inline(Kind.QPV.name()),
                        DSL.concat(CONVENTION_QPV.QPV_ID.cast(SQLDataType.VARCHAR(36)), DSL.inline("/"), epciKey),
                        f.DEPARTMENT_CODE, f.EPCI_SIREN, CONVENTION_QPV.QPV_ID, noId, f.ACTION_TYPE_ID,
                        f.INDICATOR_ID, f.YEAR_NUMBER, DSL.sum(f.TARGET_TOTAL), DSL.sum(f.REALISED_TOTAL),
                        DSL.count())
                .from(f).join(CONVENTION_QPV).on(CONVENTION_QPV.CONVENTION_ID.eq(f.CONVENTION_ID))
                .where(conventions)
                .groupBy(CONVENTION_QPV.QPV_ID, f.DEPARTMENT_CODE, f.EPCI_SIREN, f.ACTION_TYPE_ID, f.INDICATOR_ID,
                        f.YEAR_NUMBER)));
        step(steps, "gaps", () -> {
            dsl.insertInto(DASHBOARD_GAP, DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID, DASHBOARD_GAP.CONVENTION_ID)
                    .select(DSL.select(DSL.inline(NO_ENGAGEMENT), CONVENTION.ID, CONVENTION.ID).from(CONVENTION)
                            .where(CONVENTION.STATUS.in(DashboardRepository.RUNNING))
                            .andNotExists(DSL.selectOne().from(ENGAGEMENT)
                                    .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))))
                    .execute();
            dsl.insertInto(DASHBOARD_GAP, DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID, DASHBOARD_GAP.CONVENTION_ID)
                    .select(DSL.select(DSL.inline(NO_TARGET), ENGAGEMENT.ID, ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT)
                            .where(ENGAGEMENT.STATUS.ne(ABANDONED))
                            .andNotExists(DSL.selectOne().from(ENGAGEMENT_TARGET)
                                    .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(ENGAGEMENT.ID))))
                    .execute();
            markBuilt(DEFINITION);
        });
        LOG.info("Dashboard figures rebuilt (definition {}) in {} ms: {}", DEFINITION,
                (System.nanoTime() - start) / 1_000_000, steps);
    }

    private static void step(Map<String, Long> steps, String name, Runnable work) {
        long start = System.nanoTime();
        work.run();
        steps.put(name, (System.nanoTime() - start) / 1_000_000);
    }

    private void markBuilt(int definition) {
        int updated = dsl.update(DERIVED_DATA).set(DERIVED_DATA.DEFINITION, definition)
                .set(DERIVED_DATA.BUILT_AT, Times.odt(Instant.now())).where(DERIVED_DATA.NAME.eq(NAME)).execute();
        if (updated == 0) {
            dsl.insertInto(DERIVED_DATA).set(DERIVED_DATA.NAME, NAME).set(DERIVED_DATA.DEFINITION, definition)
                    .set(DERIVED_DATA.BUILT_AT, Times.odt(Instant.now())).execute();
        }
    }

    /**
     * Adds to the tables what {@code conventions}, new to the base and already written, contribute,
     * a thousand at a time: their CONVENTION lines (by year and over all years) summed from their
     * engagements' values and inserted, every line above (EPCI, department, country, QPV) summed
     * from them in memory and added by one batch of updates by primary key (inserted when absent),
     * and their gaps. Used by an import of many conventions at once, where adding them one line at a
     * time took minutes on the national dataset. The figures are the same as a rebuild's
     * (DashboardFiguresTest and ExchangeRoundTripTest compare).
     */
    void addConventions(java.util.Collection<UUID> conventions) {
        addConventions(conventions, () -> false);
    }

    /**
     * {@link #addConventions(java.util.Collection)}, asking {@code cancelled} between its steps: when
     * it answers true, a {@link java.util.concurrent.CancellationException}, for the caller's
     * transaction to be rolled back.
     */
    void addConventions(java.util.Collection<UUID> conventions, java.util.function.BooleanSupplier cancelled) {
        List<UUID> all = new java.util.ArrayList<>(conventions);
        for (int i = 0; i < all.size(); i += 1000) {
            addChunk(all.subList(i, Math.min(all.size(), i + 1000)), cancelled);
        }
    }

    static void stopIf(java.util.function.BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException();
        }
    }

    /** One line of the figures to add: its key, where it belongs, and what it adds. */
    private record Added(String kind, String key, String department, String epci, UUID qpv, UUID convention,
                         UUID actionType, UUID indicator, int year, BigDecimal target, BigDecimal realised,
                         int conventions) {

        Added plus(Added other) {
            return new Added(kind, key, department, epci, qpv, convention, actionType, indicator, year,
                    target.add(other.target), realised.add(other.realised), conventions + other.conventions);
        }

        List<Object> primaryKey() {
            return List.of(kind, key, year, actionType, indicator);
        }
    }

    private void addChunk(List<UUID> ids, java.util.function.BooleanSupplier cancelled) {
        stopIf(cancelled);
        // their yearly CONVENTION lines, summed here; every line above is added up from them
        List<Added> yearly = conventionLines(ids);
        stopIf(cancelled);
        insertLines(yearly);
        stopIf(cancelled);
        Map<UUID, List<UUID>> qpvs = new java.util.HashMap<>();
        dsl.select(CONVENTION_QPV.CONVENTION_ID, CONVENTION_QPV.QPV_ID).from(CONVENTION_QPV)
                .where(CONVENTION_QPV.CONVENTION_ID.in(ids))
                .forEach(r -> qpvs.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        Map<List<Object>, Added> overAllYears = new LinkedHashMap<>();
        for (Added l : yearly) {
            Added all = new Added(l.kind(), l.key(), l.department(), l.epci(), null, l.convention(), l.actionType(),
                    l.indicator(), ALL_YEARS, l.target(), l.realised(), 1);
            overAllYears.merge(all.primaryKey(), all, (a, b) -> new Added(a.kind(), a.key(), a.department(),
                    a.epci(), null, a.convention(), a.actionType(), a.indicator(), ALL_YEARS,
                    a.target().add(b.target()), a.realised().add(b.realised()), 1));
        }
        insertLines(overAllYears.values());
        stopIf(cancelled);
        Map<List<Object>, Added> above = new LinkedHashMap<>();
        List<Added> lines = new java.util.ArrayList<>(yearly);
        lines.addAll(overAllYears.values());
        for (Added l : lines) {
            String epciKey = l.department() + "/" + (l.epci() == null ? "" : l.epci());
            List<Added> levels = new java.util.ArrayList<>(List.of(
                    new Added(Kind.EPCI.name(), epciKey, l.department(), l.epci(), null, null, l.actionType(),
                            l.indicator(), l.year(), l.target(), l.realised(), 1),
                    new Added(Kind.DEPARTMENT.name(), l.department(), l.department(), null, null, null,
                            l.actionType(), l.indicator(), l.year(), l.target(), l.realised(), 1),
                    new Added(Kind.COUNTRY.name(), "", null, null, null, null, l.actionType(), l.indicator(),
                            l.year(), l.target(), l.realised(), 1)));
            for (UUID qpv : qpvs.getOrDefault(l.convention(), List.of())) {
                levels.add(new Added(Kind.QPV.name(), qpv + "/" + epciKey, l.department(), l.epci(), qpv, null,
                        l.actionType(), l.indicator(), l.year(), l.target(), l.realised(), 1));
            }
            levels.forEach(a -> above.merge(a.primaryKey(), a, Added::plus));
        }
        stopIf(cancelled);
        addToLines(new java.util.ArrayList<>(above.values()));
        stopIf(cancelled);
        dsl.insertInto(DASHBOARD_GAP, DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID, DASHBOARD_GAP.CONVENTION_ID)
                .select(DSL.select(DSL.inline(NO_ENGAGEMENT), CONVENTION.ID, CONVENTION.ID).from(CONVENTION)
                        .where(CONVENTION.STATUS.in(DashboardRepository.RUNNING)).and(CONVENTION.ID.in(ids))
                        .andNotExists(DSL.selectOne().from(ENGAGEMENT)
                                .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))))
                .execute();
        dsl.insertInto(DASHBOARD_GAP, DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID, DASHBOARD_GAP.CONVENTION_ID)
                .select(DSL.select(DSL.inline(NO_TARGET), ENGAGEMENT.ID, ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT)
                        .where(ENGAGEMENT.STATUS.ne(ABANDONED)).and(ENGAGEMENT.CONVENTION_ID.in(ids))
                        .andNotExists(DSL.selectOne().from(ENGAGEMENT_TARGET)
                                .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(ENGAGEMENT.ID))))
                .execute();
    }

    /**
     * Adds {@code lines} to the figures: sums and convention counts added to a line that exists (one
     * batch of updates by primary key), the others inserted (one batch). A {@code merge … using} did
     * the same in one statement, but H2 joined it without the primary key: minutes on the national
     * dataset. The amounts are bound as the column's type: untyped, H2 rounded them to units.
     */
    private void addToLines(List<Added> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var f = DASHBOARD_FIGURE;
        var amount = SQLDataType.DECIMAL(20, 2);
        var update = dsl.batch(dsl.update(f)
                .set(f.TARGET_TOTAL, f.TARGET_TOTAL.plus(DSL.val((BigDecimal) null, amount).cast(amount)))
                .set(f.REALISED_TOTAL, f.REALISED_TOTAL.plus(DSL.val((BigDecimal) null, amount).cast(amount)))
                .set(f.CONVENTIONS, f.CONVENTIONS.plus(DSL.val((Integer) null)))
                .where(f.SCOPE_KIND.eq((String) null)).and(f.SCOPE_KEY.eq((String) null))
                .and(f.YEAR_NUMBER.eq((Integer) null)).and(f.ACTION_TYPE_ID.eq((UUID) null))
                .and(f.INDICATOR_ID.eq((UUID) null)));
        for (Added a : lines) {
            update.bind(a.target(), a.realised(), a.conventions(), a.kind(), a.key(), a.year(), a.actionType(),
                    a.indicator());
        }
        int[] updated = update.execute();
        List<Added> missing = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (updated[i] == 0) {
                missing.add(lines.get(i));
            }
        }
        insertLines(missing);
    }

    private void insertLines(java.util.Collection<Added> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var f = DASHBOARD_FIGURE;
        var insert = dsl.batch(dsl.insertInto(f, f.SCOPE_KIND, f.SCOPE_KEY, f.DEPARTMENT_CODE, f.EPCI_SIREN, f.QPV_ID,
                        f.CONVENTION_ID, f.ACTION_TYPE_ID, f.INDICATOR_ID, f.YEAR_NUMBER, f.TARGET_TOTAL,
                        f.REALISED_TOTAL, f.CONVENTIONS)
                .values((String) null, null, null, null, null, null, null, null, null, null, null, null));
        for (Added a : lines) {
            insert.bind(a.kind(), a.key(), a.department(), a.epci(), a.qpv(), a.convention(), a.actionType(),
                    a.indicator(), a.year(), a.target(), a.realised(), a.conventions());
        }
        insert.execute();
    }

    /**
     * The yearly CONVENTION lines of {@code ids}: their targets and realised values (abandoned
     * engagements left out) added up by action type, indicator and year, for the committed ones;
     * what {@link #insertConventionLines()} makes for every convention, read by their engagements'
     * index (the union of the whole country's values cost seconds for a thousand conventions).
     */
    private List<Added> conventionLines(List<UUID> ids) {
        Map<UUID, org.jooq.Record3<UUID, String, String>> conventions = new LinkedHashMap<>();
        dsl.select(CONVENTION.ID, CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN).from(CONVENTION)
                .where(CONVENTION.ID.in(ids)).and(CONVENTION.STATUS.in(DashboardRepository.COMMITTED))
                .forEach(r -> conventions.put(r.value1(), r));
        if (conventions.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        Condition engagements = ENGAGEMENT.CONVENTION_ID.in(conventions.keySet()).and(ENGAGEMENT.STATUS.ne(ABANDONED));
        dsl.select(ENGAGEMENT.CONVENTION_ID, ENGAGEMENT.ACTION_TYPE_ID, ENGAGEMENT_TARGET.INDICATOR_ID,
                        ENGAGEMENT_TARGET.YEAR_NUMBER, ENGAGEMENT_TARGET.TARGET_VALUE)
                .from(ENGAGEMENT).join(ENGAGEMENT_TARGET).on(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(ENGAGEMENT.ID))
                .where(engagements)
                .forEach(r -> add(sums, List.of(r.value1(), r.value2(), r.value3(), r.value4()), 0, r.value5()));
        dsl.select(ENGAGEMENT.CONVENTION_ID, ENGAGEMENT.ACTION_TYPE_ID, ENGAGEMENT_RESULT.INDICATOR_ID,
                        ENGAGEMENT_RESULT.YEAR_NUMBER, ENGAGEMENT_RESULT.REALISED_VALUE)
                .from(ENGAGEMENT).join(ENGAGEMENT_RESULT).on(ENGAGEMENT_RESULT.ENGAGEMENT_ID.eq(ENGAGEMENT.ID))
                .where(engagements)
                .forEach(r -> add(sums, List.of(r.value1(), r.value2(), r.value3(), r.value4()), 1, r.value5()));
        List<Added> lines = new java.util.ArrayList<>();
        sums.forEach((k, v) -> {
            var c = conventions.get((UUID) k.get(0));
            String epci = c.value3();
            String key = c.value1() + "/" + c.value2() + "/" + (epci == null ? "" : epci);
            lines.add(new Added(Kind.CONVENTION.name(), key, c.value2(), epci, null, c.value1(), (UUID) k.get(1),
                    (UUID) k.get(2), (Integer) k.get(3), v[0], v[1], 1));
        });
        return lines;
    }

    private static void add(Map<List<Object>, BigDecimal[]> sums, List<Object> key, int which, BigDecimal value) {
        BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[]{ZERO, ZERO});
        s[which] = s[which].add(value == null ? ZERO : value);
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    /** The yearly CONVENTION lines: every target and realised value of a signed convention, added up. */
    private void insertConventionLines() {
        Field<BigDecimal> zero = DSL.inline(BigDecimal.ZERO).cast(SQLDataType.DECIMAL(15, 2));
        Table<?> v = DSL.select(ENGAGEMENT.CONVENTION_ID.as("convention_id"),
                        ENGAGEMENT.ACTION_TYPE_ID.as("action_type_id"),
                        ENGAGEMENT_TARGET.INDICATOR_ID.as("indicator_id"), ENGAGEMENT_TARGET.YEAR_NUMBER.as("year_number"),
                        ENGAGEMENT_TARGET.TARGET_VALUE.as("target_value"), zero.as("realised_value"))
                .from(ENGAGEMENT_TARGET).join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_TARGET.ENGAGEMENT_ID))
                .where(ENGAGEMENT.STATUS.ne(ABANDONED))
                .unionAll(DSL.select(ENGAGEMENT.CONVENTION_ID, ENGAGEMENT.ACTION_TYPE_ID,
                                ENGAGEMENT_RESULT.INDICATOR_ID, ENGAGEMENT_RESULT.YEAR_NUMBER, zero,
                                ENGAGEMENT_RESULT.REALISED_VALUE)
                        .from(ENGAGEMENT_RESULT).join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                        .where(ENGAGEMENT.STATUS.ne(ABANDONED)))
                .asTable("v");
        Field<UUID> convention = v.field("convention_id", UUID.class);
        Field<UUID> type = v.field("action_type_id", UUID.class);
        Field<UUID> indicator = v.field("indicator_id", UUID.class);
        Field<Integer> year = v.field("year_number", Integer.class);
        insertRollup(DSL.select(DSL.inline(Kind.CONVENTION.name()),
                        DSL.concat(CONVENTION.ID.cast(SQLDataType.VARCHAR(36)), DSL.inline("/"),
                                CONVENTION.DEPARTMENT_CODE, DSL.inline("/"),
                                DSL.coalesce(CONVENTION.EPCI_SIREN, DSL.inline(""))),
                        CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN, DSL.castNull(SQLDataType.UUID),
                        CONVENTION.ID, type, indicator, year,
                        DSL.sum(v.field("target_value", BigDecimal.class)),
                        DSL.sum(v.field("realised_value", BigDecimal.class)), DSL.inline(1))
                .from(v).join(CONVENTION).on(CONVENTION.ID.eq(convention))
                .where(CONVENTION.STATUS.in(DashboardRepository.COMMITTED))
                .groupBy(CONVENTION.ID, CONVENTION.DEPARTMENT_CODE, CONVENTION.EPCI_SIREN, type, indicator, year));
    }

    private void insertRollup(Select<? extends Record12<String, String, String, String, UUID, UUID,
            UUID, UUID, Integer, BigDecimal, BigDecimal, Integer>> select) {
        dsl.insertInto(DASHBOARD_FIGURE, DASHBOARD_FIGURE.SCOPE_KIND, DASHBOARD_FIGURE.SCOPE_KEY,
                        DASHBOARD_FIGURE.DEPARTMENT_CODE, DASHBOARD_FIGURE.EPCI_SIREN, DASHBOARD_FIGURE.QPV_ID,
                        DASHBOARD_FIGURE.CONVENTION_ID, DASHBOARD_FIGURE.ACTION_TYPE_ID, DASHBOARD_FIGURE.INDICATOR_ID,
                        DASHBOARD_FIGURE.YEAR_NUMBER, DASHBOARD_FIGURE.TARGET_TOTAL, DASHBOARD_FIGURE.REALISED_TOTAL,
                        DASHBOARD_FIGURE.CONVENTIONS)
                .select(select).execute();
    }
}
