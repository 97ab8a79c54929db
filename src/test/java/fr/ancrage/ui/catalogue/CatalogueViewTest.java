package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.persistence.Store;
import fr.ancrage.ui.catalogue.CatalogueViewModel.IndicatorRow;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static fr.ancrage.ui.catalogue.CatalogueFixtures.indicator;
import static fr.ancrage.ui.catalogue.CatalogueFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CatalogueViewTest {

    private static final String STAGES = "Stages de 3e pour les collégiens de REP et REP+";

    private UiHarness app;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        Catalogue catalogue = app.catalogue.catalogue();
        // an engagement makes the stages de 3e (and their "stages offered") used
        CatalogueFixtures.engagementUsing(new Store(app.database.dsl()), type(catalogue, "STAGES_3E"),
                indicator(catalogue, "STAGES_OFFERED"));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void openSection(FxRobot robot) throws Exception {
        robot.clickOn("#nav-catalogue");
        TreeView<?> tree = robot.lookup("#tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 6);
    }

    private void openType(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(name).tryQuery().isPresent());
        robot.clickOn(name);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#nameField").queryAs(TextField.class).getText().equals(name));
    }

    /** Picks in the unit list itself: "Nombre" is also written in the table behind the dialog. */
    private static void chooseUnit(FxRobot robot, String label) throws Exception {
        robot.clickOn("#indicator-unit");
        java.util.function.Supplier<org.testfx.service.query.NodeQuery> cell = () -> robot
                .lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(label));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cell.get().tryQuery().isPresent());
        robot.clickOn(cell.get().queryAs(javafx.scene.Node.class));
    }

    @Test
    void addsANewIndicatorToTheFormOfAnActionType(FxRobot robot) throws Exception {
        openSection(robot);
        openType(robot, STAGES);
        TableView<IndicatorRow> table = robot.lookup("#indicatorsTable").queryTableView();
        assertThat(table.getItems()).extracting(r -> r.indicator().name())
                .containsExactly("Stages de 3e proposés", "Stages de 3e pourvus");
        assertThat(table.getItems()).extracting(IndicatorRow::uses).containsExactly(1, 0);

        robot.clickOn("#newIndicatorButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#indicator-name").tryQuery().isPresent());
        robot.clickOn("#indicator-name").write("Stages rémunérés");
        ComboBox<?> unit = robot.lookup("#indicator-unit").queryAs(ComboBox.class);
        CheckBox summable = robot.lookup("#indicator-summable").queryAs(CheckBox.class);
        assertThat(unit.getValue()).isEqualTo(IndicatorUnit.COUNT);
        assertThat(summable.isSelected()).isTrue();
        // a yes / no indicator never adds up
        chooseUnit(robot, "Oui / non");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summable.isSelected()).isFalse();
        assertThat(summable.isDisabled()).isTrue();
        chooseUnit(robot, "Nombre");
        robot.clickOn("#indicator-summable");
        assertThat(summable.isSelected()).isTrue();
        robot.clickOn("#indicator-save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        IndicatorRow added = table.getItems().getLast();
        assertThat(added.indicator().name()).isEqualTo("Stages rémunérés");
        // and the table shows it (once the new row is laid out)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Stages rémunérés").tryQuery().isPresent());
        Catalogue stored = app.catalogue.catalogue();
        ActionType stages = type(stored, "STAGES_3E");
        assertThat(stored.formIndicators(stages)).extracting(Indicator::name)
                .containsExactly("Stages de 3e proposés", "Stages de 3e pourvus", "Stages rémunérés");
        Indicator paid = stored.formIndicators(stages).getLast();
        assertThat(paid.unit()).isEqualTo(IndicatorUnit.COUNT);
        assertThat(paid.summable()).isTrue();
        assertThat(paid.categoryId()).isEqualTo(stages.categoryId());
        assertThat(robot.lookup("#formStatus").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void deactivatesAnActionTypeWhichStaysListedGreyed(FxRobot robot) throws Exception {
        openSection(robot);
        openType(robot, "Visites d’entreprise");
        Button active = robot.lookup("#activeButton").queryButton();
        assertThat(active.getText()).isEqualTo("Désactiver");
        robot.clickOn(active);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> active.getText().equals("Réactiver"));
        assertThat(type(app.catalogue.catalogue(), "COMPANY_VISITS").active()).isFalse();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("Visites d’entreprise (désactivé)").tryQuery().isPresent());
        assertThat(robot.lookup("#activeCheck").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void refusesToDeleteAUsedActionTypeAndSaysToDeactivateIt(FxRobot robot) throws Exception {
        openSection(robot);
        openType(robot, STAGES);
        assertThat(robot.lookup("#usageLabel").queryAs(Label.class).getText()).startsWith("Utilisé par 1 engagement");
        robot.clickOn("#deleteButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Suppression impossible").tryQuery()
                .isPresent());
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().equals("« " + STAGES + " » est utilisé par des engagements : désactivez-le plutôt ;"
                + " les engagements existants le garderont.")).tryQuery()).isPresent();
        robot.clickOn("Fermer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(type(app.catalogue.catalogue(), "STAGES_3E").active()).isTrue();
        assertThat(app.catalogue.catalogue().actionTypes()).hasSize(28);
    }

    @Test
    void keepsUnsavedChangesWhenTheUserChoosesToStay(FxRobot robot) throws Exception {
        openSection(robot);
        openType(robot, "Visites d’entreprise");
        robot.clickOn("#nameField").type(KeyCode.END).write(" en usine");
        robot.clickOn("Cordées de la réussite");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Abandonner").tryQuery().isPresent());
        // "Annuler" of the question, not the form's own button behind it
        robot.clickOn(robot.from(robot.lookup(".dialog-pane").queryAll()).lookup("Annuler").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText())
                .isEqualTo("Visites d’entreprise en usine");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> type(app.catalogue.catalogue(), "COMPANY_VISITS").name().equals("Visites d’entreprise en usine"));
    }
}
