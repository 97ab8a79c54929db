package fr.ancrage.ui.conventions;

import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Organisation;
import fr.ancrage.service.ServiceFixtures;
import fr.ancrage.ui.main.UiHarness;
import javafx.application.Platform;
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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression tests of issue 15 on the Conventions screen: what the user saves is what is stored. */
@ExtendWith(ApplicationExtension.class)
class ConventionsTrustTest {

    private UiHarness app;
    private Organisation company;
    private Organisation other;
    private fr.ancrage.domain.Convention signed;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        company = app.organisations.save(ServiceFixtures.company("Horlogerie Vauban", ""));
        other = app.organisations.save(ServiceFixtures.company("Boulangerie Battant", ""));
        signed = ServiceFixtures.signed(app.conventions, company.id());
        app.start(stage);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            // ours only: the headless platform itself sometimes fails to blit a resized window
            // (IndexOutOfBoundsException in HeadlessWindow.blit), which no code of ours runs
            if (java.util.Arrays.stream(e.getStackTrace()).noneMatch(f -> f.getClassName().startsWith("fr.ancrage."))) {
                return;
            }
            if (uncaught.isEmpty()) {
                e.printStackTrace();
            }
            uncaught.add(e);
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
    }

    private void newConvention(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !ConventionsViewTestAccess.companies(robot).isEmpty());
        robot.clickOn("#newButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#saveButton").query().isVisible());
        robot.clickOn("#companyBox").write("Horlo").type(KeyCode.ENTER);
        robot.clickOn("#departmentBox").write("Doubs").type(KeyCode.ENTER);
    }

    /** Defect 1: an EPCI chosen by typing in its list, then saved, then saved again. */
    @Test
    void anEpciChosenByTypingSavesWithoutAnyError(FxRobot robot) throws Exception {
        newConvention(robot);
        robot.clickOn("#epciBox").write("Grand Besan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#titleField").write("Convention 2026");
        robot.clickOn("#saveButton");
        TableView<ConventionListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(uncaught).isEmpty();
        assertThat(app.conventions.list()).filteredOn(i -> i.title().equals("Convention 2026"))
                .extracting(ConventionListItem::epciName).singleElement().asString().contains("Grand Besan");

        robot.clickOn("#titleField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Convention PaQte 2026");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get()
                && app.conventions.list().stream().anyMatch(i -> i.title().equals("Convention PaQte 2026")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(uncaught).isEmpty();
    }

    private ConventionFormViewModel openSigned(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<ConventionListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(signed.reference());
        ConventionFormViewModel form = app.shell.conventionsForm();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> form.originalProperty().get() != null);
        return form;
    }

    /**
     * Defect 2: « Nouvelle convention » from another company's screen, while a signed convention is
     * being edited, then « Annuler » (here Escape) on the question: the open convention keeps its
     * company, and saving it does not move it.
     */
    @Test
    void keepingTheOpenConventionDoesNotSlipAnotherCompanyIntoIt(FxRobot robot) throws Exception {
        ConventionFormViewModel form = openSigned(robot);
        robot.clickOn("#titleField").type(KeyCode.END).write(" modifiée");
        assertThat(form.dirtyProperty().get()).isTrue();

        robot.interact(() -> app.shell.newConvention(other.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Abandonner les modifications ?").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // one question, answered: no other one waiting behind it
        assertThat(javafx.stage.Window.getWindows()).hasSize(1);

        assertThat(form.originalProperty().get().id()).isEqualTo(signed.id());
        assertThat(form.companyProperty().get().id()).isEqualTo(company.id());
        assertThat(form.titleProperty().get()).isEqualTo("Convention test modifiée");

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.conventions.get(signed.id()).orElseThrow()
                .title().equals("Convention test modifiée"));
        assertThat(app.conventions.get(signed.id()).orElseThrow().companyId()).isEqualTo(company.id());
        assertThat(uncaught).isEmpty();
    }

    /** Signed means protected: the company is read-only until the user asks, and Escape does not unlock it. */
    @Test
    void aSignedConventionUnlocksOnlyThroughItsConfirmedAction(FxRobot robot) throws Exception {
        ConventionFormViewModel form = openSigned(robot);
        var companyBox = robot.lookup("#companyBox").queryAs(javafx.scene.control.Control.class);
        assertThat(companyBox.isDisabled()).isTrue();
        assertThat(robot.lookup("#signaturePicker").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#addSignatoryButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#signedLabel").queryAs(javafx.scene.control.Label.class).getText())
                .contains(signed.reference()).contains("signée");

        robot.clickOn("#unlockSignedButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Modifier une convention signée ?").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(companyBox.isDisabled()).isTrue();

        robot.clickOn("#unlockSignedButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Modifier une convention signée ?").tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // the default button is « Annuler »
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(companyBox.isDisabled()).isTrue();

        robot.clickOn("#unlockSignedButton");
        robot.clickOn("Déverrouiller pour corriger");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(companyBox.isDisabled()).isFalse();
        robot.interact(() -> form.companyProperty().set(ConventionsViewTestAccess.companies(robot).stream()
                .filter(o -> o.id().equals(other.id())).findFirst().orElseThrow()));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.conventions.get(signed.id()).orElseThrow().companyId().equals(other.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> companyBox.isDisabled()); // locked again once saved
    }

    /** Defect 8: deleting a signed convention is refused with its reason, before any question. */
    @Test
    void aRefusedDeleteIsSaidBeforeAnyQuestion(FxRobot robot) throws Exception {
        openSigned(robot);
        robot.clickOn("#deleteButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Suppression impossible").tryQuery().isPresent());
        assertThat(robot.lookup("Supprimer la convention").tryQuery()).isEmpty();
        assertThat(robot.lookup(".dialog-message").queryAs(javafx.scene.control.Label.class).getText())
                .contains("signée ne peut pas être supprimée");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.conventions.get(signed.id())).isPresent();
    }

    /** Defect 8: an ended convention says so on its Engagements tab and takes no new engagement. */
    @Test
    void anEndedConventionTakesNoNewEngagement(FxRobot robot) throws Exception {
        app.conventions.changeStatus(app.conventions.get(signed.id()).orElseThrow(),
                fr.ancrage.domain.ConventionStatus.TERMINATED);
        openSigned(robot);
        robot.interact(() -> robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#addEngagementButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#unsavedHint").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Convention terminée").contains("Bilan");
    }

    /** With nothing changed, « Nouvelle convention » from another company opens a new form for it, without a question. */
    @Test
    void newConventionFromAnotherCompanyOpensANewFormForIt(FxRobot robot) throws Exception {
        ConventionFormViewModel form = openSigned(robot);
        robot.interact(() -> app.shell.newConvention(other.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.tasks.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.stage.Window.getWindows()).hasSize(1);
        assertThat(form.isNew()).isTrue();
        assertThat(form.companyProperty().get().id()).isEqualTo(other.id());
        assertThat(robot.lookup("#detailTitle").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Nouvelle convention");
    }

    /** Closing the window with unsaved changes asks first; Escape and Enter keep the window and the changes. */
    @Test
    void closingWithUnsavedChangesAsksAndOnlyItsButtonQuits(FxRobot robot) throws Exception {
        ConventionFormViewModel form = openSigned(robot);
        assertThat(ask(robot, false).get(5, TimeUnit.SECONDS)).isTrue(); // nothing changed: no question
        robot.clickOn("#titleField").type(KeyCode.END).write(" modifiée");
        for (KeyCode key : List.of(KeyCode.ESCAPE, KeyCode.ENTER)) {
            var answer = ask(robot, true);
            robot.type(key);
            assertThat(answer.get(5, TimeUnit.SECONDS)).as(key.getName()).isFalse();
        }
        assertThat(form.titleProperty().get()).endsWith("modifiée");
        var quit = ask(robot, true);
        robot.clickOn("Quitter sans enregistrer");
        assertThat(quit.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private java.util.concurrent.CompletableFuture<Boolean> ask(FxRobot robot, boolean question) throws Exception {
        var answer = new java.util.concurrent.CompletableFuture<Boolean>();
        javafx.application.Platform.runLater(() -> answer.complete(app.shell.mayClose()));
        if (question) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Quitter sans enregistrer ?").tryQuery().isPresent());
            assertThat(robot.lookup(".dialog-message").queryAs(javafx.scene.control.Label.class).getText()).contains("Conventions");
        }
        return answer;
    }
}
