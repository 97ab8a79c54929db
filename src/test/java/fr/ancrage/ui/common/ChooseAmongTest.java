package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up question on a damaged base (« Réparer », « Restaurer une sauvegarde… », « Quitter »):
 * Escape and Enter both pick the safe choice; another is picked only by its own button.
 */
@ExtendWith(ApplicationExtension.class)
class ChooseAmongTest {

    private static final List<String> CHOICES = List.of("Réparer", "Restaurer une sauvegarde…", "Quitter");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private CompletableFuture<Optional<Integer>> ask(FxRobot robot) throws Exception {
        CompletableFuture<Optional<Integer>> answer = new CompletableFuture<>();
        I18n i18n = I18n.forLanguage("fr");
        String message = i18n.format("startup.error.CORRUPT", "/home/delegue/.local/share/ancrage",
                "table COMMUNE, index FK_COMMUNE_EPCI_INDEX_6 illisible (H2 90030)");
        Platform.runLater(() -> answer.complete(new Dialogs(i18n)
                .chooseAmong(stage, i18n.get("startup.error.title"), message, CHOICES, 2)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAll().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void escapeAndEnterPickTheSafeChoice(FxRobot robot) throws Exception {
        var escape = ask(robot);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(escape.get(10, TimeUnit.SECONDS)).contains(2);

        var enter = ask(robot);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(enter.get(10, TimeUnit.SECONDS)).contains(2);
    }

    @Test
    void anotherChoiceIsPickedByItsOwnButton(FxRobot robot) throws Exception {
        var repair = ask(robot);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((Button) n).getText().equals("Réparer"))
                .queryButton());
        assertThat(repair.get(10, TimeUnit.SECONDS)).contains(0);
    }
}
