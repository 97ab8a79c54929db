package fr.ancrage.ui.campaigns;

import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.Node;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A delegate works through the 2025 campaign of the demo data from the keyboard. */
@ExtendWith(ApplicationExtension.class)
class CampaignsViewTest {

    private UiHarness app;
    private ReportingCampaign campaign;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        new DemoDataService(new Store(app.database.dsl()), app.clock).load();
        campaign = app.campaigns.open(2025, LocalDate.of(2026, 3, 31));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void entersACompanysFiguresThenTheNextAndTheFirstIsMarkedReceived(FxRobot robot) throws Exception {
        robot.clickOn("#nav-campaigns");
        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        int owing = app.campaigns.reports(campaign).size();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getItems().size() == owing);
        robot.interact(() -> {
            reports.getSelectionModel().select(0);
            reports.requestFocus();
        });
        CampaignReportItem first = reports.getItems().getFirst();
        robot.type(KeyCode.ENTER);

        TableView<BilanLine> bilan = robot.lookup("#bilanTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bilan.getItems().isEmpty()
                && bilan.getSelectionModel().getSelectedIndex() == 0);
        assertThat(bilan.getItems()).allSatisfy(l -> assertThat(l.year()).isIn(2025));
        // first line, then the next one: Enter, the value, Enter
        robot.type(KeyCode.ENTER);
        // the keyboard is in the value as the dialog opens (the first keys typed are not lost)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#resultValue").tryQuery()
                .filter(n -> n.getScene().getFocusOwner() == n).isPresent());
        // (the headless robot types into the window it last clicked, not into the nested dialog)
        robot.clickOn("#resultValue").write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bilan.getItems().stream().anyMatch(l -> l.result() != null)
                && bilan.getSelectionModel().getSelectedIndex() == 1);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#resultValue").tryQuery()
                .filter(n -> n.getScene().getFocusOwner() == n).isPresent());
        robot.clickOn("#resultValue").write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> bilan.getItems().stream().filter(l -> l.result() != null).count() == 2);

        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Suivante")).queryAs(Node.class));
        CampaignReportItem second = reports.getItems().get(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bilan.getItems().isEmpty()
                && bilan.getItems().getFirst().engagementId() != null
                && app.engagements.list(second.report().conventionId()).stream()
                .anyMatch(e -> e.id().equals(bilan.getItems().getFirst().engagementId())));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Fermer")).queryAs(Node.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getItems().stream()
                .anyMatch(i -> i.id().equals(first.id()) && i.report().state() == ReportState.RECEIVED));
        CampaignReportItem updated = reports.getItems().stream().filter(i -> i.id().equals(first.id())).findFirst()
                .orElseThrow();
        assertThat(updated.resultsOfYear()).isEqualTo(2);
        assertThat(updated.report().receivedOn()).isEqualTo(app.today());
        assertThat(reports.getItems().stream().filter(i -> i.id().equals(second.id())).findFirst().orElseThrow()
                .report().state()).isEqualTo(ReportState.TO_REQUEST);
    }

    @Test
    void afterAValueTheNextLineIsSelectedAtOnceNotWhenTheLinesComeBack(FxRobot robot) throws Exception {
        robot.clickOn("#nav-campaigns");
        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reports.getItems().isEmpty());
        robot.interact(() -> reports.getSelectionModel().select(0));
        robot.clickOn("#enterButton");
        TableView<BilanLine> bilan = robot.lookup("#bilanTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bilan.getItems().size() > 1
                && bilan.getSelectionModel().getSelectedIndex() == 0);
        robot.interact(bilan::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#resultValue").tryQuery().isPresent());
        // a slow laptop: the lines take two seconds to come back after the value is saved
        robot.clickOn("#resultValue").write("3");
        app.slowTasks.delay(2_000);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#resultValue").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bilan.getItems()).as("the lines are not back yet").allMatch(l -> l.result() == null);
        // Entrée now goes on with the second line, not the one just entered
        assertThat(bilan.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        app.slowTasks.delay(0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bilan.getItems().stream().anyMatch(l -> l.result() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bilan.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(bilan.getItems().getFirst().result().value()).isEqualByComparingTo("3");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Fermer")).queryAs(Node.class));
    }

    @Test
    void goingFromCompanyToCompanyTheYearShownIsTheYearOfTheLines(FxRobot robot) throws Exception {
        robot.clickOn("#nav-campaigns");
        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        int owing = app.campaigns.reports(campaign).size();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getItems().size() == owing);
        robot.interact(() -> reports.getSelectionModel().select(0));
        robot.clickOn("#enterButton");
        TableView<BilanLine> bilan = robot.lookup("#bilanTable").queryTableView();
        javafx.scene.control.ComboBox<Integer> year = robot.lookup("#bilanYear").queryComboBox();
        for (int i = 0; i < owing; i++) {
            CampaignReportItem item = reports.getItems().get(i);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bilan.getItems().isEmpty()
                    && app.engagements.list(item.report().conventionId()).stream()
                    .anyMatch(e -> e.id().equals(bilan.getItems().getFirst().engagementId())));
            WaitForAsyncUtils.waitForFxEvents();
            // what the box shows is the year whose lines are listed, for every company
            assertThat(year.getValue()).as(item.companyName()).isEqualTo(2025);
            assertThat(year.getSelectionModel().getSelectedItem()).as(item.companyName()).isEqualTo(2025);
            assertThat(bilan.getItems()).allSatisfy(l -> assertThat(l.year()).isEqualTo(2025));
            if (i < owing - 1) {
                robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Suivante"))
                        .queryAs(Node.class));
            }
        }
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Fermer")).queryAs(Node.class));
    }

    @Test
    void askingAndRemindingRecordTheDatesAndTheOverdueFilterFollows(FxRobot robot) throws Exception {
        robot.clickOn("#nav-campaigns");
        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reports.getItems().isEmpty());
        int all = reports.getItems().size();
        robot.interact(() -> reports.getSelectionModel().select(0));
        CampaignReportItem first = reports.getItems().getFirst();
        robot.clickOn("#requestButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getItems().stream()
                .anyMatch(i -> i.id().equals(first.id()) && i.report().state() == ReportState.REQUESTED));
        robot.clickOn("#validateButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getItems().stream()
                .anyMatch(i -> i.id().equals(first.id()) && i.report().state() == ReportState.VALIDATED));
        robot.clickOn("#overdueOnly");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reports.getItems()).hasSize(all - 1).noneMatch(i -> i.id().equals(first.id()));
    }

    @Test
    void theReportsListIsExportedAsShown(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        robot.clickOn("#nav-campaigns");
        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reports.getItems().isEmpty());
        assertThat(robot.lookup("#exportListButton").queryButton().isDisabled()).isFalse();
        java.nio.file.Path file = out.resolve("campagne.csv");
        robot.interact(() -> app.shell.campaignsListExport().export(file, fr.ancrage.documents.Format.CSV,
                reports.getScene().getWindow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(file));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        String header = String.join(";", reports.getVisibleLeafColumns().stream().map(c -> c.getText()).toList());
        assertThat(lines.getFirst()).isEqualTo("\uFEFF" + header);
        assertThat(lines).hasSize(reports.getItems().size() + 1);
        assertThat(lines.get(1)).startsWith(reports.getItems().getFirst().companyName() + ";"
                + reports.getItems().getFirst().conventionReference() + ";");
    }
}
