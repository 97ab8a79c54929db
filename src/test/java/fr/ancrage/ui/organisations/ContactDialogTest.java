package fr.ancrage.ui.organisations;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.service.ServiceFixtures;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The civilité of a contact (issue 16), chosen in the contact dialog from the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ContactDialogTest {

    private UiHarness app;
    private Organisation company;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        company = app.organisations.save(ServiceFixtures.company("Horlogerie Vauban", ""));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private <T extends Node> T shown(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(type);
    }

    @SuppressWarnings("unchecked")
    private TableView<Contact> openContacts(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisations");
        TableView<OrganisationListItem> list = shown(robot, "#table", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        TabPane tabs = shown(robot, "#tabs", TabPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs.getTabs().stream()
                .anyMatch(t -> "Contacts".equals(t.getText()) && !t.isDisable()));
        robot.interact(() -> tabs.getTabs().stream().filter(t -> "Contacts".equals(t.getText())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
        return shown(robot, "#contactsTable", TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Civility> civility(FxRobot robot) {
        return robot.lookup("#contact-civility").queryAs(ComboBox.class);
    }

    private String shownText(ComboBox<Civility> box) {
        return ((ListCell<?>) box.getButtonCell()).getText();
    }

    private void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#contact-civility").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#contact-last-name").queryAs(TextField.class).isFocused());
    }

    private void waitForDialogClosed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#contact-civility").tryQuery().isEmpty());
    }

    private String cell(TableView<Contact> table, String columnId) {
        TableColumn<Contact, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                .findFirst().orElseThrow();
        return String.valueOf(column.getCellData(0));
    }

    @Test
    void madameIsChosenFromTheKeyboardSavedAndShownAgain(FxRobot robot) throws Exception {
        TableView<Contact> contacts = openContacts(robot);
        robot.clickOn("#addContactButton");
        waitForDialog(robot);
        ComboBox<Civility> box = civility(robot);
        assertThat(box.getValue()).isNull();
        assertThat(shownText(box)).isEqualTo("—");

        // the keyboard is in « Nom » (clicked, for the robot to type into the dialog); the civilité
        // is two fields before, above the first name: Maj+Tab, Maj+Tab
        robot.clickOn("#contact-last-name").write("Martin");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.write("Claire");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.isFocused()).isTrue();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(Civility.MADAME);
        assertThat(shownText(box)).isEqualTo("Madame");
        robot.type(KeyCode.ENTER); // Entrée enregistre
        waitForDialogClosed(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> contacts.getItems().size() == 1);
        Contact saved = app.organisations.contacts(company.id()).getFirst();
        assertThat(saved.civility()).isEqualTo(Civility.MADAME);
        assertThat(saved.fullName()).isEqualTo("Claire Martin");
        assertThat(cell(contacts, "contactCivilityColumn")).isEqualTo("Mme");

        // reopened, the dialog shows it; ↓ gives Monsieur, ↑↑ « — » (not given), which is saved as none
        robot.interact(() -> contacts.getSelectionModel().select(0));
        robot.clickOn("#editContactButton");
        waitForDialog(robot);
        box = civility(robot);
        assertThat(box.getValue()).isEqualTo(Civility.MADAME);
        assertThat(shownText(box)).isEqualTo("Madame");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(Civility.MONSIEUR);
        robot.type(KeyCode.UP, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isNull();
        assertThat(shownText(box)).isEqualTo("—");
        robot.type(KeyCode.ENTER);
        waitForDialogClosed(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.organisations.contacts(company.id()).getFirst().meta().version() == 2);
        assertThat(app.organisations.contacts(company.id()).getFirst().civility()).isNull();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(contacts, "contactCivilityColumn").isEmpty());
    }

    @Test
    void escapeKeepsTheCivilityAsItWas(FxRobot robot) throws Exception {
        app.organisations.saveContact(new Contact(fr.ancrage.domain.RecordMeta.fresh(), company.id(),
                Civility.MONSIEUR, "Julien", "Perrot", "Gérant", "", "", true));
        TableView<Contact> contacts = openContacts(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> contacts.getItems().size() == 1);
        assertThat(cell(contacts, "contactCivilityColumn")).isEqualTo("M.");
        robot.interact(() -> contacts.getSelectionModel().select(0));
        robot.clickOn("#editContactButton");
        waitForDialog(robot);
        ComboBox<Civility> box = civility(robot);
        assertThat(box.getValue()).isEqualTo(Civility.MONSIEUR);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(Civility.MADAME);
        robot.type(KeyCode.ESCAPE);
        waitForDialogClosed(robot);
        List<Contact> stored = app.organisations.contacts(company.id());
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.civility()).isEqualTo(Civility.MONSIEUR);
            assertThat(c.meta().version()).isEqualTo(1);
        });
    }
}
