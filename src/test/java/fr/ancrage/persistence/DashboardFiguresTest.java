package fr.ancrage.persistence;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.Target;
import fr.ancrage.service.DemoDataService;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;
import static fr.ancrage.persistence.jooq.Tables.DERIVED_DATA;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures kept on each write through the repositories are exactly those a rebuild from the
 * records gives: on the demo dataset, then after each of a long series of random changes of every
 * kind (values, targets, statuses, QPVs, territory, deletions, new conventions).
 */
class DashboardFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);

    private Database db;
    private DSLContext dsl;
    private Store store;

    @BeforeEach
    void demo() {
        db = TestStores.withReference();
        dsl = db.dsl();
        store = new Store(dsl);
        new DemoDataService(store, CLOCK).load();
    }

    @AfterEach
    void close() {
        TestStores.shutdown(db);
    }

    @Test
    void theDemoLoadedThroughTheRepositoriesHasTheFiguresOfARebuild() {
        List<String> kept = dump();
        assertThat(kept).anyMatch(l -> l.startsWith("COUNTRY ")).anyMatch(l -> l.startsWith("DEPARTMENT 25 "))
                .anyMatch(l -> l.startsWith("EPCI 25/242500361 ")).anyMatch(l -> l.startsWith("QPV "))
                .anyMatch(l -> l.startsWith("CONVENTION "));
        assertSameAsRebuild("demo");
    }

    @Test
    void everyKindOfChangeKeepsTheFiguresOfARebuild() {
        Random random = new Random(20_261_201L);
        Set<String> gapsSeen = new HashSet<>();
        for (int step = 0; step < 80; step++) {
            int kind = random.nextInt(11);
            store.run(r -> change(r, kind, random));
            assertSameAsRebuild("step " + step + " (change " + kind + ")");
            dump().stream().filter(l -> l.startsWith("GAP ")).forEach(l -> gapsSeen.add(l.split(" ")[1]));
        }
        assertThat(gapsSeen).as("the walk went through both kinds of gap").contains("NO_ENGAGEMENT", "NO_TARGET");
    }

    @Test
    void aBaseBuiltWithAnOlderDefinitionIsRebuiltWhenOpened() {
        List<String> kept = dump();
        dsl.deleteFrom(DASHBOARD_FIGURE).execute();
        dsl.deleteFrom(DASHBOARD_GAP).execute();
        dsl.update(DERIVED_DATA).set(DERIVED_DATA.DEFINITION, 0).execute();

        List<String> told = new ArrayList<>();
        assertThat(new DashboardFigures(dsl).ensureCurrent(() -> told.add("rebuilding"))).isTrue();

        assertThat(dump()).isEqualTo(kept);
        assertThat(told).containsExactly("rebuilding");
        assertThat(new DashboardFigures(dsl).ensureCurrent(() -> told.add("again"))).as("already current").isFalse();
        assertThat(told).containsExactly("rebuilding");
    }

    @Test
    void aBaseFromTheVersionBeforeTheFiguresGetsThemWhenOpened(@TempDir Path folder) {
        // a base as the previous version left it: schema V5, one signed convention with a target
        Flyway.configure().dataSource("jdbc:h2:file:" + folder.resolve(Database.DATABASE_NAME), "sa", "")
                .locations("classpath:db/migration").target("5").load().migrate();
        try (var c = org.jooq.impl.DSL.using("jdbc:h2:file:" + folder.resolve(Database.DATABASE_NAME), "sa", "")) {
            var old = c.configuration().derive(Database.settings()).dsl();
            old.execute("insert into region values ('27', 'Bourgogne-Franche-Comté')");
            old.execute("insert into department values ('25', 'Doubs', '27')");
            old.execute("insert into organisation (id, version, created_at, updated_at, kind, legal_name) values "
                    + "('01a00000-0000-7000-8000-000000000001', 1, now(), now(), 'COMPANY', 'X Industrie')");
            old.execute("insert into convention (id, version, created_at, updated_at, reference, company_id, "
                    + "framework, department_code, status, start_date, end_date) values "
                    + "('01a00000-0000-7000-8000-000000000002', 1, now(), now(), '25-2025-001', "
                    + "'01a00000-0000-7000-8000-000000000001', 'PAQTE', '25', 'ACTIVE', date '2025-01-01', "
                    + "date '2027-12-31')");
            old.execute("insert into engagement (id, version, created_at, updated_at, convention_id, action_type_id, "
                    + "first_year, last_year, status) values ('01a00000-0000-7000-8000-000000000003', 1, now(), now(), "
                    + "'01a00000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000200000006', 2025, 2025, "
                    + "'IN_PROGRESS')");
            old.execute("insert into engagement_target values ('01a00000-0000-7000-8000-000000000003', "
                    + "'0190a000-0000-7000-8000-000300000005', 2025, 12)");
        }
        List<String> told = new ArrayList<>();
        try (Database upgraded = Database.open(folder, () -> told.add("rebuilding"))) {
            assertThat(told).containsExactly("rebuilding");
            var totals = new Repositories(upgraded.dsl()).dashboard().topIndicators(
                    fr.ancrage.domain.DashboardFilter.all(), 10);
            assertThat(totals).extracting(t -> t.target()).containsExactly(new BigDecimal("12.00"));
        }
        try (Database again = Database.open(folder, () -> told.add("again"))) {
            assertThat(told).as("rebuilt once only").containsExactly("rebuilding");
        }
    }

    private void change(Repositories r, int kind, Random random) {
        switch (kind) {
            case 0 -> { // a realised value typed again
                RealisedValue v = any(r.engagements().results(anyConvention(random)), random);
                if (v != null) {
                    r.engagements().save(new RealisedValue(v.meta(), v.engagementId(), v.indicatorId(), v.year(),
                            v.value().add(BigDecimal.valueOf(1 + random.nextInt(9))), v.source(), v.receivedOn(),
                            v.comment()));
                }
            }
            case 1 -> { // a realised value entered where a target has none
                Engagement e = anyEngagement(r, random);
                if (e != null && !e.targets().isEmpty()) {
                    Target t = e.targets().get(random.nextInt(e.targets().size()));
                    if (r.engagements().findResult(e.id(), t.indicatorId(), t.year()).isEmpty()) {
                        r.engagements().save(new RealisedValue(RecordMeta.fresh(), e.id(), t.indicatorId(), t.year(),
                                t.value(), ResultSource.DELEGATE_VISIT, LocalDate.of(2026, 3, 2), ""));
                    }
                }
            }
            case 2 -> { // a realised value erased
                RealisedValue v = any(r.engagements().results(anyConvention(random)), random);
                if (v != null) {
                    r.engagements().delete(v);
                }
            }
            case 3 -> { // an engagement abandoned, or taken up again
                Engagement e = anyEngagement(r, random);
                if (e != null) {
                    r.engagements().save(withStatusAndTargets(e, e.status() == EngagementStatus.ABANDONED
                            ? EngagementStatus.IN_PROGRESS : EngagementStatus.ABANDONED, e.targets()));
                }
            }
            case 4 -> { // targets changed, one dropped, or all of them
                Engagement e = anyEngagement(r, random);
                if (e != null) {
                    List<Target> targets = new ArrayList<>();
                    if (random.nextInt(4) != 0) {
                        for (Target t : e.targets()) {
                            if (random.nextInt(5) != 0) {
                                targets.add(new Target(t.indicatorId(), t.year(), t.value().add(BigDecimal.ONE)));
                            }
                        }
                    }
                    r.engagements().save(withStatusAndTargets(e, e.status(), targets));
                }
            }
            case 5 -> { // an engagement deleted
                Engagement e = anyEngagement(r, random);
                if (e != null) {
                    r.engagements().delete(e);
                }
            }
            case 6 -> { // a convention moved along (or back) its life cycle
                Convention c = r.conventions().findById(anyConvention(random)).orElseThrow();
                ConventionStatus[] statuses = ConventionStatus.values();
                r.conventions().save(c.withStatus(statuses[random.nextInt(statuses.length)]));
            }
            case 7 -> { // the QPVs it targets
                Convention c = r.conventions().findById(anyConvention(random)).orElseThrow();
                Set<UUID> qpvs = new HashSet<>(c.qpvIds());
                List<UUID> all = dsl.select(QPV.ID).from(QPV).orderBy(QPV.CODE).fetch(QPV.ID);
                UUID q = all.get(random.nextInt(all.size()));
                if (!qpvs.remove(q)) {
                    qpvs.add(q);
                }
                r.conventions().save(territory(c, c.departmentCode(), c.epciSiren(), qpvs));
            }
            case 8 -> { // its territory: no EPCI, or another department
                Convention c = r.conventions().findById(anyConvention(random)).orElseThrow();
                r.conventions().save(random.nextBoolean() ? territory(c, c.departmentCode(), null, c.qpvIds())
                        : territory(c, "39", null, Set.of()));
            }
            case 9 -> { // a convention deleted, with its engagements and values
                Convention c = r.conventions().findById(anyConvention(random)).orElseThrow();
                r.conventions().delete(c);
            }
            default -> { // a new convention, without engagement yet
                Convention c = r.conventions().findById(anyConvention(random)).orElseThrow();
                r.conventions().save(new Convention(RecordMeta.fresh(), "25-2026-9" + random.nextInt(100_000),
                        "Nouvelle", c.companyId(), Framework.PAQTE, "25", c.epciSiren(), "", ConventionStatus.SIGNED,
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31), c.qpvIds(),
                        List.of(), ""));
            }
        }
    }

    private UUID anyConvention(Random random) {
        List<UUID> ids = dsl.select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.REFERENCE).fetch(CONVENTION.ID);
        return ids.get(random.nextInt(ids.size()));
    }

    private Engagement anyEngagement(Repositories r, Random random) {
        List<UUID> ids = dsl.select(ENGAGEMENT.ID).from(ENGAGEMENT).orderBy(ENGAGEMENT.ID).fetch(ENGAGEMENT.ID);
        return ids.isEmpty() ? null : r.engagements().findById(ids.get(random.nextInt(ids.size()))).orElseThrow();
    }

    private static <T> T any(List<T> items, Random random) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private static Engagement withStatusAndTargets(Engagement e, EngagementStatus status, List<Target> targets) {
        return new Engagement(e.meta(), e.conventionId(), e.actionTypeId(), e.description(), e.qpvIds(),
                e.partnerId(), e.firstYear(), e.lastYear(), status, targets);
    }

    private static Convention territory(Convention c, String department, String epci, Set<UUID> qpvs) {
        return new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(), department, epci,
                c.stateReferent(), c.status(), c.signatureDate(), c.startDate(), c.endDate(), qpvs, c.signatories(),
                c.notes());
    }

    /**
     * What an exchange import does for the conventions it creates: their lines added set by set to
     * figures other conventions already add to (lines updated: their cents were once rounded away)
     * or not (lines inserted).
     */
    @Test
    void conventionsAddedSetBySetHaveTheFiguresOfARebuild() {
        List<UUID> all = dsl.select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).fetch(CONVENTION.ID);
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 2) {
            added.add(all.get(i));
        }
        DashboardFigures figures = new DashboardFigures(dsl);
        for (UUID c : added) {
            figures.apply(figures.contribution(c), DashboardFigures.Contribution.NONE);
        }
        assertThat(dsl.fetchCount(DASHBOARD_FIGURE, DASHBOARD_FIGURE.CONVENTION_ID.in(added))).isZero();
        new DashboardRebuild(dsl).addConventions(added);
        assertThat(dsl.fetchCount(DASHBOARD_FIGURE, DASHBOARD_FIGURE.CONVENTION_ID.in(added))).isPositive();
        assertSameAsRebuild("half the conventions added set by set");
    }

    @Test
    void engagementsAndValuesSavedTogetherForAConventionHaveTheFiguresOfARebuild() {
        UUID conventionId = dsl.select(ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT).join(CONVENTION)
                .on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID)).where(CONVENTION.STATUS.eq("ACTIVE"))
                .limit(1).fetchSingle().value1();
        store.run(r -> {
            Convention c = r.conventions().findById(conventionId).orElseThrow();
            Engagement existing = r.engagements().findByConventions(List.of(conventionId)).getFirst();
            Target first = existing.targets().getFirst();
            // a target more for an engagement of the base, a new engagement, values for both
            List<Target> targets = new ArrayList<>(existing.targets());
            targets.add(new Target(first.indicatorId(), existing.lastYear() + 1, new BigDecimal("7")));
            Engagement more = new Engagement(existing.meta(), existing.conventionId(), existing.actionTypeId(),
                    existing.description(), existing.qpvIds(), existing.partnerId(), existing.firstYear(),
                    existing.lastYear() + 1, existing.status(), targets);
            Engagement fresh = new Engagement(RecordMeta.fresh(), conventionId, existing.actionTypeId(), "Nouvelle",
                    c.qpvIds(), null, existing.firstYear(), existing.firstYear(), EngagementStatus.IN_PROGRESS,
                    List.of(new Target(first.indicatorId(), existing.firstYear(), new BigDecimal("12"))));
            List<RealisedValue> values = List.of(
                    new RealisedValue(RecordMeta.fresh(), fresh.id(), first.indicatorId(), existing.firstYear(),
                            new BigDecimal("9"), ResultSource.COMPANY_REPORT, null, ""),
                    new RealisedValue(RecordMeta.fresh(), existing.id(), first.indicatorId(), existing.lastYear() + 1,
                            new BigDecimal("5"), ResultSource.COMPANY_REPORT, null, ""));
            r.engagements().saveAll(conventionId, List.of(more, fresh), values);
        });
        assertSameAsRebuild("engagements and values saved together");
    }

    private void assertSameAsRebuild(String when) {
        List<String> kept = dump();
        new DashboardFigures(dsl).rebuild();
        assertThat(kept).as("figures kept on write, %s", when).isEqualTo(dump());
        assertThat(dsl.fetchCount(ENGAGEMENT_RESULT)).as("the walk keeps some values").isPositive();
    }

    /** Every stored line and gap, as text, in key order; sums without trailing zeros. */
    private List<String> dump() {
        List<String> rows = new ArrayList<>();
        dsl.selectFrom(DASHBOARD_FIGURE)
                .orderBy(DASHBOARD_FIGURE.SCOPE_KIND, DASHBOARD_FIGURE.SCOPE_KEY, DASHBOARD_FIGURE.ACTION_TYPE_ID,
                        DASHBOARD_FIGURE.INDICATOR_ID, DASHBOARD_FIGURE.YEAR_NUMBER)
                .forEach(f -> rows.add(String.join(" ", f.getScopeKind(), f.getScopeKey(),
                        String.valueOf(f.getDepartmentCode()), String.valueOf(f.getEpciSiren()),
                        String.valueOf(f.getQpvId()), String.valueOf(f.getConventionId()),
                        f.getActionTypeId().toString(), f.getIndicatorId().toString(),
                        String.valueOf(f.getYearNumber()), f.getTargetTotal().stripTrailingZeros().toPlainString(),
                        f.getRealisedTotal().stripTrailingZeros().toPlainString(),
                        String.valueOf(f.getConventions()))));
        dsl.selectFrom(DASHBOARD_GAP).orderBy(DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID)
                .forEach(g -> rows.add(String.join(" ", "GAP", g.getGapKind(), g.getItemId().toString(),
                        g.getConventionId().toString())));
        return rows;
    }
}
