package fr.ancrage;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.domain.Backup;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Backups;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Salvage;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreOpeningException;
import fr.ancrage.service.BackupService;
import fr.ancrage.service.FirstStartService;
import fr.ancrage.service.Services;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.common.UiPreferences;
import fr.ancrage.ui.main.FirstStart;
import fr.ancrage.ui.main.Shell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Composition root: opens the data folder's database off the FX thread, offers the demo on a new
 * database, then builds the services and the main window. When the base cannot be opened it says
 * why and, for a damaged, empty or foreign file, offers « Réparer » or « Restaurer une
 * sauvegarde… »; a restore from the « Sauvegardes » dialog closes the base and opens it again.
 */
public final class AncrageApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(AncrageApp.class);

    private final ShutdownSequence shutdown = ShutdownSequence.installed();
    private final Clock clock = Clock.systemDefaultZone();
    private FxTaskRunner tasks;
    private volatile Database database;
    private Stage stage;
    private UiContext ui;
    private I18n i18n;
    private CommandLine options;
    private Path dataDir;
    private Label splashText;
    private VBox splash;

    @Override
    public void start(Stage primaryStage) throws Exception {
        this.stage = primaryStage;
        options = CommandLine.parse(getParameters().getRaw());
        i18n = I18n.forLanguage(options.language());
        // the date picker names months and days in the default format locale: the interface's
        // language rather than the system's (the app image carries jdk.localedata for fr and en)
        Locale.setDefault(Locale.Category.FORMAT, i18n.locale());
        tasks = new FxTaskRunner(error -> error instanceof StoreOpeningException); // logged below
        // the workers stop first, the database closes last: on « Quitter » and on SIGTERM alike
        shutdown.then(tasks);
        shutdown.then(() -> {
            Database db = database;
            if (db != null) {
                db.close();
            }
        });
        dataDir = DataDirectory.resolve(options.dataDirectory(), System.getenv(),
                System.getProperty("os.name"), System.getProperty("user.home"));
        // the tables' columns (shown, width, order) as the user left them, kept next to the base
        ui = UiContext.create(i18n, tasks, clock,
                UiPreferences.file(dataDir.resolve(DataDirectory.UI_PREFERENCES)));
        // never a silent blank window nor a loop of dialogs: logged, said once, the app can still be closed
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) ->
                ui.dialogs().unexpected().onFxThread(() -> stage, error));

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        splashText = new Label();
        splashText.setWrapText(true);
        splashText.setMaxWidth(640);
        splashText.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        splash = new VBox(16, new ProgressIndicator(), splashText);
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
        openStore();
    }

    private void showSplash(String text) {
        splashText.setText(text);
        if (stage.getScene().getRoot() != splash) {
            stage.getScene().setRoot(splash);
        }
    }

    /** The base just opened and what it holds. */
    private record Opened(Database db, FirstStartService.State state) {
    }

    /**
     * Checks and opens the base in the background, then shows the main window. On a new base the
     * demo question comes first, then the reference (and the demo) load with their progress on screen
     * ({@link FirstStart}), then the main window. When the folder has no database file yet, the
     * question is asked at once, while the base is created behind it.
     */
    private void openStore() {
        showSplash(i18n.format("startup.opening", dataDir.toString()));
        FirstStart firstStart = new FirstStart(ui, stage, (withDemo, listener) ->
                new FirstStartService(new Store(database.dsl()), clock).prepare(withDemo, listener));
        boolean askNow = Database.isAbsent(dataDir) && !options.demo();
        // the opening and the question, each may end first: what ends first waits for the other
        var outcome = new Object() {
            Opened opened;
            Throwable failure;
            Boolean answer;

            void next() {
                if (failure != null) {
                    openingFailed(failure);
                } else if (opened != null && (answer != null || !askNow)) {
                    opened(firstStart, opened, answer);
                }
            }
        };
        tasks.run(() -> {
            Database db = Database.open(dataDir, Database.Options.defaults().withClock(clock).withRebuilding(
                    () -> Platform.runLater(() -> splashText.setText(i18n.get("startup.figures")))));
            try {
                return new Opened(db, new FirstStartService(new Store(db.dsl()), clock).state());
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }, opened -> {
            database = opened.db();
            outcome.opened = opened;
            if (!askNow || outcome.answer != null) {
                outcome.next();
            }
        }, error -> {
            outcome.failure = error;
            if (!askNow || outcome.answer != null) {
                outcome.next();
            }
        });
        if (askNow) {
            outcome.answer = firstStart.askDemo();
            if (outcome.opened == null && outcome.failure == null) {
                firstStart.showCreating(outcome.answer); // the base is still being created
            }
            outcome.next();
        }
    }

    /** The base is open: the first start's work when it lacks the reference, then the main window. */
    private void opened(FirstStart firstStart, Opened opened, Boolean answer) {
        Database db = opened.db();
        FirstStartService.State state = opened.state();
        if (!state.referenceMissing()) {
            openMainWindow(db);
            return;
        }
        Consumer<Boolean> ready = demo -> openMainWindow(db);
        Consumer<Throwable> failed = error -> {
            // the reference could not be loaded: the base is not usable as it is; closed off the FX thread
            database = null;
            tasks.run(() -> {
                db.close();
                return db;
            }, closed -> openingFailed(error), closeFailure -> openingFailed(error));
        };
        if (answer != null) {
            // asked while the base was being created: the answer holds for a base that is new indeed
            firstStart.prepare(answer && state.isNew(), ready, failed);
        } else {
            // a new base (or one whose first start was cut short): the question, then the long work
            firstStart.run(state.isNew(), options.demo(), ready, failed);
        }
    }

    private void openMainWindow(Database db) {
        Shell shell = new Shell(ui, stage, db.dataDirectory(),
                Services.over(new Store(db.dsl()), clock, i18n, db.dataDirectory().resolve(DataDirectory.TEMPLATES)),
                new BackupService(db), this::restore);
        shell.open();
        // unsaved changes are asked about before the window closes; the question itself never
        // keeps the application open: should it fail, the window closes (decision 0013)
        stage.setOnCloseRequest(e -> {
            try {
                if (!shell.mayClose()) {
                    e.consume();
                }
            } catch (RuntimeException error) {
                LOG.error("The question before closing failed; closing anyway", error);
            }
        });
        LOG.info("Main window shown");
    }

    private void openingFailed(Throwable error) {
        if (!(error instanceof StoreOpeningException failure)) {
            LOG.error("Cannot open the data folder {}", dataDir, error);
            ui.dialogs().error(stage, i18n.get("startup.error.title"),
                    i18n.format("startup.error.UNKNOWN", dataDir.toString(), String.valueOf(error.getMessage())));
            Platform.exit();
            return;
        }
        StoreOpeningException.Reason reason = failure.reason();
        if (reason == StoreOpeningException.Reason.LOCKED) {
            LOG.warn("The data folder {} is already used by another instance", dataDir);
        } else {
            LOG.error("Cannot open the data folder {}", dataDir, error);
        }
        String message = i18n.format(failure.messageKey(), failure.messageArgs());
        boolean fileProblem = reason == StoreOpeningException.Reason.CORRUPT
                || reason == StoreOpeningException.Reason.EMPTY || reason == StoreOpeningException.Reason.FOREIGN;
        if (!fileProblem) {
            ui.dialogs().error(stage, i18n.get("startup.error.title"), message);
            Platform.exit();
            return;
        }
        List<String> choices = new ArrayList<>();
        if (failure.repairable()) {
            choices.add(i18n.get("startup.repair"));
        }
        choices.add(i18n.get("startup.restore"));
        choices.add(i18n.get("startup.quit"));
        Optional<Integer> choice = ui.dialogs().chooseAmong(stage, i18n.get("startup.error.title"), message, choices,
                choices.size() - 1);
        String chosen = choice.map(choices::get).orElse("");
        if (chosen.equals(i18n.get("startup.repair"))) {
            repair();
        } else if (chosen.equals(i18n.get("startup.restore"))) {
            chooseBackup().ifPresentOrElse(this::restore, () -> openingFailed(error));
        } else {
            Platform.exit();
        }
    }

    private Optional<Path> chooseBackup() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("startup.restore"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("startup.restore.filter"), "*.zip"));
        Path folder = dataDir.resolve(Backups.FOLDER);
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showOpenDialog(stage);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** « Réparer »: salvages what can be read into a new base, then opens it. */
    private void repair() {
        showSplash(i18n.get("startup.repairing"));
        tasks.run(() -> Database.repair(dataDir, clock), (Salvage.Outcome outcome) -> {
            ui.dialogs().info(stage, i18n.get("startup.repaired.title"), i18n.format("startup.repaired.message",
                    outcome.recovered(), outcome.lost(), outcome.damagedKeptAt().toString()));
            openStore();
        }, error -> {
            LOG.error("Repair failed in {}", dataDir, error);
            ui.dialogs().error(stage, i18n.get("startup.error.title"),
                    i18n.format("startup.repair.failed", String.valueOf(error instanceof StoreOpeningException
                            && error.getCause() != null ? error.getCause().getMessage() : error.getMessage())));
            openStore();
        });
    }

    /**
     * Closes the base (its workers' results are dropped with the window), puts the backup in its
     * place (the current base kept as a backup first) and opens it again. A backup that is refused
     * leaves the base as it was, and it opens again as it was.
     */
    private void restore(Path backup) {
        showSplash(i18n.get("startup.restoring"));
        tasks.run(() -> {
            Database open = database;
            database = null;
            if (open != null) {
                open.close();
            }
            return Database.restore(dataDir, backup, clock);
        }, (Optional<Backup> kept) -> {
            ui.dialogs().info(stage, i18n.get("backups.restored.title"), i18n.format("backups.restored.message",
                    backup.getFileName().toString(), kept.map(b -> b.file().toString()).orElse("—")));
            openStore();
        }, error -> {
            ui.dialogs().error(stage, i18n.get("error.title"), ui.errors().describe(error));
            openStore();
        });
    }

    @Override
    public void stop() {
        shutdown.run();
    }
}
