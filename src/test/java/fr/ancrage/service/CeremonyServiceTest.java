package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyClosing;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyReopening;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.CeremonyWarning;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.service.ServiceFixtures.company;
import static fr.ancrage.service.ServiceFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ceremony rules, on a fresh migrated database for every test. */
class CeremonyServiceTest {

    /** Today in these tests: 20 March 2026, three days after the ceremony of the 17th. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 17);
    private Database db;
    private Store store;
    private CeremonyService ceremonies;
    private ConventionService conventions;
    private OrganisationService organisations;
    private EngagementService engagements;
    private Convention vauban;
    private Convention doubs;
    private Convention comtoise;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        ceremonies = new CeremonyService(store, CLOCK);
        conventions = new ConventionService(store, CLOCK);
        organisations = new OrganisationService(store);
        engagements = new EngagementService(store);
        vauban = ready("Horlogerie Vauban", "Présidente", true);
        doubs = ready("Transports Doubs Express", "Directeur général", true);
        comtoise = ready("Boulangeries Comtoises", "", false);
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    /** A convention « prête à signer » signed by the prefect and the company's head. */
    private Convention ready(String companyName, String headTitle, boolean withEngagement) {
        Organisation company = organisations.save(company(companyName, ""));
        Convention d = draft(company.id());
        Convention saved = conventions.save(new Convention(d.meta(), "", d.title(), d.companyId(), d.framework(),
                d.departmentCode(), d.epciSiren(), d.stateReferent(), ConventionStatus.NEGOTIATION, null,
                LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31), Set.of(), List.of(
                        new Signatory(RecordMeta.fresh(), 0, SignatoryRole.PREFECT, "Jean-François Colombet",
                                "Préfet du Doubs", null, null),
                        new Signatory(RecordMeta.fresh(), 0, SignatoryRole.COMPANY, "Claire Dumont", headTitle,
                                company.id(), null)), ""));
        if (withEngagement) {
            ActionType stages = new CatalogueService(store).catalogue().actionTypes().stream()
                    .filter(t -> t.code().equals("STAGES_3E")).findFirst().orElseThrow();
            engagements.save(new Engagement(RecordMeta.fresh(), saved.id(), stages.id(), "Stages", Set.of(), null,
                    2026, 2026, EngagementStatus.PLANNED,
                    List.of(new Target(stages.indicatorIds().getFirst(), 2026, new BigDecimal("12")))));
        }
        return conventions.changeStatus(saved, ConventionStatus.READY_TO_SIGN);
    }

    private Ceremony ceremony(String title, LocalDate day) {
        return ceremonies.save(new Ceremony(RecordMeta.fresh(), title, day, LocalTime.of(10, 30),
                "Préfecture du Doubs, salons", "Préfet du Doubs", "Grand Besançon Métropole", "", "", null,
                List.of(), List.of()));
    }

    private static UUID item(List<CeremonyItem> items, Convention c) {
        return items.stream().filter(i -> i.conventionId().equals(c.id())).findFirst().orElseThrow().id();
    }

    private void all(Ceremony c, Convention convention, Attendance attendance) {
        CeremonyItem item = ceremonies.items(c.id()).stream().filter(i -> i.conventionId().equals(convention.id()))
                .findFirst().orElseThrow();
        ceremonies.setAttendance(c.id(), item.signatories(), attendance);
    }

    private ConventionStatus status(Convention c) {
        return conventions.get(c.id()).orElseThrow().status();
    }

    @Test
    void aNewCeremonyStartsWithTheDefaultChecklistDueBeforeItsDay() {
        Ceremony c = ceremony("Signature des conventions 2026", DAY);
        assertThat(c.tasks()).hasSize(8);
        assertThat(c.tasks().getFirst().label()).isEqualTo("Date et lieu arrêtés avec le cabinet du préfet");
        assertThat(c.tasks().getFirst().dueDate()).isEqualTo(DAY.minusDays(60));
        assertThat(c.tasks()).noneMatch(t -> t.done());
        assertThat(c.meta().version()).isEqualTo(1);
    }

    @Test
    void theDefaultChecklistIsEditedForTheNextCeremoniesOnly() {
        Ceremony before = ceremony("Avant", DAY);
        List<TaskTemplate> templates = ceremonies.templates();
        List<TaskTemplate> edited = new java.util.ArrayList<>(templates.subList(0, 2));
        edited.add(new TaskTemplate(RecordMeta.fresh(), "Photographe réservé", "Service communication", 20));
        ceremonies.saveTemplates(templates, edited);
        assertThat(ceremonies.templates()).extracting(TaskTemplate::label).containsExactly(
                templates.get(0).label(), templates.get(1).label(), "Photographe réservé");
        assertThat(ceremonies.templates().getFirst().meta()).isEqualTo(templates.getFirst().meta());
        Ceremony after = ceremony("Après", DAY);
        assertThat(after.tasks()).extracting(t -> t.label()).containsExactly(templates.get(0).label(),
                templates.get(1).label(), "Photographe réservé");
        assertThat(ceremonies.get(before.id()).orElseThrow().tasks()).hasSize(8);
        assertThatThrownBy(() -> ceremonies.saveTemplates(ceremonies.templates(),
                List.of(new TaskTemplate(RecordMeta.fresh(), " ", "", -3))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aCeremonyNeedsATitleAndADay() {
        assertThatThrownBy(() -> ceremonies.save(new Ceremony(RecordMeta.fresh(), " ", null, null, "", "", "", "", "",
                null, List.of(), List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues()).containsOnlyKeys(
                        "ceremonyTitle", "ceremonyDate"));
        assertThat(ceremonies.list()).isEmpty();
    }

    @Test
    void conventionsAreAddedInSigningOrderAllOrNone() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(doubs.id(), vauban.id()));
        Organisation other = organisations.save(company("Imprimerie Vesontio", ""));
        Convention notReady = conventions.save(draft(other.id()));
        assertThatThrownBy(() -> ceremonies.add(c.id(), List.of(comtoise.id(), notReady.id())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ceremony.add.notReady");
                    assertThat(e.args().getFirst()).isEqualTo(notReady.reference());
                });
        // the valid one of the refused batch was not added either
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId)
                .containsExactly(doubs.id(), vauban.id());
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::position).containsExactly(1, 2);
        // adding one already there changes nothing
        ceremonies.add(c.id(), List.of(vauban.id(), comtoise.id()));
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId)
                .containsExactly(doubs.id(), vauban.id(), comtoise.id());
    }

    @Test
    void aConventionCannotBeInTwoOpenCeremonies() {
        Ceremony first = ceremony("Première", DAY);
        Ceremony second = ceremony("Seconde", DAY.plusMonths(2));
        ceremonies.add(first.id(), List.of(vauban.id()));
        assertThat(ceremonies.candidates()).extracting(c -> c.id()).containsExactlyInAnyOrder(doubs.id(), comtoise.id());
        assertThat(ceremonies.readyElsewhere(second.id())).isEqualTo(1);
        assertThatThrownBy(() -> ceremonies.add(second.id(), List.of(vauban.id())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ceremony.add.elsewhere");
                    assertThat(e.args()).containsExactly(vauban.reference(), "Première", DAY);
                });
        assertThat(ceremonies.items(second.id())).isEmpty();
    }

    @Test
    void warningsSayWhatMaySpoilTheSignature() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id(), comtoise.id()));
        List<CeremonyItem> items = ceremonies.items(c.id());
        assertThat(items.get(0).warnings()).containsExactly(CeremonyWarning.NO_CONFIRMED_COMPANY_SIGNATORY);
        assertThat(items.get(1).warnings()).containsExactly(CeremonyWarning.NO_CONFIRMED_COMPANY_SIGNATORY,
                CeremonyWarning.SIGNATORY_WITHOUT_TITLE, CeremonyWarning.NO_ENGAGEMENT);
        all(c, vauban, Attendance.CONFIRMED);
        assertThat(ceremonies.items(c.id()).getFirst().warnings()).isEmpty();
        assertThat(ceremonies.items(c.id()).getFirst().signatories()).extracting(CeremonySignatory::attendance)
                .containsOnly(Attendance.CONFIRMED);
        // the convention going back to negotiation is flagged too
        conventions.changeStatus(conventions.get(vauban.id()).orElseThrow(), ConventionStatus.NEGOTIATION);
        assertThat(ceremonies.items(c.id()).getFirst().warnings()).containsExactly(CeremonyWarning.NOT_READY);
    }

    @Test
    void reorderingChangesTheSigningOrder() {
        Ceremony c = ceremony("Cérémonie", DAY);
        List<CeremonyItem> items = ceremonies.add(c.id(), List.of(vauban.id(), doubs.id(), comtoise.id()));
        ceremonies.reorder(c.id(), List.of(items.get(2), items.get(0), items.get(1)));
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId)
                .containsExactly(comtoise.id(), vauban.id(), doubs.id());
        assertThatThrownBy(() -> ceremonies.reorder(c.id(), List.of(items.get(0))))
                .isInstanceOf(fr.ancrage.domain.StaleRecordException.class);
    }

    @Test
    void closingSignsOnTheCeremonysDayTheConventionsWhoseSignatoriesAllCame() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id(), doubs.id(), comtoise.id()));
        all(c, vauban, Attendance.PRESENT);
        all(c, comtoise, Attendance.PRESENT);
        // at Doubs Express the prefect came, the company's head sent word he could not
        CeremonyItem doubsItem = ceremonies.items(c.id()).get(1);
        ceremonies.setAttendance(c.id(), List.of(doubsItem.signatories().get(0)), Attendance.PRESENT);
        ceremonies.setAttendance(c.id(), List.of(doubsItem.signatories().get(1)), Attendance.DECLINED);

        CeremonyClosing closing = ceremonies.close(c.id());

        assertThat(closing.alreadyClosed()).isFalse();
        assertThat(closing.signed()).extracting(CeremonyItem::conventionId).containsExactly(vauban.id(), comtoise.id());
        assertThat(closing.notSigned()).extracting(CeremonyItem::conventionId).containsExactly(doubs.id());
        assertThat(closing.ceremony().closedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        for (Convention signed : List.of(vauban, comtoise)) {
            Convention now = conventions.get(signed.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(ConventionStatus.SIGNED);
            assertThat(now.signatureDate()).isEqualTo(DAY);
        }
        assertThat(status(doubs)).isEqualTo(ConventionStatus.READY_TO_SIGN);
        assertThat(conventions.get(doubs.id()).orElseThrow().signatureDate()).isNull();
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::signed).containsExactly(true, false, true);
        // Doubs Express may go to the next ceremony
        assertThat(ceremonies.candidates()).extracting(i -> i.id()).containsExactly(doubs.id());
        assertThat(ceremonies.list().getFirst().signed()).isEqualTo(2);
    }

    @Test
    void closingTwiceChangesNothing() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id()));
        all(c, vauban, Attendance.PRESENT);
        ceremonies.close(c.id());
        Convention signed = conventions.get(vauban.id()).orElseThrow();
        Ceremony closed = ceremonies.get(c.id()).orElseThrow();

        CeremonyClosing again = ceremonies.close(c.id());

        assertThat(again.alreadyClosed()).isTrue();
        assertThat(again.signed()).extracting(CeremonyItem::conventionId).containsExactly(vauban.id());
        assertThat(conventions.get(vauban.id()).orElseThrow().meta()).isEqualTo(signed.meta());
        assertThat(ceremonies.get(c.id()).orElseThrow().meta()).isEqualTo(closed.meta());
    }

    @Test
    void aClosedCeremonyTakesNoMoreConventionsNorAttendance() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id()));
        ceremonies.close(c.id());
        CeremonyItem item = ceremonies.items(c.id()).getFirst();
        assertThatThrownBy(() -> ceremonies.add(c.id(), List.of(doubs.id())))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.closed");
        assertThatThrownBy(() -> ceremonies.setAttendance(c.id(), List.of(item.signatories().getFirst()),
                Attendance.PRESENT)).hasFieldOrPropertyWithValue("messageKey", "ceremony.closed");
        assertThatThrownBy(() -> ceremonies.remove(item)).hasFieldOrPropertyWithValue("messageKey", "ceremony.closed");
        // saving its notes does not reopen it
        Ceremony closed = ceremonies.get(c.id()).orElseThrow();
        Ceremony noted = ceremonies.save(new Ceremony(closed.meta(), closed.title(), closed.date(), closed.startTime(),
                closed.place(), closed.host(), closed.partners(), "Article dans L’Est Républicain", closed.notes(),
                null, closed.programme(), closed.tasks()));
        assertThat(noted.closed()).isTrue();
        assertThat(noted.press()).isEqualTo("Article dans L’Est Républicain");
    }

    @Test
    void aCeremonyIsNotClosedBeforeItsDay() {
        Ceremony c = ceremony("Cérémonie", LocalDate.of(2026, 4, 2));
        ceremonies.add(c.id(), List.of(vauban.id()));
        all(c, vauban, Attendance.PRESENT);
        assertThatThrownBy(() -> ceremonies.close(c.id()))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.close.future");
        assertThat(status(vauban)).isEqualTo(ConventionStatus.READY_TO_SIGN);
        assertThat(ceremonies.get(c.id()).orElseThrow().closed()).isFalse();
    }

    @Test
    void closingIsOneTransaction() {
        // a convention that would end before the ceremony's day cannot be signed on it
        Organisation late = organisations.save(company("Menuiserie Battant", ""));
        Convention d = draft(late.id());
        Convention ending = conventions.changeStatus(conventions.save(new Convention(d.meta(), "", d.title(),
                d.companyId(), d.framework(), d.departmentCode(), d.epciSiren(), d.stateReferent(),
                ConventionStatus.NEGOTIATION, null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1), Set.of(),
                List.of(new Signatory(RecordMeta.fresh(), 0, SignatoryRole.COMPANY, "Paul Roy", "Gérant", late.id(),
                        null)), "")), ConventionStatus.READY_TO_SIGN);
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id(), ending.id()));
        all(c, vauban, Attendance.PRESENT);
        all(c, ending, Attendance.PRESENT);

        assertThatThrownBy(() -> ceremonies.close(c.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ceremony.close.invalid");
                    assertThat(e.args().getFirst()).isEqualTo(ending.reference());
                });
        // Vauban, signed before the failure in the same transaction, is not signed either
        assertThat(status(vauban)).isEqualTo(ConventionStatus.READY_TO_SIGN);
        assertThat(ceremonies.items(c.id())).noneMatch(CeremonyItem::signed);
        assertThat(ceremonies.get(c.id()).orElseThrow().closed()).isFalse();
    }

    @Test
    void aPastCeremonyIsReopenedOnlyOnceConfirmedAndItsSignaturesAreUndone() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id(), doubs.id()));
        all(c, vauban, Attendance.PRESENT);
        all(c, doubs, Attendance.PRESENT);
        ceremonies.close(c.id());
        // Doubs Express started since: its convention is active
        Convention active = conventions.get(doubs.id()).orElseThrow();
        conventions.changeStatus(active, ConventionStatus.ACTIVE);

        assertThatThrownBy(() -> ceremonies.reopen(c.id(), false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ceremony.reopen.confirm");
                    assertThat(e.args()).containsExactly(DAY);
                });
        assertThat(ceremonies.get(c.id()).orElseThrow().closed()).isTrue();

        CeremonyReopening reopening = ceremonies.reopen(c.id(), true);

        assertThat(reopening.ceremony().closed()).isFalse();
        assertThat(reopening.unsigned()).extracting(CeremonyItem::conventionId).containsExactly(vauban.id());
        assertThat(reopening.kept()).extracting(CeremonyItem::conventionId).containsExactly(doubs.id());
        Convention back = conventions.get(vauban.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(ConventionStatus.READY_TO_SIGN);
        assertThat(back.signatureDate()).isNull();
        assertThat(status(doubs)).isEqualTo(ConventionStatus.ACTIVE);
        // the attendance is still there: closing again signs Vauban again
        CeremonyClosing again = ceremonies.close(c.id());
        assertThat(again.signed()).extracting(CeremonyItem::conventionId).containsExactly(vauban.id());
    }

    @Test
    void aCeremonyOfTodayIsReopenedWithoutConfirmation() {
        Ceremony c = ceremony("Cérémonie", LocalDate.of(2026, 3, 20));
        ceremonies.add(c.id(), List.of(vauban.id()));
        ceremonies.close(c.id());
        assertThat(ceremonies.reopen(c.id(), false).ceremony().closed()).isFalse();
        // reopening an open ceremony changes nothing
        Ceremony open = ceremonies.get(c.id()).orElseThrow();
        assertThat(ceremonies.reopen(c.id(), false).ceremony().meta()).isEqualTo(open.meta());
    }

    @Test
    void aCeremonyIsNotReopenedWhenOneOfItsUnsignedConventionsWentToAnother() {
        Ceremony c = ceremony("Mars", DAY);
        ceremonies.add(c.id(), List.of(doubs.id()));
        ceremonies.close(c.id());
        Ceremony next = ceremony("Juin", DAY.plusMonths(3));
        ceremonies.add(next.id(), List.of(doubs.id()));
        assertThatThrownBy(() -> ceremonies.reopen(c.id(), true))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.reopen.elsewhere");
        assertThat(ceremonies.get(c.id()).orElseThrow().closed()).isTrue();
    }

    @Test
    void aCeremonyThatSignedConventionsIsNotDeleted() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id()));
        all(c, vauban, Attendance.PRESENT);
        ceremonies.close(c.id());
        Ceremony closed = ceremonies.get(c.id()).orElseThrow();
        assertThatThrownBy(() -> ceremonies.delete(closed))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.delete.signed");
        Ceremony other = ceremony("Annulée", DAY.plusMonths(1));
        ceremonies.add(other.id(), List.of(doubs.id()));
        ceremonies.delete(ceremonies.get(other.id()).orElseThrow());
        assertThat(ceremonies.list()).extracting(l -> l.title()).containsExactly("Cérémonie");
        assertThat(ceremonies.candidates()).extracting(i -> i.id()).contains(doubs.id());
    }

    @Test
    void programmeAndTasksAreKeptInOrderAndOnlyChangedLinesGetANewVersion() {
        Ceremony c = ceremony("Cérémonie", DAY);
        var programme = List.of(
                new fr.ancrage.domain.ProgrammeItem(RecordMeta.fresh(), LocalTime.of(10, 30), "Préfet du Doubs", "",
                        "Accueil"),
                new fr.ancrage.domain.ProgrammeItem(RecordMeta.fresh(), LocalTime.of(10, 45), "Anne Vignot",
                        "Présidente de Grand Besançon Métropole", "Les entreprises et les quartiers"));
        Ceremony saved = ceremonies.save(new Ceremony(c.meta(), c.title(), c.date(), c.startTime(), c.place(),
                c.host(), c.partners(), c.press(), c.notes(), null, programme,
                List.of(c.tasks().get(1).withDone(true), c.tasks().get(0))));
        assertThat(saved.programme()).extracting(p -> p.subject()).containsExactly("Accueil",
                "Les entreprises et les quartiers");
        assertThat(saved.tasks()).hasSize(2);
        assertThat(saved.tasks().get(0).done()).isTrue();
        assertThat(saved.tasks().get(0).meta().version()).isEqualTo(2);
        assertThat(saved.tasks().get(1).meta().id()).isEqualTo(c.tasks().get(0).meta().id());
        assertThat(saved.programme().getFirst().meta().version()).isEqualTo(1);
        Ceremony again = ceremonies.save(saved);
        assertThat(again.programme()).extracting(p -> p.meta()).containsExactlyElementsOf(
                saved.programme().stream().map(p -> p.meta()).toList());
        assertThatThrownBy(() -> ceremonies.save(c)).isInstanceOf(fr.ancrage.domain.StaleRecordException.class);
    }
    @Test
    void reopeningNeverPutsAConventionInTwoOpenCeremonies() {
        // Doubs Express is not signed in March, goes to June and is signed there
        Ceremony march = ceremony("Mars", DAY);
        ceremonies.add(march.id(), List.of(doubs.id()));
        ceremonies.close(march.id());
        Ceremony june = ceremony("Juin", LocalDate.of(2026, 3, 19));
        ceremonies.add(june.id(), List.of(doubs.id()));
        all(june, doubs, Attendance.PRESENT);
        ceremonies.close(june.id());
        ceremonies.reopen(march.id(), true);
        // reopening June would set Doubs Express back to « prête à signer » in two open ceremonies
        assertThatThrownBy(() -> ceremonies.reopen(june.id(), true))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ceremony.reopen.elsewhere");
                    assertThat(e.args()).containsExactly(doubs.reference(), "Mars", DAY);
                });
        assertThat(ceremonies.get(june.id()).orElseThrow().closed()).isTrue();
        assertThat(status(doubs)).isEqualTo(ConventionStatus.SIGNED);
    }

    @Test
    void theDateOfAClosedCeremonyStays() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id()));
        all(c, vauban, Attendance.PRESENT);
        ceremonies.close(c.id());
        Ceremony closed = ceremonies.get(c.id()).orElseThrow();
        assertThatThrownBy(() -> ceremonies.save(new Ceremony(closed.meta(), closed.title(), DAY.minusDays(1),
                closed.startTime(), closed.place(), closed.host(), closed.partners(), closed.press(), closed.notes(),
                closed.closedOn(), closed.programme(), closed.tasks())))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.closed.date");
        assertThat(ceremonies.get(c.id()).orElseThrow().date()).isEqualTo(DAY);
        // reopened, its date may be corrected again
        ceremonies.reopen(c.id(), true);
        Ceremony open = ceremonies.get(c.id()).orElseThrow();
        assertThat(ceremonies.save(new Ceremony(open.meta(), open.title(), DAY.minusDays(1), open.startTime(),
                open.place(), open.host(), open.partners(), open.press(), open.notes(), null, open.programme(),
                open.tasks())).date()).isEqualTo(DAY.minusDays(1));
    }

    @Test
    void aReopenedCeremonyKeepsTheSignaturesThatStayed() {
        Ceremony c = ceremony("Cérémonie", DAY);
        ceremonies.add(c.id(), List.of(vauban.id(), doubs.id()));
        all(c, vauban, Attendance.PRESENT);
        ceremonies.close(c.id());
        conventions.changeStatus(conventions.get(vauban.id()).orElseThrow(), ConventionStatus.ACTIVE);
        ceremonies.reopen(c.id(), true);
        CeremonyItem kept = ceremonies.items(c.id()).getFirst();
        assertThat(kept.signed()).isTrue();
        assertThatThrownBy(() -> ceremonies.remove(kept))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.remove.signed");
        assertThatThrownBy(() -> ceremonies.delete(ceremonies.get(c.id()).orElseThrow()))
                .hasFieldOrPropertyWithValue("messageKey", "ceremony.delete.signed");
        // the unsigned one may still go
        ceremonies.remove(ceremonies.items(c.id()).get(1));
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId).containsExactly(vauban.id());
    }

    @Test
    void aNewCeremonyKeepsTheTasksAddedBeforeItWasSaved() {
        Ceremony c = ceremonies.save(new Ceremony(RecordMeta.fresh(), "Avec photographe", DAY, null, "", "", "", "",
                "", null, List.of(), List.of(new fr.ancrage.domain.CeremonyTask(RecordMeta.fresh(),
                "Photographe réservé", "Service communication", DAY.minusDays(20), false))));
        assertThat(c.tasks()).hasSize(9);
        assertThat(c.tasks().getLast().label()).isEqualTo("Photographe réservé");
    }
}
