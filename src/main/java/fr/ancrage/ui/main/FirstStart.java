package fr.ancrage.ui.main;

import fr.ancrage.service.FirstStartService;
import fr.ancrage.ui.common.UiContext;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The first start on a data folder, once its base is open: on a new base the demo question comes
 * first (before any long work, so that one wait does all), then {@link StartupProgress} shows the
 * reference being loaded, then the demo when chosen; at the end the main window's sections are
 * built, the last step shown. Escape or closing the question means « Commencer à vide »; a demo
 * that fails to load is said, and the base opens without it.
 */
public final class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    /** The long work, in the background: {@link FirstStartService#prepare} in the application. */
    @FunctionalInterface
    public interface Work {
        void prepare(boolean withDemo, FirstStartService.Listener listener) throws Exception;
    }

    private final UiContext ui;
    private final Stage stage;
    private final Work work;
    private StartupProgress progress;

    public FirstStart(UiContext ui, Stage stage, Work work) {
        this.ui = ui;
        this.stage = stage;
        this.work = work;
    }

    /**
     * On the FX thread. {@code newBase}: the question is asked, unless {@code demoRequested}
     * (« --demo ») already answers it. Then as {@link #prepare}.
     */
    public void run(boolean newBase, boolean demoRequested, Consumer<Boolean> ready, Consumer<Throwable> failed) {
        prepare(newBase && (demoRequested || askDemo()), ready, failed);
    }

    /**
     * On the FX thread, the question answered: the work runs with the progress on screen, and
     * {@code ready} is called on the FX thread with the progress still shown (its last step current)
     * and whether the demo was loaded; {@code failed} when the reference cannot be loaded.
     */
    public void prepare(boolean withDemo, Consumer<Boolean> ready, Consumer<Throwable> failed) {
        showProgress(withDemo);
        StartupProgress.Model model = progress.model();
        model.start(StartupProgress.Phase.REFERENCE);
        long started = System.nanoTime();
        ui.tasks().run(() -> {
            work.prepare(withDemo, new FirstStartService.Listener() {
                @Override
                public void started(FirstStartService.Step step) {
                    ui.tasks().onFxThread(() -> model.start(step == FirstStartService.Step.REFERENCE
                            ? StartupProgress.Phase.REFERENCE : StartupProgress.Phase.DEMO));
                }

                @Override
                public void progress(FirstStartService.Step step, FirstStartService.Unit unit, int done, int total) {
                    ui.tasks().onFxThread(() -> model.progress(step, unit, done, total));
                }
            });
            return withDemo;
        }, demo -> {
            LOG.info("First start prepared in {} ms (demo: {})", (System.nanoTime() - started) / 1_000_000, demo);
            model.start(StartupProgress.Phase.SCREENS);
            // one frame for the last step to be seen before the sections are built on this thread
            PauseTransition frame = new PauseTransition(Duration.millis(80));
            frame.setOnFinished(e -> ready.accept(demo));
            frame.play();
        }, error -> {
            if (model.currentProperty().get() == StartupProgress.Phase.DEMO) {
                // the demo is one transaction: nothing of it was kept, the reference was; the base opens empty
                ui.dialogs().error(stage, ui.i18n().get("demo.error.title"), ui.errors().describe(error));
                model.start(StartupProgress.Phase.SCREENS);
                ready.accept(false);
            } else {
                failed.accept(error);
            }
        });
    }

    /**
     * The progress screen, its first step current: the question answered while the base is still
     * being created, the screen says so rather than stay empty.
     */
    public void showCreating(boolean withDemo) {
        showProgress(withDemo);
        progress.model().start(StartupProgress.Phase.BASE);
    }

    private void showProgress(boolean withDemo) {
        if (progress == null || progress.model().phases().contains(StartupProgress.Phase.DEMO) != withDemo) {
            progress = new StartupProgress(ui.i18n(), new StartupProgress.Model(ui.i18n(), withDemo));
        }
        if (stage.getScene().getRoot() != progress.root()) {
            stage.getScene().setRoot(progress.root());
        }
    }

    /** The progress screen of the last {@link #run}, for the tests. */
    public StartupProgress progress() {
        return progress;
    }

    /**
     * « Bienvenue dans Ancrage »: true only by its « Charger la démonstration » button; Escape, Enter
     * (« Commencer à vide » is the default button) and closing the window start empty.
     */
    public boolean askDemo() {
        // behind the question, what it is about: not « Ouverture de la base… »
        Label title = new Label(ui.i18n().get("startup.progress.title"));
        title.getStyleClass().add("startup-title");
        javafx.scene.layout.StackPane backdrop = new javafx.scene.layout.StackPane(title);
        backdrop.getStyleClass().add("startup");
        javafx.scene.layout.StackPane.setAlignment(title, javafx.geometry.Pos.TOP_CENTER);
        javafx.scene.layout.StackPane.setMargin(title, new javafx.geometry.Insets(80, 0, 0, 0));
        stage.getScene().setRoot(backdrop);
        var i18n = ui.i18n();
        ButtonType load = new ButtonType(i18n.get("demo.offer.load"), ButtonBar.ButtonData.OTHER);
        ButtonType empty = new ButtonType(i18n.get("demo.offer.empty"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", load, empty);
        alert.initOwner(stage);
        alert.setTitle(i18n.get("demo.offer.title"));
        alert.setHeaderText(i18n.get("demo.offer.title"));
        Label message = new Label(i18n.get("demo.offer.message"));
        message.setWrapText(true);
        message.setMaxWidth(520);
        alert.getDialogPane().setContent(message);
        alert.getDialogPane().setMinWidth(560);
        alert.getDialogPane().setId("demoQuestion");
        ((Button) alert.getDialogPane().lookupButton(empty)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(load)).setDefaultButton(false);
        alert.setOnShown(e -> fr.ancrage.ui.common.Dialogs.keepCentred(alert.getDialogPane().getScene().getWindow(),
                stage));
        LOG.info("Demo question asked");
        boolean answer = alert.showAndWait().filter(load::equals).isPresent();
        LOG.info("Demo question answered: {}", answer ? "load the demo" : "start empty");
        return answer;
    }
}
