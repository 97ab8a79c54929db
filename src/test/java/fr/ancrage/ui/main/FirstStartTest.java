package fr.ancrage.ui.main;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.FirstStartService;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.ui.common.UiContext;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start on a new base: the demo question comes before any long work (here a recording
 * fake of the reference and demo loading), Escape or closing it means no demo, « --demo » answers
 * it; then the progress screen says in French what is done and how far.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {

    private Stage stage;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final UiContext ui = UiContext.create(I18n.forLanguage("fr"), tasks);
    /** What the fake work did, in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(), 1000, 700);
        scene.getStylesheets().add(Objects.requireNonNull(
                FirstStartTest.class.getResource("/fr/ancrage/ui/ancrage.css")).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void close() {
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
        tasks.close();
    }

    /** The reference, then the demo when asked: what {@link FirstStartService#prepare} tells, recorded. */
    private final FirstStart.Work work = (withDemo, listener) -> {
        events.add("reference loading");
        listener.started(FirstStartService.Step.REFERENCE);
        listener.progress(FirstStartService.Step.REFERENCE, FirstStartService.Unit.COMMUNES, 12_400, 35_014);
        if (withDemo) {
            events.add("demo loading");
            listener.started(FirstStartService.Step.DEMO);
            listener.progress(FirstStartService.Step.DEMO, FirstStartService.Unit.CONVENTIONS, 20, 55);
        }
        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
    };

    private void run(boolean newBase, boolean demoRequested) {
        // run() asks with showAndWait: not from the test thread, later on the FX thread
        Platform.runLater(() -> new FirstStart(ui, stage, work).run(newBase, demoRequested, ready::complete,
                ready::completeExceptionally));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitForQuestion(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#demoQuestion").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDemoQuestionComesBeforeTheReferenceLoadingAndEscapeMeansNoDemo(FxRobot robot) throws Exception {
        run(true, false);
        waitForQuestion(robot);
        // the question is on screen and nothing long has started: one wait, after the answer
        Thread.sleep(300);
        assertThat(events).isEmpty();
        assertThat(robot.lookup("#demoQuestion").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Bienvenue dans Ancrage");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("reference loading"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#startupDetail").tryQuery().map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        assertThat(robot.lookup("#demoQuestion").tryQuery()).isEmpty();
        // no demo: its step is not listed, and the work was not asked for it
        assertThat(robot.lookup("#startupStep-DEMO").tryQuery()).isEmpty();
        assertThat(text(robot, "#startupStep-SCREENS")).isEqualTo("3. Ouverture du tableau de bord");
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(events).containsExactly("reference loading");
    }

    @Test
    void closingTheQuestionMeansNoDemo(FxRobot robot) throws Exception {
        run(true, false);
        waitForQuestion(robot);
        Window question = robot.lookup("#demoQuestion").query().getScene().getWindow();
        robot.interact(() -> question.fireEvent(new WindowEvent(question, WindowEvent.WINDOW_CLOSE_REQUEST)));
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(events).containsExactly("reference loading");
    }

    @Test
    void enterMeansNoDemo(FxRobot robot) throws Exception {
        run(true, false);
        waitForQuestion(robot);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(events).containsExactly("reference loading");
    }

    @Test
    void theDemoIsLoadedOnlyByItsButtonAndTheProgressSaysSo(FxRobot robot) throws Exception {
        run(true, false);
        waitForQuestion(robot);
        assertThat(events).isEmpty();
        robot.clickOn(robot.lookup("#demoQuestion .button")
                .match(n -> ((Button) n).getText().equals("Charger la démonstration")).queryButton());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#startupDetail").tryQuery().map(n -> ((Label) n).getText().contains("conventions"))
                        .orElse(false));
        assertThat(text(robot, "#startupTitle")).isEqualTo("Premier démarrage : préparation de la base");
        assertThat(text(robot, "#startupStep-DEMO")).isEqualTo("3. Données de démonstration");
        assertThat(robot.lookup("#startupStep-DEMO").query().getStyleClass()).contains("current");
        assertThat(robot.lookup("#startupStep-REFERENCE").query().getStyleClass()).contains("done");
        assertThat(text(robot, "#startupDetail")).isEqualTo("20 conventions sur 55");
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("reference loading", "demo loading");
        // the last step, while the main window is built
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#startupStep-SCREENS").query().getStyleClass()).contains("current");
    }

    @Test
    void theDemoOptionAnswersTheQuestion(FxRobot robot) throws Exception {
        run(true, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("demo loading"));
        assertThat(robot.lookup("#demoQuestion").tryQuery()).isEmpty();
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBaseWithRecordsButNoReferenceIsNotAsked(FxRobot robot) throws Exception {
        run(false, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("reference loading"));
        release.countDown();
        assertThat(ready.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(robot.lookup("#demoQuestion").tryQuery()).isEmpty();
        assertThat(events).containsExactly("reference loading");
    }
}
