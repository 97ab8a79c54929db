package fr.ancrage.ui;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.service.ServiceFixtures;
import fr.ancrage.ui.conventions.ConventionFormViewModel;
import fr.ancrage.ui.conventions.ConventionsView;
import fr.ancrage.ui.main.UiHarness;
import fr.ancrage.ui.organisations.OrganisationFormViewModel;
import fr.ancrage.ui.organisations.OrganisationsView;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys of defect 6 (issue 15) and the forms left clean by moving through them (defect 7). */
@ExtendWith(ApplicationExtension.class)
class KeyboardFlowTest {

    private UiHarness app;
    private Organisation company;
    private Convention convention;
    private Qpv planoise;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        company = app.organisations.save(ServiceFixtures.company("Horlogerie Vauban", ""));
        planoise = app.territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024,
                "25", ServiceFixtures.GRAND_BESANCON, List.of("25056")));
        Convention d = ServiceFixtures.draft(company.id());
        convention = app.conventions.save(new Convention(d.meta(), "", "Convention Vauban", d.companyId(),
                d.framework(), "25", d.epciSiren(), d.stateReferent(), ConventionStatus.DRAFT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(), List.of(), "Premières notes"));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    // ---- helpers

    private static void ctrl(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL);
        for (KeyCode k : keys) {
            robot.press(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        robot.release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shiftTab(FxRobot robot) {
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void focus(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node focusOwner(FxRobot robot) {
        return robot.lookup("#table").query().getScene().getFocusOwner();
    }

    private static boolean inside(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private ConventionFormViewModel conventionForm() {
        return ((ConventionsView) app.shell.main().section("conventions")).formModel();
    }

    private OrganisationFormViewModel organisationForm() {
        return ((OrganisationsView) app.shell.main().section("organisations")).formModel();
    }

    /** Opens the stored convention in its form, through the keyboard (Ctrl+3, Ctrl+F, Flèche bas). */
    private void openConvention(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT3);
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && !app.tasks.busyProperty().get());
        ctrl(robot, KeyCode.F);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> conventionForm().originalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openOrganisation(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT2);
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && !app.tasks.busyProperty().get());
        ctrl(robot, KeyCode.F);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> organisationForm().originalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- the tests

    @Test
    void downFromTheSearchFieldSelectsTheFirstRow(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT3);
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        ctrl(robot, KeyCode.F);
        assertThat(focusOwner(robot).getId()).isEqualTo("searchField");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot)).isSameAs(table);
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
    }

    @Test
    void tabInTheNotesMovesTheFocusAndLeavesTheFormUnmodified(FxRobot robot) throws Exception {
        openConvention(robot);
        focus(robot, "#notesArea");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea notes = robot.lookup("#notesArea").queryAs(TextArea.class);
        assertThat(notes.getText()).isEqualTo("Premières notes");
        assertThat(notes.isFocused()).isFalse();
        assertThat(conventionForm().dirtyProperty().get()).isFalse();
        shiftTab(robot);
        assertThat(notes.isFocused()).isTrue();
        assertThat(conventionForm().dirtyProperty().get()).isFalse();
    }

    @Test
    void shiftTabThroughEveryFieldAndADatePickerOpenedThenClosedLeaveTheFormUnmodified(FxRobot robot) throws Exception {
        openConvention(robot);
        focus(robot, "#notesArea");
        for (int i = 0; i < 14; i++) {
            shiftTab(robot);
        }
        assertThat(conventionForm().dirtyProperty().get()).as("after Maj+Tab through the fields").isFalse();
        focus(robot, "#startPicker");
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        DatePicker start = robot.lookup("#startPicker").queryAs(DatePicker.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, start::isShowing);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(start.getValue()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(conventionForm().dirtyProperty().get()).as("after the date picker").isFalse();
        organisationsUnmodifiedByShiftTab(robot);
    }

    private void organisationsUnmodifiedByShiftTab(FxRobot robot) throws Exception {
        openOrganisation(robot);
        focus(robot, "#notesArea");
        for (int i = 0; i < 14; i++) {
            shiftTab(robot);
        }
        assertThat(organisationForm().dirtyProperty().get()).as("organisation after Maj+Tab").isFalse();
    }

    @Test
    void enterOnAFocusedCheckBoxSavesInsteadOfTicking(FxRobot robot) throws Exception {
        openOrganisation(robot);
        robot.interact(() -> organisationForm().networksProperty().set("FACE Doubs, CJD"));
        CheckBox inQpv = robot.lookup("#inQpvCheck").queryAs(CheckBox.class);
        focus(robot, "#inQpvCheck");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !organisationForm().dirtyProperty().get());
        assertThat(inQpv.isSelected()).isFalse();
        assertThat(app.organisations.get(company.id()).orElseThrow().networks()).contains("CJD");
    }

    @Test
    void enterInADateFieldTakesTheDateAndSaves(FxRobot robot) throws Exception {
        openConvention(robot);
        DatePicker start = robot.lookup("#startPicker").queryAs(DatePicker.class);
        focus(robot, "#startPicker");
        robot.interact(() -> start.getEditor().selectAll());
        robot.write("15/03/2026").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.conventions.get(convention.id()).orElseThrow()
                .startDate().equals(LocalDate.of(2026, 3, 15)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !conventionForm().dirtyProperty().get());
    }

    @Test
    void spaceTicksTheFocusedQpv(FxRobot robot) throws Exception {
        openConvention(robot);
        focus(robot, "#titleField");
        ctrl(robot, KeyCode.TAB); // to the QPV tab
        robot.type(KeyCode.TAB); // into the list
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        CheckListView<Qpv> qpvs = robot.lookup("#qpvList").queryAs(CheckListView.class);
        assertThat(qpvs.isFocused()).isTrue();
        robot.interact(() -> qpvs.getFocusModel().focus(0));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(conventionForm().targetedQpvs()).extracting(Qpv::id).containsExactly(planoise.id());
        ctrl(robot, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.conventions.get(convention.id()).orElseThrow()
                .qpvIds().equals(Set.of(planoise.id())));
    }

    @Test
    void ctrlTabAndCtrlPageDownSwitchTheTabs(FxRobot robot) throws Exception {
        openConvention(robot);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        focus(robot, "#titleField");
        ctrl(robot, KeyCode.TAB);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        ctrl(robot, KeyCode.PAGE_DOWN);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        ctrl(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        ctrl(robot, KeyCode.PAGE_UP);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        ctrl(robot, KeyCode.PAGE_UP);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(tabs.getTabs().size() - 1);
    }

    @Test
    void ctrlNCtrlSAndCtrlFWorkInTheSectionShown(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT2);
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        ctrl(robot, KeyCode.F);
        assertThat(focusOwner(robot).getId()).isEqualTo("searchField");
        ctrl(robot, KeyCode.N);
        assertThat(focusOwner(robot).getId()).isEqualTo("legalNameField");
        robot.write("Boulangerie Planoise");
        ctrl(robot, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.organisations.list().size() == 2);
        assertThat(app.organisations.list()).extracting(i -> i.organisation().legalName())
                .contains("Boulangerie Planoise");
    }

    @Test
    void annulerKeepsTheFocusInTheSection(FxRobot robot) throws Exception {
        openOrganisation(robot);
        focus(robot, "#networksField");
        robot.write(", CJD");
        assertThat(organisationForm().dirtyProperty().get()).isTrue();
        focus(robot, "#cancelButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(organisationForm().dirtyProperty().get()).isFalse();
        Node owner = focusOwner(robot);
        assertThat(owner).isNotNull();
        assertThat(owner.getId()).isEqualTo("table");
        assertThat(robot.lookup("#networksField").queryAs(TextField.class).getText()).doesNotContain("CJD");
    }

    /**
     * Alt+Flèche bas opens a searchable list; the letters typed then filter it (the robot's
     * {@code write} sends the characters only, without the key presses that would open it).
     */
    private static void openPopup(FxRobot robot) {
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Tab (Maj+Tab when {@code back}) until the focus is on the node {@code id}; at most 30 times. */
    private static void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 30; i++) {
            Node owner = robot.lookup("#" + id).tryQuery().map(n -> n.getScene().getFocusOwner()).orElse(null);
            if (owner != null && id.equals(owner.getId())) {
                return;
            }
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void withoutTheMouseANewUserCreatesAnOrganisationAConventionWithAQpvAndASignatoryAndAnEngagement(FxRobot robot)
            throws Exception {
        // the organisation
        ctrl(robot, KeyCode.DIGIT2);
        TableView<?> organisations = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> organisations.getItems().size() == 1);
        ctrl(robot, KeyCode.N);
        robot.write("Boulangerie Planoise");
        ctrl(robot, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.organisations.list().size() == 2);
        Organisation bakery = app.organisations.list().stream().map(i -> i.organisation())
                .filter(o -> o.legalName().equals("Boulangerie Planoise")).findFirst().orElseThrow();

        // the convention, its QPV and its signatory
        ctrl(robot, KeyCode.DIGIT3);
        TableView<?> conventions = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> conventions.getItems().size() == 1
                && !app.tasks.busyProperty().get());
        ctrl(robot, KeyCode.N);
        assertThat(focusOwner(robot).getId()).isEqualTo("companyBox");
        openPopup(robot);
        robot.write("Boulan").type(KeyCode.ENTER);
        tabTo(robot, "titleField");
        robot.write("Convention Boulangerie");
        tabTo(robot, "departmentBox");
        openPopup(robot);
        robot.write("Doubs").type(KeyCode.ENTER);
        tabTo(robot, "startPicker");
        robot.write("01/12/2026");
        ctrl(robot, KeyCode.TAB); // « Quartiers »
        tabTo(robot, "qpvList");
        robot.type(KeyCode.DOWN, KeyCode.SPACE);
        ctrl(robot, KeyCode.PAGE_UP);
        ctrl(robot, KeyCode.PAGE_UP); // round to « Signataires »
        tabTo(robot, "addSignatoryButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#signatory-name").tryQuery()
                .map(Node::isFocused).orElse(false));
        robot.targetWindow(robot.lookup("#signatory-name").query().getScene().getWindow());
        robot.write("Camille Martin").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#signatory-name").tryQuery().isEmpty());
        robot.targetWindow(robot.lookup("#table").query().getScene().getWindow());
        WaitForAsyncUtils.waitForFxEvents();
        ctrl(robot, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.conventions.list().size() == 2);
        Convention stored = app.conventions.list().stream().filter(i -> i.companyId().equals(bakery.id()))
                .map(i -> app.conventions.get(i.id()).orElseThrow()).findFirst().orElseThrow();
        assertThat(stored.title()).isEqualTo("Convention Boulangerie");
        assertThat(stored.startDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(stored.qpvIds()).containsExactly(planoise.id());
        assertThat(stored.signatories()).extracting(fr.ancrage.domain.Signatory::fullName)
                .containsExactly("Camille Martin");

        // an engagement with a target
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> conventionForm().originalProperty().get() != null
                && conventionForm().originalProperty().get().id().equals(stored.id()));
        focus(robot, "#tabs");
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        while (tabs.getSelectionModel().getSelectedIndex() != 2) {
            ctrl(robot, KeyCode.PAGE_DOWN); // to « Engagements »
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#addEngagementButton")
                .queryAs(javafx.scene.control.MenuButton.class).getItems().isEmpty());
        tabTo(robot, "addEngagementButton");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN, KeyCode.ENTER); // the first category
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#engagementActionType").tryQuery()
                .map(Node::isFocused).orElse(false));
        robot.targetWindow(robot.lookup("#engagementActionType").query().getScene().getWindow());
        robot.type(KeyCode.DOWN); // its first action type
        tabTo(robot, "engagementDescription");
        robot.write("Stages de découverte");
        tabTo(robot, "qpv-QN02501A");
        robot.type(KeyCode.SPACE);
        tabTo(robot, "target-0-2026");
        robot.write("12").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.engagements.list(stored.id()).size() == 1);
        var engagement = app.engagements.list(stored.id()).getFirst().engagement();
        assertThat(engagement.description()).isEqualTo("Stages de découverte");
        assertThat(engagement.qpvIds()).containsExactly(planoise.id());
        assertThat(engagement.targets()).anySatisfy(t -> {
            assertThat(t.year()).isEqualTo(2026);
            assertThat(t.value()).isEqualByComparingTo("12");
        });
    }
}
