package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every confirmation of the application (discard changes, delete, restore, unlock a signed
 * convention, close a ceremony…) goes through {@link Dialogs#confirm}: Escape and Enter never
 * confirm; only the confirming button does.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    private CompletableFuture<Boolean> ask(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        I18n i18n = I18n.forLanguage("fr");
        Platform.runLater(() -> answer.complete(new Dialogs(i18n).confirm(stage, i18n.get("conventions.delete.title"),
                i18n.format("conventions.delete.message", "25-2026-004"), i18n.get("action.delete"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAll().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void escapeAndEnterNeverConfirm(FxRobot robot) throws Exception {
        var escape = ask(robot);
        robot.type(KeyCode.ESCAPE);
        assertThat(escape.get(5, TimeUnit.SECONDS)).isFalse();

        var enter = ask(robot);
        robot.type(KeyCode.ENTER);
        assertThat(enter.get(5, TimeUnit.SECONDS)).isFalse();

        var click = ask(robot);
        robot.clickOn("Supprimer");
        assertThat(click.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
