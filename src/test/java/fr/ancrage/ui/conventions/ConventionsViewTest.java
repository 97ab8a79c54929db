package fr.ancrage.ui.conventions;

import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Organisation;
import fr.ancrage.service.ServiceFixtures;
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

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConventionsViewTest {

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

    @Test
    void createsAConventionThroughTheFormThenMovesItsStatus(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<ConventionListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !ConventionsViewTestAccess.companies(robot).isEmpty());
        robot.clickOn("#newButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#saveButton").query().isVisible());

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#companyMessage").queryAs(Label.class).getText()).contains("entreprise");

        robot.clickOn("#companyBox").write("Horlo").type(KeyCode.ENTER);
        robot.clickOn("#departmentBox").write("Doubs").type(KeyCode.ENTER);
        robot.clickOn("#titleField").write("Convention PaQte 2026");
        // below the fold at 1000×760: the field comes into sight when it takes the keyboard
        robot.interact(() -> robot.lookup("#startPicker").query().requestFocus());
        robot.clickOn("#startPicker").write("01/12/2026").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#saveButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        ConventionListItem row = table.getItems().getFirst();
        assertThat(row.companyName()).isEqualTo("Horlogerie Vauban");
        assertThat(row.reference()).isEqualTo("25-" + app.today().getYear() + "-001");
        assertThat(row.startDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(row.endDate()).isEqualTo(LocalDate.of(2029, 11, 30));
        assertThat(row.status()).isEqualTo(ConventionStatus.DRAFT);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#referenceLabel")
                .queryAs(Label.class).getText().startsWith("25-"));
        robot.clickOn("#statusMenu").clickOn("Passer à « En négociation »");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().getFirst().status() == ConventionStatus.NEGOTIATION);
        assertThat(app.conventions.list()).extracting(ConventionListItem::status)
                .containsExactly(ConventionStatus.NEGOTIATION);

        robot.clickOn("#searchField").write("vauban");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        assertThat(company.id()).isEqualTo(row.companyId());
    }

    @Test
    void anUnreadableDateIsNamedAtTheFieldAndBlocksTheSave(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !ConventionsViewTestAccess.companies(robot).isEmpty());
        robot.clickOn("#newButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#saveButton").query().isVisible());
        robot.clickOn("#companyBox").write("Horlo").type(KeyCode.ENTER);
        robot.clickOn("#departmentBox").write("Doubs").type(KeyCode.ENTER);

        robot.interact(() -> robot.lookup("#startPicker").query().requestFocus());
        robot.clickOn("#startPicker").write("32/13/2025").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#startMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("« 32/13/2025 »").contains("jj/mm/aaaa");

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        // a save sent to the background would have ended once the runner is idle
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        assertThat(app.conventions.list()).isEmpty();

        javafx.scene.control.DatePicker start = robot.lookup("#startPicker").queryAs(javafx.scene.control.DatePicker.class);
        robot.doubleClickOn(start.getEditor()).eraseText(12).write("15/03/2026").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.isVisible()).isFalse();
        assertThat(start.getValue()).isEqualTo(LocalDate.of(2026, 3, 15));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.conventions.list().size() == 1);
    }
}
