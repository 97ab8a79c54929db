package fr.ancrage.ui.main;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.FirstStartService;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The progress screen of a first start says in French what is done, what is being done, how far and for how long. */
@ExtendWith(ApplicationExtension.class)
class StartupProgressTest {

    private static final char NNBSP = '\u202F';
    private final AtomicLong nanos = new AtomicLong();
    private StartupProgress.Model model;

    @Start
    void start(Stage stage) {
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = I18n.forLanguage("fr");
        model = new StartupProgress.Model(i18n, true, nanos::get);
        Scene scene = new Scene(new StartupProgress(i18n, model).root(), 1000, 700);
        scene.getStylesheets().add(Objects.requireNonNull(
                StartupProgressTest.class.getResource("/fr/ancrage/ui/ancrage.css")).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> classes(FxRobot robot, String query) {
        return robot.lookup(query).query().getStyleClass();
    }

    @Test
    void reportsTheStepsAndHowFarTheCommunesAre(FxRobot robot) {
        // the question answered while the base is still created: its step, not an empty screen
        robot.interact(() -> model.start(StartupProgress.Phase.BASE));
        assertThat(classes(robot, "#startupStep-BASE")).contains("current");
        assertThat(text(robot, "#startupDetail")).isEqualTo("Création des tables de la base…");

        robot.interact(() -> {
            model.start(StartupProgress.Phase.REFERENCE);
            nanos.set(12_400_000_000L);
            model.progress(FirstStartService.Step.REFERENCE, FirstStartService.Unit.COMMUNES, 12_400, 35_014);
        });

        assertThat(text(robot, "#startupTitle")).isEqualTo("Premier démarrage : préparation de la base");
        assertThat(text(robot, "#startupStep-BASE")).isEqualTo("1. Création de la base");
        assertThat(text(robot, "#startupStep-REFERENCE")).isEqualTo("2. Communes et EPCI de référence");
        assertThat(text(robot, "#startupStep-DEMO")).isEqualTo("3. Données de démonstration");
        assertThat(text(robot, "#startupStep-SCREENS")).isEqualTo("4. Ouverture du tableau de bord");
        assertThat(classes(robot, "#startupStep-BASE")).contains("done");
        assertThat(classes(robot, "#startupStep-REFERENCE")).contains("current");
        assertThat(classes(robot, "#startupStep-DEMO")).contains("to-do");
        assertThat(robot.lookup("#startupStep-REFERENCE").queryAs(Label.class).getAccessibleText())
                .isEqualTo("2. Communes et EPCI de référence — en cours");
        assertThat(text(robot, "#startupDetail")).isEqualTo("12" + NNBSP + "400 communes sur 35" + NNBSP + "014");
        double bar = robot.lookup("#startupBar").queryAs(ProgressBar.class).getProgress();
        assertThat(bar).isCloseTo(0.05 + 0.95 * 12_400 / 35_014, within(0.001));
        assertThat(text(robot, "#startupElapsed")).isEqualTo("Temps écoulé : 12 s");
    }

    @Test
    void theFileIsReadBeforeAnythingCanBeCountedThenTheDemoIsCounted(FxRobot robot) {
        robot.interact(() -> model.progress(FirstStartService.Step.REFERENCE, FirstStartService.Unit.FILE, 0, 0));
        assertThat(text(robot, "#startupDetail")).isEqualTo("Lecture du fichier des communes et des EPCI…");
        assertThat(robot.lookup("#startupBar").queryAs(ProgressBar.class).isIndeterminate()).isTrue();

        robot.interact(() -> {
            nanos.set(65_000_000_000L);
            model.progress(FirstStartService.Step.DEMO, FirstStartService.Unit.CONVENTIONS, 20, 55);
        });
        assertThat(classes(robot, "#startupStep-REFERENCE")).contains("done");
        assertThat(classes(robot, "#startupStep-DEMO")).contains("current");
        assertThat(text(robot, "#startupDetail")).isEqualTo("20 conventions sur 55");
        // the third of six parts of the demo, 20 of its 55 conventions written
        assertThat(robot.lookup("#startupBar").queryAs(ProgressBar.class).getProgress())
                .isCloseTo((2 + 20.0 / 55) / 6, within(0.001));
        assertThat(text(robot, "#startupElapsed")).isEqualTo("Temps écoulé : 1 min 05 s");

        robot.interact(() -> model.start(StartupProgress.Phase.SCREENS));
        assertThat(classes(robot, "#startupStep-DEMO")).contains("done");
        assertThat(classes(robot, "#startupStep-SCREENS")).contains("current");
        assertThat(text(robot, "#startupDetail")).isEqualTo("Préparation des écrans…");
        assertThat(robot.lookup("#startupBar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
    }
}
