package fr.ancrage.ui.ceremonies;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
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
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefecture team prepares a ceremony on the demo data, marks who came and closes it. */
@ExtendWith(ApplicationExtension.class)
class CeremoniesViewTest {

    private UiHarness app;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        new DemoDataService(new Store(app.database.dsl()), app.clock).load();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void clickButton(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).queryAs(Node.class));
    }

    /** The cell of {@code table} showing {@code text}: rows are recycled, their order is not the screen's. */
    private static Node cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").match(LabeledMatchers.hasText(text)).queryAs(Node.class);
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void preparesThreeConventionsConfirmsReordersAndClosesTheCeremony(FxRobot robot) throws Exception {
        LocalDate today = app.today();
        robot.clickOn("#nav-ceremonies");
        TableView<CeremonyItem> items = robot.lookup("#itemsTable").queryTableView();
        assertThat(robot.lookup("#addButton").queryButton().isDisabled()).isTrue();

        // a new ceremony, today, at the prefecture
        robot.clickOn("#newButton");
        replaceText(robot, "#titleField", "Signature du 1er décembre");
        DatePicker date = robot.lookup("#datePicker").query();
        robot.clickOn(date.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(fr.ancrage.ui.common.Formats.date(today)).type(KeyCode.TAB);
        replaceText(robot, "#placeField", "Préfecture du Doubs, salon d’honneur");
        robot.clickOn("#saveButton");
        waitFor(() -> app.ceremonies.list().size() == 1);
        var ceremony = app.ceremonies.list().getFirst();
        assertThat(ceremony.title()).isEqualTo("Signature du 1er décembre");
        assertThat(ceremony.date()).isEqualTo(today);
        assertThat(app.ceremonies.get(ceremony.id()).orElseThrow().tasks()).hasSize(8);

        // three conventions ready to sign, ticked in the dialog from the keyboard
        robot.clickOn("#addButton");
        waitFor(() -> robot.lookup("#candidatesTable").tryQuery().isPresent());
        TableView<ConventionListItem> candidates = robot.lookup("#candidatesTable").queryTableView();
        waitFor(() -> candidates.getItems().size() == 12);
        List<ConventionListItem> chosen = List.of(candidates.getItems().get(0), candidates.getItems().get(1),
                candidates.getItems().get(2));
        for (int i = 0; i < 3; i++) {
            int row = i;
            robot.clickOn(cell(robot, "#candidatesTable", candidates.getItems().get(row).companyName()))
                    .type(KeyCode.SPACE);
        }
        assertThat(robot.lookup("#tickedCount").queryAs(Label.class).getText()).isEqualTo("3 cochées sur 12");
        clickButton(robot, "Ajouter");
        waitFor(() -> items.getItems().size() == 3);
        assertThat(items.getItems()).extracting(CeremonyItem::conventionId)
                .containsExactlyElementsOf(chosen.stream().map(ConventionListItem::id).toList());

        // every signatory of the three confirms
        for (int i = 0; i < 3; i++) {
            int row = i;
            robot.interact(() -> items.getSelectionModel().clearAndSelect(row));
            robot.clickOn("#allConfirmedButton");
            waitFor(() -> items.getItems().get(row).signatories().stream()
                    .allMatch(s -> s.attendance() == Attendance.CONFIRMED));
        }
        TableView<CeremonySignatory> signatories = robot.lookup("#signatoriesTable").queryTableView();
        assertThat(signatories.getItems()).isNotEmpty();
        assertThat(robot.lookup("#signatoriesTable .table-cell").match(LabeledMatchers.hasText("Confirmé"))
                .queryAll()).isNotEmpty();

        // the third company signs first: Alt+↑ twice on its line
        robot.interact(() -> items.getSelectionModel().clearAndSelect(2));
        robot.clickOn(cell(robot, "#itemsTable", chosen.get(2).companyName()));
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        waitFor(() -> items.getItems().get(1).conventionId().equals(chosen.get(2).id()));
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        waitFor(() -> app.ceremonies.items(ceremony.id()).getFirst().conventionId().equals(chosen.get(2).id()));
        assertThat(items.getItems()).extracting(CeremonyItem::conventionId)
                .containsExactly(chosen.get(2).id(), chosen.get(0).id(), chosen.get(1).id());
        assertThat(items.getSelectionModel().getSelectedItem().conventionId()).isEqualTo(chosen.get(2).id());

        // on the day: the first two come; at the third, the company's head sends word (E: excusé)
        for (int row : new int[] {0, 1}) {
            robot.interact(() -> items.getSelectionModel().clearAndSelect(row));
            robot.clickOn("#allPresentButton");
            waitFor(() -> items.getItems().get(row).signatories().stream()
                    .allMatch(s -> s.attendance() == Attendance.PRESENT));
        }
        robot.interact(() -> items.getSelectionModel().clearAndSelect(2));
        waitFor(() -> !signatories.getItems().isEmpty());
        int company = signatories.getItems().stream().map(CeremonySignatory::role).toList()
                .indexOf(fr.ancrage.domain.SignatoryRole.COMPANY);
        robot.interact(() -> signatories.getSelectionModel().clearAndSelect(company));
        robot.clickOn(cell(robot, "#signatoriesTable", signatories.getItems().get(company).fullName()))
                .type(KeyCode.E);
        waitFor(() -> items.getItems().get(2).count(Attendance.DECLINED) == 1);

        // closing: two signed on the ceremony's day, the third stays ready to sign
        robot.clickOn("#closeButton");
        clickButton(robot, "Clôturer la cérémonie");
        waitFor(() -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("OK")).tryQuery().isPresent());
        String summary = robot.lookup(".dialog-pane .label").match((Label l) -> l.getText().contains("signées le"))
                .queryAs(Label.class).getText();
        assertThat(summary).startsWith("2 conventions signées le " + fr.ancrage.ui.common.Formats.date(today))
                .contains(chosen.get(1).companyName());
        clickButton(robot, "OK");
        for (ConventionListItem signed : List.of(chosen.get(2), chosen.get(0))) {
            Convention c = app.conventions.get(signed.id()).orElseThrow();
            assertThat(c.status()).as(signed.companyName()).isEqualTo(ConventionStatus.SIGNED);
            assertThat(c.signatureDate()).isEqualTo(today);
        }
        Convention later = app.conventions.get(chosen.get(1).id()).orElseThrow();
        assertThat(later.status()).isEqualTo(ConventionStatus.READY_TO_SIGN);
        assertThat(later.signatureDate()).isNull();
        waitFor(() -> items.getItems().stream().filter(CeremonyItem::signed).count() == 2);
        assertThat(robot.lookup("#itemsTable .table-cell").match(LabeledMatchers.hasText(
                "Non signée : à signer à une date ultérieure")).queryAll()).hasSize(1);
        assertThat(robot.lookup("#statusBadge").queryAs(Label.class).getText())
                .isEqualTo("Clôturée le " + fr.ancrage.ui.common.Formats.date(today));
        Button close = robot.lookup("#closeButton").queryButton();
        assertThat(close.isVisible()).isFalse();
        assertThat(robot.lookup("#addButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#reopenButton").queryButton().isVisible()).isTrue();
    }

    @Test
    void aConventionAlreadyPlannedElsewhereIsNotOfferedAgain(FxRobot robot) throws Exception {
        var first = app.ceremonies.save(new fr.ancrage.domain.Ceremony(fr.ancrage.domain.RecordMeta.fresh(),
                "Mars", app.today().plusMonths(3), null, "", "", "", "", "", null, List.of(), List.of()));
        UUID held = app.ceremonies.candidates().getFirst().id();
        app.ceremonies.add(first.id(), List.of(held));
        app.ceremonies.save(new fr.ancrage.domain.Ceremony(fr.ancrage.domain.RecordMeta.fresh(),
                "Juin", app.today().plusMonths(6), null, "", "", "", "", "", null, List.of(), List.of()));
        robot.clickOn("#nav-ceremonies");
        // the next ceremony to come is shown first
        javafx.scene.control.ComboBox<fr.ancrage.domain.CeremonyListItem> box = robot.lookup("#ceremonyBox").queryComboBox();
        waitFor(() -> box.getValue() != null);
        assertThat(box.getValue().title()).isEqualTo("Mars");
        robot.clickOn("#addButton");
        waitFor(() -> robot.lookup("#candidatesTable").tryQuery().isPresent());
        TableView<ConventionListItem> candidates = robot.lookup("#candidatesTable").queryTableView();
        waitFor(() -> candidates.getItems().size() == 11);
        assertThat(candidates.getItems()).noneMatch(c -> c.id().equals(held));
        clickButton(robot, "Annuler");
    }
}
