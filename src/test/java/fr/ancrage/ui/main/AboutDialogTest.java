package fr.ancrage.ui.main;

import fr.ancrage.i18n.I18n;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    @TempDir
    static Path dataDir;

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
    void f1OpensTheDialogFromTheMainWindow(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisations");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        // the harness's data folder is not a real one: the size says it does not know
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text(robot, "#aboutDatabaseSize").startsWith("inconnue"));
        assertThat(text(robot, "#aboutVersion")).isEqualTo("développement");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isEmpty());

        // and from the button at the bottom of the sidebar
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void showsTheVersionTheFoldersTheSizeOfTheBaseAndOpensTheLogFolder(FxRobot robot) throws Exception {
        Path database = dataDir.resolve("ancrage.mv.db");
        try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
            file.setLength(13_002_342); // 12,4 Mo
        }
        Files.createDirectories(dataDir.resolve("journaux"));
        List<Path> opened = new CopyOnWriteArrayList<>();
        AboutDialog about = new AboutDialog(fr.ancrage.ui.common.UiContext.create(I18n.forLanguage("fr"), app.tasks),
                new AboutDialog.Info("1.4.0", dataDir, database, dataDir.resolve("journaux")), opened::add);
        robot.interact(() -> about.show(app.shell.main().root().getScene().getWindow()));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#aboutDatabaseSize").equals("12,4 Mo"));
        assertThat(text(robot, "#aboutVersion")).isEqualTo("1.4.0");
        assertThat(text(robot, "#aboutDataFolder")).isEqualTo(dataDir.toString());
        assertThat(text(robot, "#aboutLogFolder")).isEqualTo(dataDir.resolve("journaux").toString());

        robot.clickOn("#aboutOpenLogs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(dataDir.resolve("journaux"));
        robot.clickOn("Fermer");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isEmpty());
    }

    @Test
    void sizesAreWrittenAsTheFileManagersDo() {
        I18n fr = I18n.forLanguage("fr");
        assertThat(AboutDialog.size(0, fr)).isEqualTo("0 o");
        assertThat(AboutDialog.size(1023, fr)).isEqualTo("1023 o");
        assertThat(AboutDialog.size(1536, fr)).isEqualTo("1,5 Ko");
        assertThat(AboutDialog.size(5L * 1024 * 1024, fr)).isEqualTo("5 Mo");
        assertThat(AboutDialog.size(13_002_342, fr)).isEqualTo("12,4 Mo");
        assertThat(AboutDialog.size(300L * 1024 * 1024, fr)).isEqualTo("300 Mo");
        assertThat(AboutDialog.size(3L * 1024 * 1024 * 1024, fr)).isEqualTo("3 Go");
        assertThat(AboutDialog.size(13_002_342, I18n.forLanguage("en"))).isEqualTo("12.4 MB");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
