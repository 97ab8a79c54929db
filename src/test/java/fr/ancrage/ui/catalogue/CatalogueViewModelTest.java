package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.ReferenceDataImporter;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.ui.catalogue.CatalogueEntry.CategoryEntry;
import fr.ancrage.ui.catalogue.CatalogueEntry.TypeEntry;
import fr.ancrage.ui.catalogue.CatalogueViewModel.IndicatorRow;
import fr.ancrage.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static fr.ancrage.ui.catalogue.CatalogueFixtures.indicator;
import static fr.ancrage.ui.catalogue.CatalogueFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogueViewModelTest {

    private Database db;
    private Store store;
    private CatalogueService service;
    private CatalogueViewModel model;
    private CatalogueFormViewModel form;
    private final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        store = new Store(db.dsl());
        service = new CatalogueService(store);
        model = new CatalogueViewModel(service, new SyncTaskRunner());
        form = model.form();
        model.load(failures::add, () -> { });
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
        assertThat(failures).isEmpty();
    }

    private Catalogue stored() {
        return service.catalogue();
    }

    private void open(String typeCode) {
        model.open(new TypeEntry(type(model.catalogueProperty().get(), typeCode)));
    }

    private List<String> rowNames() {
        return model.rows().stream().map(r -> r.indicator().name()).toList();
    }

    @Test
    void listsTheSeededCategoriesAndActionTypesAndFiltersThemByName() {
        assertThat(model.branches()).hasSize(6);
        assertThat(model.branches().stream().mapToInt(b -> b.types().size()).sum()).isEqualTo(28);
        assertThat(model.branches().getFirst().types().getFirst().name())
                .isEqualTo("Stages de 3e pour les collégiens de REP et REP+");

        model.searchTextProperty().set("collegien");
        assertThat(model.branches()).singleElement().satisfies(b -> {
            assertThat(b.category().name()).isEqualTo("Éducation et orientation scolaire");
            assertThat(b.types()).extracting(ActionType::code).containsExactly("STAGES_3E");
        });
        // a category that matches comes with all its action types
        model.searchTextProperty().set("mécénat");
        assertThat(model.branches()).extracting(b -> b.types().size()).containsExactly(1, 4);
        model.searchTextProperty().set("");
        assertThat(model.branches()).hasSize(6);
    }

    @Test
    void opensAnActionTypeWithTheIndicatorsOfItsFormAndTheOnesThatCanBeAdded() {
        open("STAGES_3E");
        assertThat(form.kindProperty().get()).isEqualTo(CatalogueFormViewModel.Kind.ACTION_TYPE);
        assertThat(form.nameProperty().get()).isEqualTo("Stages de 3e pour les collégiens de REP et REP+");
        assertThat(form.axisProperty().get()).isEqualTo(PaqteAxis.AWARENESS);
        assertThat(form.dirtyProperty().get()).isFalse();
        assertThat(rowNames()).hasSize(2);
        assertThat(model.rows()).extracting(r -> r.indicator().code()).containsExactly("STAGES_OFFERED", "STAGES_FILLED");
        assertThat(model.addable()).extracting(Indicator::code).doesNotContain("STAGES_OFFERED", "STAGES_FILLED")
                .contains("PUPILS_REACHED");
    }

    @Test
    void savesTheNameTheAxisAndTheOrderOfTheForm() {
        open("STAGES_3E");
        Indicator pupils = indicator(stored(), "PUPILS_REACHED");
        Indicator filled = indicator(stored(), "STAGES_FILLED");
        form.nameProperty().set("Stages de troisième");
        form.axisProperty().set(null);
        form.move(filled.id(), -1);
        form.addIndicator(pupils.id());
        assertThat(form.dirtyProperty().get()).isTrue();
        assertThat(model.rows()).extracting(r -> r.indicator().code())
                .containsExactly("STAGES_FILLED", "STAGES_OFFERED", "PUPILS_REACHED");

        AtomicReference<CatalogueEntry> saved = new AtomicReference<>();
        model.save(saved::set, failures::add);

        ActionType type = type(stored(), "STAGES_3E");
        assertThat(saved.get().id()).isEqualTo(type.id());
        assertThat(type.name()).isEqualTo("Stages de troisième");
        assertThat(type.axis()).isNull();
        assertThat(stored().formIndicators(type)).extracting(Indicator::code)
                .containsExactly("STAGES_FILLED", "STAGES_OFFERED", "PUPILS_REACHED");
        assertThat(form.dirtyProperty().get()).isFalse();

        form.removeIndicator(pupils.id());
        model.save(saved::set, failures::add);
        assertThat(stored().formIndicators(type(stored(), "STAGES_3E"))).extracting(Indicator::code)
                .containsExactly("STAGES_FILLED", "STAGES_OFFERED");
    }

    @Test
    void aBlankOrTakenNameIsSaidAtTheFieldAsTheUserTypesAndNothingIsSaved() {
        open("STAGES_3E");
        form.nameProperty().set(" ");
        assertThat(form.nameIssues().get()).extracting(i -> i.messageKey())
                .containsExactly("validation.catalogue.name.required");
        form.nameProperty().set("interventions en classe");
        assertThat(form.nameIssues().get()).extracting(i -> i.messageKey())
                .containsExactly("validation.catalogue.name.taken");
        model.save(e -> { }, failures::add);
        assertThat(type(stored(), "STAGES_3E").name()).isEqualTo("Stages de 3e pour les collégiens de REP et REP+");
        // the same name in another category is fine
        form.nameProperty().set("Dons financiers");
        assertThat(form.nameIssues().get()).isEmpty();
    }

    @Test
    void aNewIndicatorJoinsTheStoredFormAtOnceAndKeepsTheUnsavedChanges() {
        open("STAGES_3E");
        form.nameProperty().set("Stages de 3e");
        Indicator draft = model.indicatorDraft().orElseThrow();
        Indicator paid = new Indicator(draft.meta(), draft.categoryId(), "", "Stages rémunérés", IndicatorUnit.COUNT,
                true, 0, true);
        List<String> done = new ArrayList<>();
        model.saveIndicator(paid, () -> done.add("saved"), failures::add);

        assertThat(done).containsExactly("saved");
        ActionType type = type(stored(), "STAGES_3E");
        assertThat(stored().formIndicators(type)).extracting(Indicator::name)
                .containsExactly("Stages de 3e proposés", "Stages de 3e pourvus", "Stages rémunérés");
        assertThat(rowNames()).last().isEqualTo("Stages rémunérés");
        assertThat(form.nameProperty().get()).isEqualTo("Stages de 3e");
        assertThat(form.dirtyProperty().get()).isTrue();

        // the form was not made stale by the indicator's addition
        model.save(e -> { }, failures::add);
        assertThat(type(stored(), "STAGES_3E").name()).isEqualTo("Stages de 3e");
        assertThat(stored().formIndicators(type(stored(), "STAGES_3E"))).hasSize(3);
    }

    @Test
    void aYesNoIndicatorIsRefusedWhenSaidToAddUp() {
        open("DIVERSITY_POLICY");
        Indicator draft = model.indicatorDraft().orElseThrow();
        List<Throwable> refused = new ArrayList<>();
        model.saveIndicator(new Indicator(draft.meta(), draft.categoryId(), "", "Charte signée", IndicatorUnit.YES_NO,
                true, 0, true), () -> { }, refused::add);
        assertThat(refused).singleElement().isInstanceOf(fr.ancrage.domain.ValidationException.class);
        assertThat(stored().indicators()).extracting(Indicator::name).doesNotContain("Charte signée");
    }

    @Test
    void deactivatesAnActionTypeThatStaysListedAndCanBeReactivated() {
        open("CLASS_TALKS");
        form.nameProperty().set("Interventions en classe (collèges)");
        model.toggleActive(() -> { }, failures::add);

        assertThat(type(stored(), "CLASS_TALKS").active()).isFalse();
        assertThat(form.activeProperty().get()).isFalse();
        assertThat(form.nameProperty().get()).isEqualTo("Interventions en classe (collèges)");
        assertThat(model.branches().getFirst().types()).extracting(ActionType::code).contains("CLASS_TALKS");
        assertThat(stored().activeActionTypesOf(type(stored(), "CLASS_TALKS").categoryId()))
                .extracting(ActionType::code).doesNotContain("CLASS_TALKS");

        model.toggleActive(() -> { }, failures::add);
        assertThat(type(stored(), "CLASS_TALKS").active()).isTrue();
        // the other change is still waiting for "Enregistrer", on top of the new version
        model.save(e -> { }, failures::add);
        assertThat(type(stored(), "CLASS_TALKS").name()).isEqualTo("Interventions en classe (collèges)");
    }

    @Test
    void aUsedActionTypeOrIndicatorIsNotDeletedButAnUnusedOneIs() {
        new ReferenceDataImporter(db.dsl()).importIfMissing(); // the convention needs its department
        Catalogue c = stored();
        CatalogueFixtures.engagementUsing(store, type(c, "STAGES_3E"), indicator(c, "STAGES_OFFERED"));
        model.load(failures::add, () -> { });

        open("STAGES_3E");
        assertThat(model.uses(form.originalProperty().get())).isEqualTo(1);
        assertThat(model.deletable(form.originalProperty().get())).isFalse();
        assertThat(model.rows()).extracting(IndicatorRow::uses).containsExactly(1, 0);
        List<Throwable> refused = new ArrayList<>();
        model.delete(() -> { }, refused::add);
        assertThat(refused).singleElement().isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalogue.delete.used"));
        model.deleteIndicator(model.rows().getFirst().indicator(), () -> { }, refused::add);
        assertThat(refused).hasSize(2);
        assertThat(stored().actionType(type(c, "STAGES_3E").id())).isPresent();

        // an unused indicator leaves every form
        model.deleteIndicator(model.rows().get(1).indicator(), () -> { }, failures::add);
        assertThat(stored().indicators()).extracting(Indicator::code).doesNotContain("STAGES_FILLED");
        assertThat(rowNames()).containsExactly("Stages de 3e proposés");

        open("COMPANY_VISITS");
        model.delete(() -> { }, failures::add);
        assertThat(stored().actionTypes()).extracting(ActionType::code).doesNotContain("COMPANY_VISITS");
        assertThat(form.kindProperty().get()).isNull();
    }

    @Test
    void createsAnActionTypeWithANewIndicatorInItsCategory() {
        var category = model.branches().get(3).category();
        model.newActionType(category.id());
        assertThat(form.isNew()).isTrue();
        form.nameProperty().set("Parrainage de clubs sportifs");
        form.axisProperty().set(PaqteAxis.AWARENESS);
        Indicator draft = model.indicatorDraft().orElseThrow();
        model.saveIndicator(new Indicator(draft.meta(), draft.categoryId(), "", "Clubs parrainés", IndicatorUnit.COUNT,
                true, 0, true), () -> { }, failures::add);
        assertThat(rowNames()).containsExactly("Clubs parrainés");
        form.addIndicator(indicator(stored(), "ASSOCIATIONS").id());
        model.save(e -> { }, failures::add);

        ActionType created = stored().actionTypesOf(category.id()).getLast();
        assertThat(created.name()).isEqualTo("Parrainage de clubs sportifs");
        assertThat(created.active()).isTrue();
        assertThat(stored().formIndicators(created)).extracting(Indicator::name)
                .containsExactly("Clubs parrainés", "Associations soutenues");
        assertThat(form.originalProperty().get().id()).isEqualTo(created.id());
    }

    @Test
    void createsAndDeletesAnEmptyCategory() {
        model.newCategory();
        assertThat(model.indicatorDraft()).isEmpty();
        form.nameProperty().set("Logement");
        model.save(e -> { }, failures::add);
        assertThat(stored().categories()).extracting(c -> c.name()).last().isEqualTo("Logement");
        assertThat(model.branches()).hasSize(7);
        assertThat(form.originalProperty().get()).isInstanceOf(CategoryEntry.class);
        assertThat(model.indicatorDraft()).isPresent();

        assertThat(model.deletable(form.originalProperty().get())).isTrue();
        model.delete(() -> { }, failures::add);
        assertThat(stored().categories()).hasSize(6);

        model.open(new CategoryEntry(stored().categories().getFirst()));
        assertThat(model.rows()).hasSize(4);
        List<Throwable> refused = new ArrayList<>();
        model.delete(() -> { }, refused::add);
        assertThat(refused).singleElement().isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalogue.delete.categoryNotEmpty"));
    }

    @Test
    void aDeactivatedIndicatorStaysOnTheFormHereButLeavesTheFormOfNewEngagements() {
        open("STAGES_3E");
        Indicator filled = model.rows().get(1).indicator();
        model.setIndicatorActive(filled, false, failures::add);
        assertThat(model.rows()).extracting(r -> r.indicator().active()).containsExactly(true, false);
        assertThat(stored().formIndicators(type(stored(), "STAGES_3E"))).extracting(Indicator::code)
                .containsExactly("STAGES_OFFERED");
    }
}
