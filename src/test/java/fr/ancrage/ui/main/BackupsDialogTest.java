package fr.ancrage.ui.main;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.domain.Backup;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.service.BackupService;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.ui.common.UiContext;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** « Sauvegardes… » as a user works it: back up now, see it listed, restore with a confirmation. */
@ExtendWith(ApplicationExtension.class)
class BackupsDialogTest {

    @TempDir
    Path dir;
    private Database database;
    private FxTaskRunner tasks;
    private final List<Path> restored = new CopyOnWriteArrayList<>();
    private Stage stage;
    private BackupsDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 900, 640));
        // the headless screen is 1000 px: a stage an earlier test moved would put the dialog off it
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void close() {
        if (tasks != null) {
            tasks.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void open(FxRobot robot) throws Exception {
        database = Database.open(dir.resolve("données"));
        tasks = new FxTaskRunner();
        UiContext ui = UiContext.create(I18n.forLanguage("fr"), tasks);
        dialog = new BackupsDialog(ui, new BackupService(database), restored::add);
        Platform.runLater(() -> dialog.show(stage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#backupNow").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false));
        // the number of automatic backups kept is read in the background
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#backupsKept").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<Backup> table(FxRobot robot) {
        return robot.lookup("#backupsTable").queryAs(TableView.class);
    }

    @Test
    void aBackupMadeNowIsListedAndRestoredAfterConfirmation(FxRobot robot) throws Exception {
        open(robot);
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(((Label) table(robot).getPlaceholder()).getText()).startsWith("Aucune sauvegarde pour l’instant");
        assertThat(robot.lookup("#backupRestore").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#backupNow");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        Backup made = table(robot).getItems().getFirst();
        assertThat(made.file()).exists();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#backupsOutcome").queryAs(Label.class).getText().startsWith("Sauvegarde écrite : "));
        assertThat(table(robot).getColumns().get(1).getCellData(0)).isEqualTo("Manuelle");
        assertThat((String) table(robot).getColumns().get(3).getCellData(0)).endsWith("-manuelle.zip");

        // Escape on the confirmation restores nothing
        robot.clickOn("#backupRestore");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Restaurer").tryQuery().isPresent()
                && robot.lookup(".dialog-pane").queryAll().size() > 1);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restored).isEmpty();
        // nor does Enter: the safe button is the default one
        robot.clickOn("#backupRestore");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").queryAll().size() > 1);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restored).isEmpty();

        robot.clickOn("#backupRestore");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").queryAll().size() > 1);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                && b.getText().equals("Restaurer")).queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> restored.size() == 1);
        assertThat(restored.getFirst()).isEqualTo(made.file());
        assertThat(Files.exists(made.file())).isTrue();
    }

    @Test
    void theNumberOfAutomaticBackupsKeptIsASetting(FxRobot robot) throws Exception {
        open(robot);
        robot.doubleClickOn("#backupsKept .text-field").write("4").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new BackupService(database).keptBackups() == 4);
        assertThat(Files.readString(dir.resolve("données").resolve("parametres.properties")))
                .contains("sauvegardes.automatiques.conservees=4");
    }
}
