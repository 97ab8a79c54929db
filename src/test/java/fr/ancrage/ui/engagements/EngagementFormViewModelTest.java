package fr.ancrage.ui.engagements;

import fr.ancrage.ui.main.UiHarness;
import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CatalogueService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementFormViewModelTest {

    private Database db;
    private Catalogue catalogue;
    private Convention convention;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        catalogue = new CatalogueService(new Store(db.dsl())).catalogue();
        convention = new Convention(RecordMeta.fresh(), "25-2026-001", "", UUID.randomUUID(), Framework.PAQTE, "25", "",
                "", ConventionStatus.DRAFT, null, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(),
                List.of(), "");
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private EngagementCategory category(String code) {
        return catalogue.categories().stream().filter(c -> code.equals(c.code())).findFirst().orElseThrow();
    }

    @Test
    void offersTheCategoryActionTypesAndAsksForTheIndicatorsOfTheChosenOne() {
        var form = new EngagementFormViewModel(catalogue, convention, category("ECONOMY"), null, null, UiHarness.CLOCK);
        assertThat(form.actionTypeChoices()).extracting(ActionType::code)
                .containsExactly("INCLUSIVE_PURCHASING", "SETTLING", "ENTREPRENEUR_SUPPORT");
        assertThat(form.yearChoices()).containsExactly(2026, 2027, 2028);
        form.actionTypeProperty().set(form.actionTypeChoices().get(2));
        assertThat(form.indicators()).extracting(Indicator::code).containsExactly("ENTREPRENEURS", "JOBS_CREATED");
        assertThat(form.years()).containsExactly(2026, 2027, 2028);
    }

    @Test
    void unreadableAndFractionalCountsAreFlaggedPerCellAndTheRestIsKept() {
        var form = new EngagementFormViewModel(catalogue, convention, category("EMPLOYMENT"), null, null, UiHarness.CLOCK);
        ActionType hiring = form.actionTypeChoices().getFirst();
        form.actionTypeProperty().set(hiring);
        Indicator hires = form.indicators().getFirst();
        form.text(hires.id(), 2026).set("abc");
        form.text(hires.id(), 2027).set("2,5");
        form.text(hires.id(), 2028).set("4");
        assertThat(form.validate()).isFalse();
        assertThat(form.issues(EngagementRules.targetField(hires.id(), 2026)).get()).extracting(i -> i.messageKey())
                .containsExactly("validation.target.notANumber");
        assertThat(form.issues(EngagementRules.targetField(hires.id(), 2027)).get()).extracting(i -> i.messageKey())
                .containsExactly("validation.target.whole");
        assertThat(form.targetMessages().get()).hasSize(2);
        form.text(hires.id(), 2026).set("3");
        form.text(hires.id(), 2027).set("");
        assertThat(form.validate()).isTrue();
        assertThat(form.toEngagement().targets()).extracting(t -> t.year()).containsExactlyInAnyOrder(2026, 2028);
    }

    @Test
    void aDeactivatedActionTypeIsNotOfferedForANewEngagement() {
        ActionType jobDating = catalogue.actionTypes().stream().filter(t -> "JOB_DATING".equals(t.code())).findFirst()
                .orElseThrow();
        List<ActionType> types = catalogue.actionTypes().stream().map(t -> t == jobDating ? t.withActive(false) : t)
                .toList();
        Catalogue changed = new Catalogue(catalogue.categories(), types, catalogue.indicators());
        var form = new EngagementFormViewModel(changed, convention, category("EMPLOYMENT"), null, null, UiHarness.CLOCK);
        assertThat(form.actionTypeChoices()).extracting(ActionType::code).doesNotContain("JOB_DATING");
    }
}
