package fr.ancrage.ui.dashboard;

import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user on an empty base: the dashboard explains how it fills up instead of showing zeros. */
@ExtendWith(ApplicationExtension.class)
class DashboardEmptyViewTest {

    private UiHarness app;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void anEmptyBaseShowsWhatToDoAndNoFigure(FxRobot robot) throws Exception {
        robot.clickOn("#nav-dashboard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dashboardEmpty").tryQuery().isPresent());
        assertThat(robot.lookup("#dashboardEmpty .title-3").queryAs(Label.class).getText())
                .isEqualTo("Aucune convention pour l’instant");
        assertThat(robot.lookup("#dashboardEmpty .empty-state").queryAs(Label.class).getText())
                .contains("Organisations").contains("Conventions");
        assertThat(robot.lookup("#cardConventions").tryQuery()).isEmpty();
        assertThat(robot.lookup(".chart-card").tryQuery()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#alert-ending30-count").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#alert-overdue .hint").queryAs(Labeled.class).getText())
                .isEqualTo("Aucun bilan en retard dans les campagnes.");
        assertThat(app.shell.main().badge("dashboard")).isEmpty();
    }
}
