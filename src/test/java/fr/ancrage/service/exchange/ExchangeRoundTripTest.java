package fr.ancrage.service.exchange;

import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.TestFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two (and three) bases exchanging packages, as the issue's « done when » tells it. */
class ExchangeRoundTripTest {

    @TempDir
    Path folder;

    private final ExchangeBases bases = new ExchangeBases();

    @AfterEach
    void close() {
        bases.close();
    }

    @Test
    void theWholeBaseArrivesAndASecondImportChangesNothing() throws Exception {
        var a = bases.demo();
        var b = bases.empty();
        Path p1 = folder.resolve("a1.zip");
        var written = a.exchange.export(ExchangeScope.wholeBase(), p1, () -> false);
        assertThat(written.total()).isGreaterThan(100);

        ImportPlan preview = b.preview(p1);
        assertThat(preview.totals().created()).isEqualTo(written.total() - preview.totals().unchanged()
                - preview.matches().size() * 0);
        assertThat(preview.conflictCount()).isZero();
        assertThat(b.dump().get(ExchangeKind.CONVENTION)).isEmpty();

        ImportPlan done = b.importAll(p1, Decisions.keepMine());
        assertThat(done.written()).isTrue();
        assertThat(b.dump()).isEqualTo(a.dump());
        assertThat(b.figures()).isEqualTo(a.figures());

        ImportPlan again = b.importAll(p1, Decisions.keepMine());
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.alreadyImportedAt()).isNotNull();
        assertThat(b.dump()).isEqualTo(a.dump());
    }

    @Test
    void theImportReadsThePackageFileAgainWhenItChangedAfterItsPreview() throws Exception {
        var a = bases.demo();
        var b = bases.empty();
        Path file = folder.resolve("paquet.zip");
        a.exchange.export(ExchangeScope.wholeBase(), file, () -> false);
        ImportPlan preview = b.exchange.preview(file);
        // the same bytes: the package read for the preview is not parsed and checked again
        assertThat(b.exchange.read(file)).isSameAs(b.exchange.read(file));

        // the file is replaced by a newer package of the same base before « Importer »
        UUID convention = a.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.REFERENCE).limit(1)
                .fetchSingle().value1();
        a.db.dsl().update(CONVENTION).set(CONVENTION.TITLE, "Titre changé après l’aperçu")
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(convention)).execute();
        a.exchange.export(ExchangeScope.wholeBase(), file, () -> false);
        ImportPlan done = b.exchange.importPackage(file, Decisions.keepMine(), preview);

        assertThat(done.packageId()).isNotEqualTo(preview.packageId());
        assertThat(b.dump().get(ExchangeKind.CONVENTION).get(convention)).containsEntry("title",
                "Titre changé après l’aperçu");
        assertThat(b.dump()).isEqualTo(a.dump());
    }

    @Test
    void anImportCancelledAtAnyOfItsStepsWritesNothing() throws Exception {
        var a = bases.demo();
        var b = bases.empty();
        Path file = a.send(folder, "a1");
        ImportPlan preview = b.exchange.preview(file);
        var before = b.dump();
        var figures = b.figures();
        // stopped at its first step, then its second, and so on, until it is stopped no more
        int stop = 1;
        while (true) {
            int at = stop;
            AtomicInteger asked = new AtomicInteger();
            try {
                b.exchange.importPackage(file, Decisions.keepMine(), preview, () -> asked.incrementAndGet() >= at);
            } catch (CancellationException stopped) {
                assertThat(b.dump()).as("stopped at step %d", at).isEqualTo(before);
                assertThat(b.figures()).as("stopped at step %d", at).isEqualTo(figures);
                assertThat(b.exchange.history()).as("stopped at step %d", at).isEmpty();
                stop++;
                continue;
            }
            break;
        }
        // the records, then the figures, were each stopped at more than one step
        assertThat(stop).isGreaterThan(20);
        assertThat(b.dump()).isEqualTo(a.dump());
        assertThat(b.figures()).isEqualTo(a.figures());
    }

    @Test
    void differentFieldsMergeAndTheSameFieldIsAConflictWhoseChoiceSticks() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];

        var target = a.db.dsl().selectFrom(ENGAGEMENT_TARGET).orderBy(ENGAGEMENT_TARGET.ENGAGEMENT_ID,
                ENGAGEMENT_TARGET.INDICATOR_ID, ENGAGEMENT_TARGET.YEAR_NUMBER).limit(1).fetchSingle();
        UUID engagement = target.getEngagementId();
        UUID convention = a.db.dsl().select(ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT)
                .where(ENGAGEMENT.ID.eq(engagement)).fetchSingle().value1();
        String field = "target/" + target.getIndicatorId() + "/" + target.getYearNumber();
        // A (the delegate) changes the target; B (the prefecture) changes the end date and the same target
        setTarget(a, target.getEngagementId(), target.getIndicatorId(), target.getYearNumber(), "10");
        setTarget(b, target.getEngagementId(), target.getIndicatorId(), target.getYearNumber(), "12");
        LocalDate end = LocalDate.of(2031, 12, 31);
        b.db.dsl().update(CONVENTION).set(CONVENTION.END_DATE, end).set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1))
                .where(CONVENTION.ID.eq(convention)).execute();

        // the edits went around the repositories: their figures are made right, as a save would
        TestFigures.rebuild(a.db.dsl());
        TestFigures.rebuild(b.db.dsl());

        Path p2 = b.send(folder, "b1");
        ImportPlan preview = a.preview(p2);
        assertThat(preview.conflictCount()).isEqualTo(1);
        ImportPlan.Item conflict = preview.items().stream().filter(ImportPlan.Item::isConflict).findFirst().orElseThrow();
        assertThat(conflict.id()).isEqualTo(engagement);
        assertThat(conflict.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(field);
            assertThat(c.mine()).isEqualTo("10");
            assertThat(c.theirs()).isEqualTo("12");
            assertThat(c.beforeKnown()).isTrue();
            assertThat(c.before()).isEqualTo(new BigDecimal(target.getTargetValue().toString()).stripTrailingZeros()
                    .toPlainString());
        });
        assertThat(preview.items()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(convention);
            assertThat(i.outcome()).isEqualTo(Merge.Outcome.UPDATED);
            assertThat(i.changedFields()).containsExactly("endDate");
        });

        a.importAll(p2, Decisions.keepMine().field(engagement, field, Merge.Resolution.THEIRS));
        // the report names the target as the screens do, not by its ids
        String indicator = a.db.dsl().select(fr.ancrage.persistence.jooq.Tables.INDICATOR.NAME)
                .from(fr.ancrage.persistence.jooq.Tables.INDICATOR)
                .where(fr.ancrage.persistence.jooq.Tables.INDICATOR.ID.eq(target.getIndicatorId())).fetchSingle().value1();
        assertThat(a.exchange.history().getFirst().report())
                .contains(", champ Objectif " + indicator + " " + target.getYearNumber() + " : ici « 10 », dans le paquet « 12 » ; gardé : « 12 ».");
        assertThat(endDate(a, convention)).isEqualTo(end);
        assertThat(targetValue(a, engagement, field)).isEqualTo("12");

        // A sends back: B takes nothing new and both bases hold the same records
        Path p3 = a.send(folder, "a2");
        ImportPlan back = b.importAll(p3, Decisions.keepMine());
        assertThat(back.conflictCount()).isZero();
        assertThat(b.dump()).isEqualTo(a.dump());
        assertThat(b.figures()).isEqualTo(a.figures());

        // the same package again changes nothing
        assertThat(a.importAll(p2, Decisions.keepMine()).changesNothing()).isTrue();
    }

    /**
     * A moves a convention's start date late, B its end date early: each base keeps a consistent
     * convention, but the two changes merged would end it before it starts. The dates are asked
     * (this base's kept by default), and answers that still break the rule are refused.
     */
    @Test
    void datesEachSideChangedThatWouldBreakARuleTogetherAreAsked() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        var c = a.db.dsl().selectFrom(CONVENTION).where(CONVENTION.START_DATE.isNotNull())
                .and(CONVENTION.END_DATE.isNotNull()).and(CONVENTION.SIGNATURE_DATE.isNotNull())
                .and(CONVENTION.END_DATE.gt(CONVENTION.START_DATE.plus(800)))
                .orderBy(CONVENTION.REFERENCE).limit(1).fetchSingle();
        UUID convention = c.getId();
        LocalDate lateStart = c.getEndDate().minusMonths(6);
        LocalDate earlyEnd = c.getStartDate().plusYears(1);
        a.db.dsl().update(CONVENTION).set(CONVENTION.START_DATE, lateStart)
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(convention)).execute();
        b.db.dsl().update(CONVENTION).set(CONVENTION.END_DATE, earlyEnd)
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(convention)).execute();

        Path fromB = b.send(folder, "b-end");
        ImportPlan preview = a.preview(fromB);
        ImportPlan.Item item = preview.items().stream().filter(i -> i.id().equals(convention)).findFirst().orElseThrow();
        assertThat(item.outcome()).isEqualTo(Merge.Outcome.CONFLICT);
        assertThat(item.conflicts()).extracting(Merge.FieldConflict::field).containsExactly("endDate", "startDate");
        assertThat(item.conflicts()).allSatisfy(f -> assertThat(f.rule())
                .isEqualTo("validation.convention.end.beforeStart"));
        assertThat(item.conflicts()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("startDate");
            assertThat(f.mine()).isEqualTo(lateStart.toString());
            assertThat(f.theirs()).isEqualTo(c.getStartDate().toString());
        });

        // B's end date with A's start date: still before it, refused and nothing written
        var before = a.dump();
        assertThatThrownBy(() -> a.importAll(fromB, Decisions.keepMine().field(convention, "endDate",
                Merge.Resolution.THEIRS)))
                .isInstanceOf(fr.ancrage.domain.RuleViolationException.class)
                .satisfies(e -> assertThat(a.exchange.message((fr.ancrage.domain.RuleViolationException) e))
                        .contains("serait incohérente").contains("La date de fin doit être postérieure à la date de début")
                        .contains("Rien n’a été importé"));
        assertThat(a.dump()).isEqualTo(before);

        // both of B's dates: consistent, taken; B then receives nothing it has to ask about
        a.importAll(fromB, Decisions.keepMine().field(convention, "endDate", Merge.Resolution.THEIRS)
                .field(convention, "startDate", Merge.Resolution.THEIRS));
        assertThat(endDate(a, convention)).isEqualTo(earlyEnd);
        assertThat(a.exchange.history().getFirst().report()).contains("ses dates ou son statut, changés chacun d’un "
                + "côté, la rendraient incohérente ensemble (La date de fin doit être postérieure à la date de début.)");
        ImportPlan back = b.importAll(a.send(folder, "a-back"), Decisions.keepMine());
        assertThat(back.conflictCount()).isZero();
        assertThat(b.dump()).isEqualTo(a.dump());
    }

    /**
     * A deletes a convention; B meanwhile adds an engagement to it. The deletion, which would take
     * B's engagement along, is a conflict: kept by default, and chosen, refused with what depends on it.
     */
    @Test
    void aDeletionThatWouldTakeARecordMadeHereAlongIsAConflict() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        var engagement = firstEngagementsConventionDeletedIn(a, b);
        UUID convention = engagement.getConventionId();
        var added = engagement.copy();
        added.setId(fr.ancrage.domain.Ids.newId());
        added.setDescription("Engagement ajouté ici");
        b.db.dsl().executeInsert(added);
        TestFigures.rebuild(a.db.dsl());
        TestFigures.rebuild(b.db.dsl());
        var before = b.dump();

        Path p2 = a.send(folder, "a-deletes");
        ImportPlan preview = b.preview(p2);
        assertThat(preview.items()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(convention);
            assertThat(i.outcome()).isEqualTo(Merge.Outcome.CONFLICT);
            assertThat(i.recordConflict()).isEqualTo(Merge.RecordConflict.DELETED_THERE);
        });
        // choosing the deletion would take « Engagement ajouté ici » along: refused, nothing written
        assertThatThrownBy(() -> b.importAll(p2, Decisions.keepMine().record(convention, Merge.Choice.THEIRS)))
                .isInstanceOf(fr.ancrage.domain.RuleViolationException.class)
                .satisfies(e -> assertThat(b.exchange.message((fr.ancrage.domain.RuleViolationException) e))
                        .contains("« Engagement ajouté ici » (Engagement)").contains("Rien n’a été importé"));
        assertThat(b.dump()).isEqualTo(before);
        // kept: the convention, its engagements and the one added here are all still there
        ImportPlan kept = b.importAll(p2, Decisions.keepMine());
        assertThat(kept.conflictCount()).isPositive();
        assertThat(b.db.dsl().fetchExists(ENGAGEMENT, ENGAGEMENT.ID.eq(added.getId()))).isTrue();
        assertThat(b.db.dsl().fetchExists(CONVENTION, CONVENTION.ID.eq(convention))).isTrue();
        assertThat(b.figures()).isEqualTo(rebuilt(b));
    }

    /**
     * A deletes a convention; B meanwhile changes one of its engagements and keeps it over the
     * deletion: the convention is kept with it, not deleted under it.
     */
    @Test
    void aChildKeptOverADeletionKeepsItsOwner() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        var engagement = firstEngagementsConventionDeletedIn(a, b);
        UUID convention = engagement.getConventionId();
        b.db.dsl().update(ENGAGEMENT).set(ENGAGEMENT.DESCRIPTION, "Changé ici")
                .set(ENGAGEMENT.VERSION, ENGAGEMENT.VERSION.plus(1)).where(ENGAGEMENT.ID.eq(engagement.getId())).execute();
        TestFigures.rebuild(a.db.dsl());
        TestFigures.rebuild(b.db.dsl());

        Path p2 = a.send(folder, "a-deletes");
        ImportPlan done = b.importAll(p2, Decisions.keepMine());
        assertThat(done.items()).filteredOn(ImportPlan.Item::isConflict).extracting(ImportPlan.Item::id)
                .contains(engagement.getId(), convention);
        assertThat(b.db.dsl().fetchExists(ENGAGEMENT, ENGAGEMENT.ID.eq(engagement.getId()))).isTrue();
        assertThat(b.db.dsl().fetchExists(CONVENTION, CONVENTION.ID.eq(convention))).isTrue();
        // both choices go back to A, which takes them without a question
        Path p3 = b.send(folder, "b-keeps");
        assertThat(a.importAll(p3, Decisions.keepMine()).conflictCount()).isZero();
        assertThat(a.db.dsl().fetchExists(ENGAGEMENT, ENGAGEMENT.ID.eq(engagement.getId()))).isTrue();
        assertThat(a.dump()).isEqualTo(b.dump());
    }

    /**
     * A deletes a QPV (its conventions no longer name it); B meanwhile names it in a convention:
     * the deletion is a conflict and the QPV is kept (before, the database refused the import).
     */
    @Test
    void aQpvDeletedThereThatAConventionHereNamesIsKept() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        var cq = fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
        var eq = fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_QPV;
        var qpvs = fr.ancrage.persistence.jooq.Tables.QPV;
        UUID qpv = b.db.dsl().select(qpvs.ID).from(qpvs).orderBy(qpvs.ID).limit(1).fetchSingle().value1();
        a.db.dsl().update(CONVENTION).set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1))
                .where(CONVENTION.ID.in(org.jooq.impl.DSL.select(cq.CONVENTION_ID).from(cq).where(cq.QPV_ID.eq(qpv))))
                .execute();
        a.db.dsl().update(ENGAGEMENT).set(ENGAGEMENT.VERSION, ENGAGEMENT.VERSION.plus(1))
                .where(ENGAGEMENT.ID.in(org.jooq.impl.DSL.select(eq.ENGAGEMENT_ID).from(eq).where(eq.QPV_ID.eq(qpv))))
                .execute();
        a.db.dsl().deleteFrom(cq).where(cq.QPV_ID.eq(qpv)).execute();
        a.db.dsl().deleteFrom(eq).where(eq.QPV_ID.eq(qpv)).execute();
        a.db.dsl().deleteFrom(qpvs).where(qpvs.ID.eq(qpv)).execute();
        UUID convention = b.db.dsl().select(CONVENTION.ID).from(CONVENTION)
                .whereNotExists(org.jooq.impl.DSL.selectOne().from(cq).where(cq.CONVENTION_ID.eq(CONVENTION.ID))
                        .and(cq.QPV_ID.eq(qpv)))
                .orderBy(CONVENTION.ID).limit(1).fetchSingle().value1();
        b.db.dsl().insertInto(cq).set(cq.CONVENTION_ID, convention).set(cq.QPV_ID, qpv).execute();
        b.db.dsl().update(CONVENTION).set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1))
                .where(CONVENTION.ID.eq(convention)).execute();
        TestFigures.rebuild(a.db.dsl());
        TestFigures.rebuild(b.db.dsl());

        ImportPlan done = b.importAll(a.send(folder, "a-deletes-qpv"), Decisions.keepMine());
        assertThat(done.items()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(qpv);
            assertThat(i.recordConflict()).isEqualTo(Merge.RecordConflict.DELETED_THERE);
        });
        assertThat(b.db.dsl().fetchExists(qpvs, qpvs.ID.eq(qpv))).isTrue();
        assertThat(b.db.dsl().fetchExists(cq, cq.CONVENTION_ID.eq(convention).and(cq.QPV_ID.eq(qpv)))).isTrue();
        assertThat(b.figures()).isEqualTo(rebuilt(b));
    }

    /** B's first engagement, whose convention A deletes (with all it holds, as the database cascades). */
    private static fr.ancrage.persistence.jooq.tables.records.EngagementRecord firstEngagementsConventionDeletedIn(
            ExchangeBases.Base a, ExchangeBases.Base b) {
        var engagement = b.db.dsl().selectFrom(ENGAGEMENT).orderBy(ENGAGEMENT.ID).limit(1).fetchSingle();
        a.db.dsl().deleteFrom(CONVENTION).where(CONVENTION.ID.eq(engagement.getConventionId())).execute();
        return engagement;
    }

    private static java.util.List<String> rebuilt(ExchangeBases.Base base) {
        var kept = base.figures();
        TestFigures.rebuild(base.db.dsl());
        var rebuilt = base.figures();
        assertThat(kept).isNotEmpty();
        return rebuilt;
    }

    @Test
    void keepingMineGoesBackToTheOtherBaseWithoutAQuestion() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        UUID convention = a.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).limit(1)
                .fetchSingle().value1();
        setTitle(a, convention, "Titre de A");
        setTitle(b, convention, "Titre de B");
        Path p2 = b.send(folder, "b1");
        ImportPlan atA = a.importAll(p2, Decisions.keepMine());
        assertThat(atA.conflictCount()).isEqualTo(1);
        assertThat(a.exchange.history().getFirst().report()).contains("« Titre de A »").contains("« Titre de B »")
                .contains(", champ Titre : ici « Titre de A », dans le paquet « Titre de B »");
        Path p3 = a.send(folder, "a2");
        ImportPlan atB = b.importAll(p3, Decisions.keepMine());
        assertThat(atB.conflictCount()).isZero();
        assertThat(title(b, convention)).isEqualTo("Titre de A");
        assertThat(b.dump()).isEqualTo(a.dump());
    }

    @Test
    void aValueTypedToSettleAConflictIsCheckedLikeAPackagesValue() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        UUID convention = a.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).limit(1)
                .fetchSingle().value1();
        setTitle(a, convention, "Titre de A");
        setTitle(b, convention, "Titre de B");
        Path p2 = b.send(folder, "b1");
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(fr.ancrage.domain.RuleViolationException.class,
                () -> a.importAll(p2, Decisions.keepMine().field(convention, "title",
                        Merge.Resolution.edit("x".repeat(301)))));
        assertThat(e.messageKey()).isEqualTo("exchange.refused.typed");
        assertThat(a.exchange.message(e)).contains("title", "texte trop long");
        assertThat(title(a, convention)).isEqualTo("Titre de A");
        a.importAll(p2, Decisions.keepMine().field(convention, "title", Merge.Resolution.edit("Titre commun 🙂")));
        assertThat(title(a, convention)).isEqualTo("Titre commun 🙂");
        b.importAll(a.send(folder, "a2"), Decisions.keepMine());
        assertThat(title(b, convention)).isEqualTo("Titre commun 🙂");
    }

    @Test
    void aBasePutBackFromAnOlderBackupNeverReusesACounter() throws Exception {
        var a = bases.empty();
        long issued = a.store.write(r -> r.exchange().nextClock());
        // what a backup taken before that exchange holds
        a.db.dsl().update(fr.ancrage.persistence.jooq.Tables.BASE_IDENTITY)
                .set(fr.ancrage.persistence.jooq.Tables.BASE_IDENTITY.CLOCK, 0L).execute();
        Thread.sleep(5);
        long next = a.store.write(r -> r.exchange().nextClock());
        assertThat(next).isGreaterThan(issued);
    }

    @Test
    void aDeletionAgainstAChangeIsAConflict() throws Exception {
        var pair = bases.pair(folder);
        var a = pair[0];
        var b = pair[1];
        UUID convention = a.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).limit(1)
                .fetchSingle().value1();
        setTitle(a, convention, "Changé chez A");
        b.db.dsl().deleteFrom(CONVENTION).where(CONVENTION.ID.eq(convention)).execute();
        Path p2 = b.send(folder, "b1");
        ImportPlan preview = a.preview(p2);
        assertThat(preview.items()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(convention);
            assertThat(i.recordConflict()).isEqualTo(Merge.RecordConflict.DELETED_THERE);
        });
        a.importAll(p2, Decisions.keepMine());
        assertThat(title(a, convention)).isEqualTo("Changé chez A");
    }

    private static void setTarget(ExchangeBases.Base base, UUID engagement, UUID indicator, int year, String value) {
        base.db.dsl().update(ENGAGEMENT_TARGET).set(ENGAGEMENT_TARGET.TARGET_VALUE, new BigDecimal(value))
                .where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(engagement)).and(ENGAGEMENT_TARGET.INDICATOR_ID.eq(indicator))
                .and(ENGAGEMENT_TARGET.YEAR_NUMBER.eq(year)).execute();
        base.db.dsl().update(ENGAGEMENT).set(ENGAGEMENT.VERSION, ENGAGEMENT.VERSION.plus(1))
                .where(ENGAGEMENT.ID.eq(engagement)).execute();
    }

    private static void setTitle(ExchangeBases.Base base, UUID convention, String title) {
        base.db.dsl().update(CONVENTION).set(CONVENTION.TITLE, title).set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1))
                .where(CONVENTION.ID.eq(convention)).execute();
    }

    private static String title(ExchangeBases.Base base, UUID convention) {
        return base.db.dsl().select(CONVENTION.TITLE).from(CONVENTION).where(CONVENTION.ID.eq(convention))
                .fetchSingle().value1();
    }

    private static LocalDate endDate(ExchangeBases.Base base, UUID convention) {
        return base.db.dsl().select(CONVENTION.END_DATE).from(CONVENTION).where(CONVENTION.ID.eq(convention))
                .fetchSingle().value1();
    }

    private static String targetValue(ExchangeBases.Base base, UUID engagement, String field) {
        return base.dump().get(ExchangeKind.ENGAGEMENT).get(engagement).get(field);
    }
}
