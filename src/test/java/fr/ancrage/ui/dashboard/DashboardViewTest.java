package fr.ancrage.ui.dashboard;

import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.dashboard.DashboardBars.Bar;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard on the demo data, as a delegate uses it: figures that follow the reports entered,
 * a bar that lists the conventions behind it, alerts that open the records concerned.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    private static final String EDUCATION = "Éducation et orientation scolaire";

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

    @Test
    void aReportEnteredChangesTheFiguresAndABarListsTheCompaniesBehindIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        Bar education = waitForBar(robot, EDUCATION);
        idle();
        education = waitForBar(robot, EDUCATION);
        String realisedBefore = text(robot, "#cardRealised");

        // a company's report comes in: one realised value on an education engagement of a signed convention
        Pick pick = educationTargetWithoutResult(education);
        BilanLine line = pick.line();
        app.engagements.saveResult(new RealisedValue(RecordMeta.fresh(), line.engagementId(),
                line.indicator().id(), line.year(), new BigDecimal("7"), ResultSource.COMPANY_REPORT,
                app.today(), null));
        robot.clickOn("#refreshButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#cardRealised").equals(realisedBefore));
        Bar after = waitForBar(robot, EDUCATION);
        assertThat(after.realised()).isEqualByComparingTo(education.realised().add(new BigDecimal("7")));

        // the bar, from the keyboard: the conventions behind it, then the one chosen opens
        idle();
        Node bar = barNode(robot, EDUCATION).orElseThrow();
        robot.interact(bar::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dashboardList").tryQuery().isPresent());
        TableView<ConventionsDialog.Row> list = robot.lookup("#dashboardList").queryTableView();
        assertThat(list.getItems()).isNotEmpty();
        var withReport = list.getItems().stream().filter(r -> r.conventionId().equals(pick.conventionId()))
                .findFirst().orElseThrow();
        assertThat(withReport.realised()).isNotEqualTo("0");
        robot.interact(() -> {
            list.getSelectionModel().select(withReport);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedConvention(robot)
                .filter(c -> c.id().equals(withReport.conventionId())).isPresent());
        assertThat(robot.lookup("#dashboardList").tryQuery()).isEmpty();
    }

    @Test
    void theConventionEndingSoonIsInTheAlertsAndOnTheBadgeAndOpens(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#alert-ending90-count").tryQuery().isPresent());
        var alerts = app.dashboard.alerts(DashboardFilter.all());
        assertThat(alerts.endingWithin90Days().count()).isPositive();
        assertThat(text(robot, "#alert-ending90-count")).isEqualTo(String.valueOf(alerts.endingWithin90Days().count()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.shell.main().badge("dashboard").equals(String.valueOf(alerts.total())));

        var soonest = alerts.endingWithin90Days().items().getFirst();
        idle();
        Hyperlink line = robot.lookup("#alert-ending90 .alert-line").queryAs(Hyperlink.class);
        assertThat(line.getText()).startsWith(soonest.reference()).contains(soonest.companyName());
        robot.clickOn(line);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> selectedConvention(robot)
                .filter(c -> c.id().equals(soonest.conventionId())).isPresent());
    }

    @Test
    void anOverdueReportOpensTheCampaignOnIt(FxRobot robot) throws Exception {
        int year = app.today().getYear() - 1;
        var campaign = app.campaigns.open(year, app.today().minusDays(10));
        robot.clickOn("#nav-organisations");
        robot.clickOn("#nav-dashboard");
        int owing = app.campaigns.reports(campaign).size();
        int overdue = app.dashboard.alerts(DashboardFilter.all()).reportsOverdue().count();
        // this campaign's reports, all still to request, plus those left overdue in the demo's earlier campaign
        assertThat(overdue).isGreaterThan(owing);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#alert-overdue-count").equals(String.valueOf(overdue)));
        idle();

        robot.clickOn("#alert-overdue-all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dashboardList").tryQuery().isPresent());
        TableView<ConventionsDialog.Row> list = robot.lookup("#dashboardList").queryTableView();
        assertThat(list.getItems()).hasSize(overdue);
        // most overdue first: the last line is one of this campaign's
        ConventionsDialog.Row chosen = list.getItems().getLast();
        assertThat(chosen.detail()).isEqualTo(String.valueOf(year));
        robot.interact(() -> {
            list.getSelectionModel().select(chosen);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        TableView<CampaignReportItem> reports = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reports.getSelectionModel().getSelectedItem() != null
                && reports.getSelectionModel().getSelectedItem().report().conventionId().equals(chosen.conventionId()));
        assertThat(robot.lookup("#overdueOnly").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(reports.getItems()).hasSize(owing);
    }

    @Test
    void aDepartmentNarrowsTheScopeAndBreaksItDownByEpci(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        waitForBar(robot, EDUCATION);
        assertThat(text(robot, "#chartTerritory .section-title")).isEqualTo("Par département");
        ComboBox<fr.ancrage.domain.Department> departments = robot.lookup("#departmentBox").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> departments.getItems().size() > 100);
        robot.interact(() -> departments.setValue(departments.getItems().stream()
                .filter(d -> d != null && d.code().equals("25")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#chartTerritory .section-title")
                .equals("Par EPCI"));
        assertThat(robot.lookup("#scopeLabel").queryAs(Label.class).getText()).startsWith("Doubs");
        robot.interact(() -> departments.setValue(departments.getItems().stream()
                .filter(d -> d != null && d.code().equals("01")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dashboardEmpty").tryQuery().isPresent());
    }

    /** Waits for the background loads to end, so that the nodes looked up are not replaced under the robot. */
    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : "")
                .orElse("");
    }

    private static Optional<Node> barNode(FxRobot robot, String label) {
        return robot.lookup("#chartCategory .chart-bar.bar-target").queryAll().stream()
                .filter(n -> DashboardView.barOf(n) != null && DashboardView.barOf(n).label().equals(label))
                .findFirst();
    }

    private static Bar waitForBar(FxRobot robot, String label) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> barNode(robot, label).isPresent());
        return DashboardView.barOf(barNode(robot, label).orElseThrow());
    }

    private record Pick(java.util.UUID conventionId, BilanLine line) {
    }

    /** A target of an education engagement of a convention counted in the bar, without realised value yet. */
    private Pick educationTargetWithoutResult(Bar education) {
        var conventions = app.dashboard.conventionsBehind(education.filter(), education.slice());
        for (var c : conventions) {
            for (BilanLine l : app.engagements.bilan(c.conventionId())) {
                if (l.result() == null && l.target() != null && l.indicator().unit().wholeNumbers()
                        && l.indicator().summable() && l.indicator().categoryId().equals(education.slice().categoryId())
                        && l.engagementStatus() != fr.ancrage.domain.EngagementStatus.ABANDONED) {
                    return new Pick(c.conventionId(), l);
                }
            }
        }
        throw new AssertionError("no education target without realised value in the demo");
    }

    private static Optional<ConventionListItem> selectedConvention(FxRobot robot) {
        return robot.lookup("#nav-conventions").tryQuery()
                .filter(n -> ((javafx.scene.control.ToggleButton) n).isSelected())
                .flatMap(n -> robot.lookup("#table").tryQuery())
                .filter(n -> n instanceof TableView<?>)
                .map(n -> (TableView<?>) n)
                .map(t -> t.getSelectionModel().getSelectedItem())
                .filter(ConventionListItem.class::isInstance)
                .map(ConventionListItem.class::cast);
    }
}
