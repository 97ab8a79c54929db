package fr.ancrage;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreOpeningException;
import fr.ancrage.service.Services;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.main.Shell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Composition root: opens the data folder's database off the FX thread, offers the demo on a new
 * database, then builds the services and the main window. Wires, does nothing else.
 */
public final class AncrageApp extends Application {


    private static final Logger LOG = LoggerFactory.getLogger(AncrageApp.class);

    private FxTaskRunner tasks;
    private Database database;

    @Override
    public void start(Stage stage) throws Exception {
        CommandLine options = CommandLine.parse(getParameters().getRaw());
        I18n i18n = I18n.forLanguage(options.language());
        tasks = new FxTaskRunner(error -> error instanceof StoreOpeningException); // logged below
        UiContext ui = UiContext.create(i18n, tasks);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            // never a silent blank window: say it, keep the data, let the user go on or quit
            LOG.error("Unexpected error on the FX thread", error);
            ui.dialogs().error(stage, i18n.get("error.title"), ui.errors().describe(error));
        });
        Path dataDir = DataDirectory.resolve(options.dataDirectory(), System.getenv(),
                System.getProperty("os.name"), System.getProperty("user.home"));

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Label opening = new Label(i18n.format("startup.opening", dataDir.toString()));
        VBox splash = new VBox(16, new ProgressIndicator(), opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                AncrageApp.class.getResource("/fr/ancrage/ui/ancrage.css")).toExternalForm());
        stage.setTitle(i18n.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setScene(scene);
        // the lists and forms sit side by side: the whole screen serves them best, a small one above all
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setMaximized(true);
        stage.show();

        tasks.run(() -> {
            Database db = Database.open(dataDir,
                    () -> Platform.runLater(() -> opening.setText(i18n.get("startup.figures"))));
            TerritoryService territories = new TerritoryService(new Store(db.dsl()));
            if (territories.referenceVersion().isEmpty()) {
                // first start on this folder: a few seconds to load the communes and EPCI
                Platform.runLater(() -> opening.setText(i18n.get("startup.reference")));
            }
            territories.ensureReferenceData();
            return db;
        }, db -> {
            database = db;
            Shell shell = new Shell(ui, stage, db.dataDirectory(),
                    Services.over(new Store(db.dsl()), Clock.systemDefaultZone(), i18n,
                            db.dataDirectory().resolve(DataDirectory.TEMPLATES)));
            shell.open(db.wasCreated(), options.demo());
        }, error -> {
            String reason = error instanceof StoreOpeningException s ? s.reason().name() : "UNKNOWN";
            if ("LOCKED".equals(reason)) {
                LOG.warn("The data folder {} is already used by another instance", dataDir);
            } else {
                LOG.error("Cannot open the data folder {}", dataDir, error);
            }
            ui.dialogs().error(stage, i18n.get("startup.error.title"),
                    i18n.format("startup.error." + reason, dataDir.toString(), String.valueOf(error.getMessage())));
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
