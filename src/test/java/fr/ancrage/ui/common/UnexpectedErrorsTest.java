package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for unexpected errors (decision 0013): shown once, truthful, never a loop. */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorsTest {

    private Stage stage;
    private UnexpectedErrors errors;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        errors = new UnexpectedErrors(I18n.forLanguage("fr"), Clock.systemDefaultZone());
        stage.setScene(new Scene(new StackPane(new Label("Ancrage")), 400, 300));
        stage.show();
        // as the application does: what the FX thread does not catch comes here
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.onFxThread(() -> stage, e));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            // the next test classes run on the same FX thread: leave it as found
            Thread.currentThread().setUncaughtExceptionHandler(null);
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long openDialogs() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .count();
    }

    private static String shownText() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .map(w -> ((Label) ((javafx.scene.control.DialogPane) w.getScene().getRoot()).getContent()).getText())
                .findFirst().orElse("");
    }

    private static void failOnFxThread(int times, String where) {
        for (int i = 0; i < times; i++) {
            Platform.runLater(() -> {
                throw new IndexOutOfBoundsException("Index 0 out of bounds for length 0 (" + where + ")");
            });
        }
    }

    /** Defect 1: the same error raised again and again gives one dialog, which does not come back. */
    @Test
    void theSameErrorRaisedAgainAndAgainIsShownOnceAndNeverReopens(FxRobot robot) {
        failOnFxThread(12, "listener");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openDialogs()).isEqualTo(1);
        assertThat(shownText()).contains("n’a rien écrit dans la base").doesNotContain("rien n’a été enregistré");

        robot.clickOn("Fermer");
        WaitForAsyncUtils.waitForFxEvents();
        failOnFxThread(3, "listener");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openDialogs()).isZero();
        // the main window still closes
        robot.interact(stage::close);
        assertThat(stage.isShowing()).isFalse();
    }

    /** After a committed save, the message says the save succeeded and names it. */
    @Test
    void anErrorAfterASaveSaysTheSaveSucceeded(FxRobot robot) {
        robot.interact(() -> {
            errors.saved("la convention 25-2026-019");
            errors.afterSave(() -> stage, new IllegalStateException("table"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openDialogs()).isEqualTo(1);
        assertThat(shownText()).contains("L’enregistrement a réussi").contains("la convention 25-2026-019");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openDialogs()).isZero();
    }
}
