package fr.ancrage.ui.engagements;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.service.ServiceFixtures;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Engagements tab of a convention: one form per category, counterparts, totals. */
@ExtendWith(ApplicationExtension.class)
class EngagementsViewTest {

    private UiHarness app;
    private Convention convention;
    private Qpv planoise;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        Organisation company = app.organisations.save(ServiceFixtures.company("Horlogerie Vauban", ""));
        app.organisations.save(new Organisation(RecordMeta.fresh(), OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE,
                "France Travail Besançon", "", "", "", null, "", "", "", false, false, Set.of(), ""));
        planoise = app.territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024,
                "25", ServiceFixtures.GRAND_BESANCON, List.of("25056")));
        Convention d = ServiceFixtures.draft(company.id());
        convention = app.conventions.save(new Convention(d.meta(), "", "Convention Vauban", d.companyId(),
                d.framework(), "25", d.epciSiren(), d.stateReferent(), ConventionStatus.DRAFT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(planoise.id()), List.of(), ""));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private TableView<EngagementListItem> openEngagementsTab(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<?> list = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.clickOn(convention.reference());
        clickTab(robot, "Engagements");
        TableView<EngagementListItem> table = robot.lookup("#engagementsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#addEngagementButton")
                .queryAs(javafx.scene.control.MenuButton.class).getItems().isEmpty());
        return table;
    }

    private static void clickDialogButton(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".dialog-pane .button").match(org.testfx.matcher.control.LabeledMatchers.hasText(text))
                .queryAs(Node.class));
    }

    /** Selects a tab of the convention's detail (through its model: at 1000 px some headers overflow). */
    private static void clickTab(FxRobot robot, String title) {
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> title.equals(t.getText())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void addFromMenu(FxRobot robot, String categoryCode) throws Exception {
        String name = app.catalogue.catalogue().categories().stream().filter(c -> categoryCode.equals(c.code()))
                .findFirst().orElseThrow().name();
        robot.clickOn("#addEngagementButton");
        robot.clickOn(name);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#engagementActionType").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String comboId, String label) {
        ComboBox<Object> box = robot.lookup(comboId).queryAs(ComboBox.class);
        Object item = box.getItems().stream().filter(i -> i != null && box.getConverter().toString(i).equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no choice " + label + " in " + comboId));
        robot.interact(() -> box.setValue(item));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EDUCATION|Stages de 3e pour les collégiens de REP et REP+|12|12",
            "EMPLOYMENT|Apprentissage et alternance|3|3",
            "ECONOMY|Achats inclusifs (entreprises des QPV, SIAE)|12500,5|12\u202f500,50 €",
            "LOCAL_INITIATIVES|Mécénat de compétences|15|15",
            "SOLIDARITY_PATRONAGE|Bénévolat des salariés|120|120",
            "CSR|Labels et chartes (diversité, égalité)|oui|oui"})
    void eachCategoryHasItsFormWhoseValuesComeBack(String category, String actionType, String typed, String shown,
                                                   FxRobot robot) throws Exception {
        TableView<EngagementListItem> table = openEngagementsTab(robot);
        addFromMenu(robot, category);
        choose(robot, "#engagementActionType", actionType);
        robot.clickOn("#engagementDescription").write("Engagement de test " + category);
        choose(robot, "#engagementLastYear", "2027");
        robot.clickOn("#qpv-QN02501A");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#target-0-2026").tryQuery().isPresent());
        Node cell = robot.lookup("#target-0-2026").query();
        if (cell instanceof CheckBox) {
            robot.clickOn(cell);
        } else {
            robot.clickOn(cell).write(typed);
            robot.clickOn("#target-0-2027").write("1");
        }
        clickDialogButton(robot, "Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        EngagementListItem row = table.getItems().getFirst();
        assertThat(row.actionTypeName()).isEqualTo(actionType);
        assertThat(row.engagement().qpvIds()).containsExactly(planoise.id());
        assertThat(app.engagements.list(convention.id())).hasSize(1);

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#editEngagementButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#target-0-2026").tryQuery().isPresent());
        Node reopened = robot.lookup("#target-0-2026").query();
        if (reopened instanceof CheckBox box) {
            assertThat(box.isSelected()).isTrue();
        } else {
            assertThat(((TextField) reopened).getText()).isEqualTo(shown);
        }
        assertThat(robot.lookup("#engagementDescription").queryAs(TextArea.class).getText())
                .isEqualTo("Engagement de test " + category);
        assertThat(robot.lookup("#qpv-QN02501A").queryAs(CheckBox.class).isSelected()).isTrue();
        clickDialogButton(robot, "Annuler");
    }

    @Test
    void nonNumericAndNegativeTargetsAreNamedUnderTheGridAndNothingIsSaved(FxRobot robot) throws Exception {
        TableView<EngagementListItem> table = openEngagementsTab(robot);
        addFromMenu(robot, "EDUCATION");
        choose(robot, "#engagementActionType", "Stages de 3e pour les collégiens de REP et REP+");
        robot.clickOn("#target-0-2026").write("douze");
        robot.clickOn("#target-1-2026").write("-3");
        clickDialogButton(robot, "Enregistrer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".target-messages .field-message").queryAll())
                .extracting(n -> ((javafx.scene.control.Label) n).getText())
                .containsExactly("Stages de 3e proposés, 2026 : « douze » n’est pas un nombre (ex. 1 234,50).",
                        "Stages de 3e pourvus, 2026 : L’objectif ne peut pas être négatif.");
        assertThat(robot.lookup("#target-0-2026").query().getStyleClass()).contains("field-error");
        clickDialogButton(robot, "Annuler");
        assertThat(table.getItems()).isEmpty();
        assertThat(app.engagements.list(convention.id())).isEmpty();
    }

    @Test
    void anIndicatorAddedInTheCatalogueAppearsOnTheNextFormAndInTheTotals(FxRobot robot) throws Exception {
        var catalogue = app.catalogue.catalogue();
        ActionType stages = catalogue.actionTypes().stream().filter(t -> "STAGES_3E".equals(t.code())).findFirst()
                .orElseThrow();
        app.catalogue.addIndicator(stages, new fr.ancrage.domain.Indicator(RecordMeta.fresh(), stages.categoryId(),
                "", "Stages rémunérés", IndicatorUnit.COUNT, true, 0, true));
        TableView<EngagementListItem> table = openEngagementsTab(robot);
        addFromMenu(robot, "EDUCATION");
        choose(robot, "#engagementActionType", "Stages de 3e pour les collégiens de REP et REP+");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#target-2-2026").tryQuery().isPresent());
        assertThat(robot.lookup(".target-grid .label").queryAll()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .contains("Stages rémunérés (nombre)");
        robot.clickOn("#target-2-2026").write("4");
        clickDialogButton(robot, "Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        clickTab(robot, "Totaux");
        TableView<IndicatorTotal> totals = robot.lookup("#conventionTotalsByIndicator").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> totals.getItems().size() == 1);
        assertThat(totals.getItems().getFirst().indicatorName()).isEqualTo("Stages rémunérés");
        assertThat(totals.getItems().getFirst().total()).isEqualByComparingTo("4");
        assertThat(robot.lookup("#conventionTotalsByAxis").queryTableView().getItems()).hasSize(1);
    }

    @Test
    void aCounterpartOfAPartnerIsAddedAndListed(FxRobot robot) throws Exception {
        openEngagementsTab(robot);
        robot.clickOn("#addCounterpartButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#counterpartDescription").tryQuery().isPresent());
        clickDialogButton(robot, "Enregistrer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Choisissez le partenaire qui s’engage.").tryQuery()).isPresent();
        robot.clickOn("#counterpartPartner").write("France Travail").type(KeyCode.ENTER);
        robot.clickOn("#counterpartDescription").write("Présélection des candidats des quartiers");
        clickDialogButton(robot, "Enregistrer");
        TableView<?> counterparts = robot.lookup("#counterpartsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> counterparts.getItems().size() == 1);
        assertThat(app.engagements.counterparts(convention.id())).extracting(c -> c.description())
                .containsExactly("Présélection des candidats des quartiers");
        // the cells are drawn on the next pulse after the rows arrive
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#counterpartsTable .table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("France Travail Besançon")).tryQuery()
                .isPresent());
    }

    @Test
    void theBilanShowsTargetRealisedAndGapAndRefusesAFractionalCount(FxRobot robot) throws Exception {
        var catalogue = app.catalogue.catalogue();
        ActionType hiring = catalogue.actionTypes().stream().filter(t -> "HIRING".equals(t.code())).findFirst()
                .orElseThrow();
        var hires = catalogue.formIndicators(hiring).getFirst();
        app.engagements.save(new fr.ancrage.domain.Engagement(RecordMeta.fresh(), convention.id(), hiring.id(),
                "Recrutements", Set.of(), null, 2026, 2026, fr.ancrage.domain.EngagementStatus.IN_PROGRESS,
                List.of(new fr.ancrage.domain.Target(hires.id(), 2026, new java.math.BigDecimal("3")))));
        openEngagementsTab(robot);
        clickTab(robot, "Bilan");
        TableView<fr.ancrage.domain.BilanLine> bilan = robot.lookup("#bilanTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bilan.getItems().size() == 2);
        int row = bilan.getItems().indexOf(bilan.getItems().stream()
                .filter(l -> l.indicator().id().equals(hires.id())).findFirst().orElseThrow());
        robot.interact(() -> {
            bilan.getSelectionModel().select(row);
            bilan.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#resultValue").tryQuery().isPresent());
        robot.clickOn("#resultValue").write("2,5");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Saisissez un nombre entier.").tryQuery()).isPresent();
        robot.doubleClickOn("#resultValue").eraseText(3).write("5");
        clickDialogButton(robot, "Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bilan.getItems().stream()
                .anyMatch(l -> l.result() != null));
        var line = bilan.getItems().stream().filter(l -> l.result() != null).findFirst().orElseThrow();
        assertThat(line.result().value()).isEqualByComparingTo("5");
        assertThat(line.gap()).isEqualByComparingTo("2");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("+2")).tryQuery().isPresent());
        assertThat(app.engagements.bilan(convention.id())).filteredOn(l -> l.result() != null).hasSize(1);
    }
}
