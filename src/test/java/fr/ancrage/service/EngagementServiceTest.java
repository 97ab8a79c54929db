package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.service.ServiceFixtures.company;
import static fr.ancrage.service.ServiceFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngagementServiceTest {

    private Database db;
    private EngagementService engagements;
    private CatalogueService catalogueService;
    private ConventionService conventions;
    private OrganisationService organisations;
    private Convention convention;
    private Catalogue catalogue;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        Store store = new Store(db.dsl());
        conventions = new ConventionService(store, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        organisations = new OrganisationService(store);
        engagements = new EngagementService(store);
        catalogueService = new CatalogueService(store);
        Organisation company = organisations.save(company("Horlogerie Vauban", ""));
        Convention d = draft(company.id());
        convention = conventions.save(new Convention(d.meta(), "", d.title(), d.companyId(), d.framework(),
                d.departmentCode(), d.epciSiren(), d.stateReferent(), ConventionStatus.DRAFT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(), List.of(), ""));
        catalogue = catalogueService.catalogue();
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private ActionType type(String code) {
        return catalogue.actionTypes().stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow();
    }

    private Indicator indicator(String code) {
        return catalogue.indicators().stream().filter(i -> code.equals(i.code())).findFirst().orElseThrow();
    }

    private Engagement engagement(String typeCode, int first, int last, List<Target> targets) {
        return new Engagement(RecordMeta.fresh(), convention.id(), type(typeCode).id(), "Test", Set.of(), null, first,
                last, EngagementStatus.PLANNED, targets);
    }

    private static Target t(Indicator i, int year, String value) {
        return new Target(i.id(), year, new BigDecimal(value));
    }

    @Test
    void theSeededCatalogueHasTheSixCategoriesOfTheDomain() {
        assertThat(catalogue.categories()).extracting(c -> c.name()).containsExactly(
                "Éducation et orientation scolaire", "Emploi, insertion et formation", "Développement économique",
                "Soutien aux initiatives locales", "Mécénat de solidarité", "Développement de la RSE");
        assertThat(type("STAGES_3E").axis()).isEqualTo(PaqteAxis.AWARENESS);
        assertThat(type("INCLUSIVE_PURCHASING").axis()).isEqualTo(PaqteAxis.PURCHASING);
        assertThat(type("CASH_DONATIONS").axis()).isNull();
        assertThat(catalogue.formIndicators(type("STAGES_3E"))).extracting(Indicator::code)
                .containsExactly("STAGES_OFFERED", "STAGES_FILLED");
        assertThat(indicator("PURCHASES").unit()).isEqualTo(IndicatorUnit.EUROS);
        assertThat(indicator("LABEL").summable()).isFalse();
    }

    @Test
    void savesAnEngagementWithItsTargetsAndListsItWithItsCatalogueNames() {
        Indicator offered = indicator("STAGES_OFFERED");
        Engagement saved = engagements.save(engagement("STAGES_3E", 2026, 2027,
                List.of(t(offered, 2026, "10"), t(offered, 2027, "12"))));
        List<EngagementListItem> list = engagements.list(convention.id());
        assertThat(list).hasSize(1);
        assertThat(list.getFirst().categoryName()).isEqualTo("Éducation et orientation scolaire");
        assertThat(list.getFirst().axis()).isEqualTo(PaqteAxis.AWARENESS);
        assertThat(list.getFirst().engagement().target(offered.id(), 2027)).hasValueSatisfying(
                v -> assertThat(v.value()).isEqualByComparingTo("12"));
        assertThat(saved.meta().version()).isEqualTo(1);
    }

    @Test
    void badTargetsAndYearsAreRefusedAtTheirField() {
        Indicator offered = indicator("STAGES_OFFERED");
        assertThatThrownBy(() -> engagements.save(engagement("STAGES_3E", 2026, 2030,
                List.of(t(offered, 2026, "-1"), t(offered, 2027, "2.5")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues()).containsOnlyKeys(
                        EngagementRules.YEARS, EngagementRules.targetField(offered.id(), 2026),
                        EngagementRules.targetField(offered.id(), 2027)));
        Indicator purchases = indicator("PURCHASES");
        assertThatThrownBy(() -> engagements.save(engagement("STAGES_3E", 2026, 2026,
                List.of(t(purchases, 2026, "1")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .containsKey(EngagementRules.targetField(purchases.id(), 2026)));
        assertThat(engagements.list(convention.id())).isEmpty();
    }

    @Test
    void aQpvTheConventionDoesNotTargetIsRefused() {
        Engagement e = engagement("HIRING", 2026, 2026, List.of());
        Engagement withQpv = new Engagement(e.meta(), e.conventionId(), e.actionTypeId(), "", Set.of(UUID.randomUUID()),
                null, 2026, 2026, EngagementStatus.PLANNED, List.of());
        assertThatThrownBy(() -> engagements.save(withQpv)).isInstanceOfSatisfying(ValidationException.class,
                ex -> assertThat(ex.issues()).containsOnlyKeys(EngagementRules.QPVS));
    }

    @Test
    void aDeactivatedActionTypeIsRefusedOnANewEngagementButOldOnesStayEditable() {
        Engagement old = engagements.save(engagement("JOB_DATING", 2026, 2026, List.of()));
        catalogueService.save(type("JOB_DATING").withActive(false));
        catalogue = catalogueService.catalogue();
        assertThatThrownBy(() -> engagements.save(engagement("JOB_DATING", 2027, 2027, List.of())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.issues()).containsOnlyKeys(EngagementRules.ACTION_TYPE));
        Engagement edited = engagements.save(new Engagement(old.meta(), old.conventionId(), old.actionTypeId(),
                "Job dating annuel", Set.of(), null, 2026, 2026, EngagementStatus.DONE, List.of()));
        assertThat(edited.description()).isEqualTo("Job dating annuel");
        assertThatThrownBy(() -> catalogueService.deleteActionType(type("JOB_DATING")))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aNewIndicatorOfAnActionTypeAppearsOnItsFormAndTakesTargets() {
        ActionType stages = type("STAGES_3E");
        ActionType updated = catalogueService.addIndicator(stages, new Indicator(RecordMeta.fresh(), stages.categoryId(),
                "", "Stages rémunérés", IndicatorUnit.COUNT, true, 0, true));
        catalogue = catalogueService.catalogue();
        Indicator added = catalogue.formIndicators(type("STAGES_3E")).getLast();
        assertThat(added.name()).isEqualTo("Stages rémunérés");
        assertThat(updated.indicatorIds()).hasSize(3);
        engagements.save(engagement("STAGES_3E", 2026, 2026, List.of(t(added, 2026, "4"))));
        assertThat(engagements.conventionTotals(convention.id()).byIndicator())
                .anySatisfy(total -> {
                    assertThat(total.indicatorName()).isEqualTo("Stages rémunérés");
                    assertThat(total.total()).isEqualByComparingTo("4");
                });
    }

    @Test
    void totalsAddUpTargetsByIndicatorAndByAxisLeavingAbandonedOnesOut() {
        Indicator hires = indicator("HIRES");
        Indicator apprentices = indicator("APPRENTICES");
        Indicator label = indicator("LABEL");
        engagements.save(engagement("HIRING", 2026, 2027, List.of(t(hires, 2026, "3"), t(hires, 2027, "4"))));
        engagements.save(engagement("JOB_DATING", 2026, 2026, List.of(t(hires, 2026, "5"))));
        engagements.save(engagement("APPRENTICESHIP", 2026, 2026, List.of(t(apprentices, 2026, "2"))));
        engagements.save(engagement("LABELS", 2027, 2027, List.of(t(label, 2027, "1"))));
        Engagement abandoned = engagement("HIRING", 2028, 2028, List.of(t(hires, 2028, "100")));
        engagements.save(new Engagement(abandoned.meta(), abandoned.conventionId(), abandoned.actionTypeId(), "",
                Set.of(), null, 2028, 2028, EngagementStatus.ABANDONED, abandoned.targets()));

        EngagementService.Totals totals = engagements.conventionTotals(convention.id());
        assertThat(totals.byIndicator()).extracting(IndicatorTotal::indicatorName, x -> x.total().intValue(),
                IndicatorTotal::engagements).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Embauches de résidents des QPV", 12, 2),
                org.assertj.core.groups.Tuple.tuple("Apprentis et alternants", 2, 1),
                org.assertj.core.groups.Tuple.tuple("Label ou charte obtenu", 1, 1));
        assertThat(totals.byAxis()).extracting(IndicatorTotal::axis, IndicatorTotal::indicatorName,
                x -> x.total().intValue()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PaqteAxis.TRAINING, "Apprentis et alternants", 2),
                org.assertj.core.groups.Tuple.tuple(PaqteAxis.RECRUITMENT, "Embauches de résidents des QPV", 12),
                org.assertj.core.groups.Tuple.tuple(PaqteAxis.RECRUITMENT, "Label ou charte obtenu", 1));
        assertThat(engagements.companyTotals(convention.companyId()).byIndicator()).hasSize(3);
    }

    @Test
    void duplicatingToNextYearCopiesTheLastYearTargetsAndStopsAtTheConventionEnd() {
        Indicator hires = indicator("HIRES");
        Engagement first = engagements.save(engagement("HIRING", 2026, 2027,
                List.of(t(hires, 2026, "3"), t(hires, 2027, "4"))));
        Engagement copy = engagements.duplicateToNextYear(first);
        assertThat(copy.firstYear()).isEqualTo(2028);
        assertThat(copy.targets()).extracting(Target::year, x -> x.value().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2028, 4));
        assertThat(copy.status()).isEqualTo(EngagementStatus.PLANNED);
        assertThatThrownBy(() -> engagements.duplicateToNextYear(copy)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.issues()).containsKey(EngagementRules.YEARS));
    }

    @Test
    void counterpartsComeFromPartnersAndMayPointAtAnEngagement() {
        Organisation franceTravail = organisations.save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE, "France Travail Besançon", "", "", "", null, "", "", "",
                false, false, Set.of(), ""));
        Engagement hiring = engagements.save(engagement("HIRING", 2026, 2026, List.of()));
        Counterpart saved = engagements.save(new Counterpart(RecordMeta.fresh(), convention.id(), franceTravail.id(),
                hiring.id(), "Présélection des candidats"));
        assertThat(engagements.counterparts(convention.id())).extracting(Counterpart::id, Counterpart::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(saved.id(), "Présélection des candidats"));
        assertThatThrownBy(() -> engagements.save(new Counterpart(RecordMeta.fresh(), convention.id(),
                convention.companyId(), null, "Rien"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> organisations.delete(franceTravail)).isInstanceOfSatisfying(
                RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("organisation.delete.isPartner"));
        engagements.delete(engagements.list(convention.id()).getFirst().engagement());
        assertThat(engagements.counterparts(convention.id()).getFirst().engagementId()).isNull();
    }

    @Test
    void realisedValuesFollowTheUnitRulesAndTheEngagementYearsAndShowTheirGap() {
        Indicator hires = indicator("HIRES");
        Engagement hiring = engagements.save(engagement("HIRING", 2026, 2027,
                List.of(t(hires, 2026, "3"), t(hires, 2027, "4"))));
        fr.ancrage.domain.RealisedValue five = new fr.ancrage.domain.RealisedValue(RecordMeta.fresh(), hiring.id(),
                hires.id(), 2026, new BigDecimal("5"), fr.ancrage.domain.ResultSource.COMPANY_REPORT,
                LocalDate.of(2027, 2, 1), "Rapport annuel");
        engagements.saveResult(five);
        var bilan = engagements.bilan(convention.id());
        var line2026 = bilan.stream().filter(l -> l.indicator().id().equals(hires.id()) && l.year() == 2026)
                .findFirst().orElseThrow();
        assertThat(line2026.target()).isEqualByComparingTo("3");
        assertThat(line2026.result().value()).isEqualByComparingTo("5");
        assertThat(line2026.gap()).isEqualByComparingTo("2");
        assertThat(bilan).filteredOn(l -> l.indicator().id().equals(hires.id()) && l.year() == 2027)
                .singleElement().satisfies(l -> assertThat(l.result()).isNull());

        var half = new fr.ancrage.domain.RealisedValue(RecordMeta.fresh(), hiring.id(), hires.id(), 2027,
                new BigDecimal("2.5"), fr.ancrage.domain.ResultSource.PARTNER, null, "");
        assertThatThrownBy(() -> engagements.saveResult(half)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues().get(EngagementRules.RESULT_VALUE)).extracting(i -> i.messageKey())
                        .containsExactly("validation.target.whole"));
        var outside = new fr.ancrage.domain.RealisedValue(RecordMeta.fresh(), hiring.id(), hires.id(), 2028,
                BigDecimal.ONE, fr.ancrage.domain.ResultSource.PARTNER, null, "");
        assertThatThrownBy(() -> engagements.saveResult(outside)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues().get(EngagementRules.RESULT_VALUE)).extracting(i -> i.messageKey())
                        .containsExactly("validation.result.yearOutside"));
    }

    @Test
    void anAbandonedEngagementTakesNoRealisedValue() {
        Indicator hires = indicator("HIRES");
        Engagement e = engagement("HIRING", 2026, 2026, List.of());
        Engagement abandoned = engagements.save(new Engagement(e.meta(), e.conventionId(), e.actionTypeId(), "",
                Set.of(), null, 2026, 2026, EngagementStatus.ABANDONED, List.of()));
        var value = new fr.ancrage.domain.RealisedValue(RecordMeta.fresh(), abandoned.id(), hires.id(), 2026,
                BigDecimal.ONE, fr.ancrage.domain.ResultSource.DELEGATE_VISIT, null, "");
        assertThatThrownBy(() -> engagements.saveResult(value)).isInstanceOfSatisfying(ValidationException.class,
                ex -> assertThat(ex.issues().get(EngagementRules.RESULT_VALUE)).extracting(i -> i.messageKey())
                        .contains("validation.result.abandoned"));
        assertThat(engagements.bilan(convention.id())).allSatisfy(l -> assertThat(l.reportable()).isFalse());
    }

    /** Issue 15, defect 8: « dont emplois francs » above the hires of the same year is refused at its field. */
    @Test
    void aPartNeverExceedsItsWhole() {
        Indicator hires = indicator("HIRES");
        Indicator francs = indicator("EMPLOIS_FRANCS");
        assertThatThrownBy(() -> engagements.save(engagement("HIRING", 2026, 2027,
                List.of(t(hires, 2026, "3"), t(francs, 2026, "5"), t(hires, 2027, "4"), t(francs, 2027, "4")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .containsOnlyKeys(EngagementRules.targetField(francs.id(), 2026)));
        assertThat(engagements.list(convention.id())).isEmpty();
        engagements.save(engagement("HIRING", 2026, 2026, List.of(t(hires, 2026, "3"), t(francs, 2026, "3"))));
        assertThat(engagements.list(convention.id())).hasSize(1);
    }
}
