package fr.ancrage.ui.organisations;

import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.ui.common.FieldNotice;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression tests of issue 15 on the Organisations screen. */
@ExtendWith(ApplicationExtension.class)
class OrganisationsTrustTest {

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

    private TableView<OrganisationListItem> openList(FxRobot robot, int rows) throws Exception {
        robot.clickOn("#nav-conventions");
        robot.clickOn("#nav-organisations");
        TableView<OrganisationListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
        return table;
    }

    /** Defect 3: Escape on the duplicate warning goes back to the form; the warning names the match in full. */
    @Test
    void escapeOnTheDuplicateWarningCreatesNothing(FxRobot robot) throws Exception {
        app.organisations.save(fr.ancrage.service.ServiceFixtures.company("Boulangeries Comtoises", ""));
        openList(robot, 1);
        robot.clickOn("Nouvelle organisation");
        robot.clickOn("#legalNameField").write("boulangeries comtoises SARL");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Ouvrir la fiche existante").tryQuery().isPresent());
        Label message = robot.lookup(".dialog-message").queryAs(Label.class);
        assertThat(message.getText()).contains("Boulangeries Comtoises");
        // the whole text is drawn: no « … » in place of the list of matches
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getHeight()).isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 1);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        assertThat(app.organisations.list()).hasSize(1);
        assertThat(robot.lookup("#legalNameField").queryAs(TextField.class).getText())
                .isEqualTo("boulangeries comtoises SARL");

        // Enter does not create it either
        robot.clickOn("#legalNameField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Ouvrir la fiche existante").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        assertThat(app.organisations.list()).hasSize(1);

        // only its own button does
        robot.clickOn("#legalNameField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Créer quand même").tryQuery().isPresent());
        robot.clickOn("Créer quand même");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.organisations.list().size() == 2);
    }

    /** Defect 4: the suggestions read « Besançon (25056) », choosing one fills the field with a commune the form knows. */
    @Test
    void communeSuggestionsReadAsCommunesAndChoosingOneIsUnderstood(FxRobot robot) throws Exception {
        openList(robot, 0);
        robot.clickOn("Nouvelle organisation");
        robot.clickOn("#legalNameField").write("Horlogerie Vauban");
        robot.clickOn("#communeField").write("Bes");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".auto-complete-popup .list-view").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<Object> suggestions = robot.lookup(".auto-complete-popup .list-view").queryAs(ListView.class);
        WaitForAsyncUtils.waitForFxEvents();
        // several rows show at once, not one
        assertThat(suggestions.getItems().size()).isGreaterThan(3);
        assertThat(suggestions.getHeight()).isGreaterThan(3 * 24);
        robot.write("an");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".auto-complete-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .extracting(c -> c.getText()).filteredOn(t -> t != null && !t.isEmpty())
                .contains("Besançon (25056)").noneMatch(t -> t.contains("Commune["));

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TextField commune = robot.lookup("#communeField").queryAs(TextField.class);
        assertThat(commune.getText()).isEqualTo("Besançon (25056)");
        assertThat(robot.lookup("#communeMessage").queryAs(Label.class).getText()).isNullOrEmpty();

        // Tab leaves the field and the suggestions close
        robot.clickOn("#communeField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Besan");
        // the suggestions are searched in the background: on a busy machine this takes a while
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).filter(Window::isShowing)
                .anyMatch(w -> w.getScene().getRoot().lookup(".list-view") != null));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow)
                .filter(Window::isShowing).filter(w -> w.getScene().getRoot().lookup(".list-view") != null)).isEmpty();
    }

    /** Defect 8: a name longer than the column is not cut without a word; letters do not go into a SIREN. */
    @Test
    void whatAFieldCannotHoldIsSaidNotSilentlyDropped(FxRobot robot) throws Exception {
        openList(robot, 0);
        robot.clickOn("Nouvelle organisation");
        TextField name = robot.lookup("#legalNameField").queryAs(TextField.class);
        robot.clickOn(name);
        robot.interact(() -> name.replaceSelection("A".repeat(500)));
        assertThat(name.getText()).hasSize(300);
        assertThat(FieldNotice.shownText(name)).contains("300").contains("200");

        TextField siren = robot.lookup("#sirenField").queryAs(TextField.class);
        robot.clickOn(siren).write("35A600B000");
        assertThat(siren.getText()).isEqualTo("35600000");
        assertThat(FieldNotice.shownText(siren)).contains("chiffres");
    }
}
