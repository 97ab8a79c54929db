package fr.ancrage.ui.organisations;

import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class OrganisationsViewTest {

    private UiHarness app;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void createsAnOrganisationThroughTheFormAndFindsItInTheList(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisations");
        robot.clickOn("Nouvelle organisation");
        robot.clickOn("#legalNameField").write("Horlogerie Vauban");
        robot.clickOn("#siretField").write("35600000000049");
        WaitForAsyncUtils.waitForFxEvents();
        Label siretMessage = robot.lookup("#siretMessage").queryAs(Label.class);
        assertThat(siretMessage.isVisible()).isTrue();
        assertThat(siretMessage.getText()).containsIgnoringCase("clé");

        replace(robot, "#siretField", "35600000000048");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(siretMessage.isVisible()).isFalse();
        robot.clickOn("#communeField").write("25056");
        robot.clickOn("#nafField").write("6201z");
        robot.clickOn("#saveButton");

        TableView<OrganisationListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        OrganisationListItem row = table.getItems().getFirst();
        assertThat(row.organisation().legalName()).isEqualTo("Horlogerie Vauban");
        assertThat(row.organisation().nafCode()).isEqualTo("62.01Z");
        assertThat(row.communeName()).isEqualTo("Besançon");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#table .table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Horlogerie Vauban")).tryQuery().isPresent());

        robot.clickOn("#searchField").write("vaub");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        replace(robot, "#searchField", "inconnue");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
    }

    /** Selects the whole text of the field and types over it, as a user would. */
    static void replace(FxRobot robot, String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void refusesAFormWithoutNameAndShowsTheMessageAtTheField(FxRobot robot) {
        robot.clickOn("#nav-organisations");
        robot.clickOn("Nouvelle organisation");
        robot.clickOn("#siretField").write("12");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        Label nameMessage = robot.lookup("#legalNameMessage").queryAs(Label.class);
        assertThat(nameMessage.getText()).contains("obligatoire");
        assertThat(robot.lookup("#legalNameField").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
        assertThat(app.organisations.list()).isEmpty();
    }

    @Test
    void warnsAboutADuplicateAndOpensTheExistingRecord(FxRobot robot) throws Exception {
        var existing = app.organisations.save(fr.ancrage.service.ServiceFixtures.company("Boulangeries Comtoises", ""));
        robot.clickOn("#nav-conventions");
        robot.clickOn("#nav-organisations");
        TableView<OrganisationListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        robot.clickOn("Nouvelle organisation");
        robot.clickOn("#legalNameField").write("boulangeries comtoises SARL");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Ouvrir la fiche existante").tryQuery().isPresent());
        robot.clickOn("Ouvrir la fiche existante");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(table.getSelectionModel().getSelectedItem().organisation().id()).isEqualTo(existing.id());
        assertThat(app.organisations.list()).hasSize(1);
    }
}
