package fr.ancrage.ui.main;

import fr.ancrage.i18n.I18n;
import fr.ancrage.service.FirstStartService;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The screen of a first start, in place of the main window while the base is prepared: what is
 * being done (the steps, the current one highlighted), how far it is (a bar and « 12 400 communes
 * sur 35 014 ») and for how long. Its {@link Model} is fed on the FX thread.
 */
public final class StartupProgress {

    /** The steps shown, in their order; {@link #DEMO} only when the demo is loaded. */
    public enum Phase { BASE, REFERENCE, DEMO, SCREENS }

    /** Where a step is. */
    public enum State { DONE, CURRENT, TO_DO }

    /** What the screen shows; FX thread only. */
    public static final class Model {
        private static final List<FirstStartService.Unit> DEMO_PARTS = List.of(FirstStartService.Unit.ORGANISATIONS,
                FirstStartService.Unit.QPVS, FirstStartService.Unit.CONVENTIONS, FirstStartService.Unit.ENGAGEMENTS,
                FirstStartService.Unit.RESULTS, FirstStartService.Unit.CAMPAIGN);
        /** The share of the reference step's bar the EPCI take (a few hundred rows before 35 000 communes). */
        private static final double EPCI_SHARE = 0.05;

        private final I18n i18n;
        private final List<Phase> phases;
        private final ObjectProperty<Phase> current = new SimpleObjectProperty<>(Phase.BASE);
        private final DoubleProperty progress = new SimpleDoubleProperty(ProgressBar.INDETERMINATE_PROGRESS);
        private final StringProperty detail = new SimpleStringProperty("");
        private final LongProperty elapsedSeconds = new SimpleLongProperty();
        private final LongSupplier nanoTime;
        private final long startedAt;

        public Model(I18n i18n, boolean withDemo) {
            this(i18n, withDemo, System::nanoTime);
        }

        Model(I18n i18n, boolean withDemo, LongSupplier nanoTime) {
            this.i18n = i18n;
            this.nanoTime = nanoTime;
            this.startedAt = nanoTime.getAsLong();
            List<Phase> list = new ArrayList<>(List.of(Phase.values()));
            if (!withDemo) {
                list.remove(Phase.DEMO);
            }
            this.phases = List.copyOf(list);
        }

        public List<Phase> phases() {
            return phases;
        }

        /** « 2. Communes et EPCI de référence »: the step's number among those shown, then its name. */
        public String stepText(Phase phase) {
            return i18n.format("startup.progress.step", phases.indexOf(phase) + 1, i18n.get(switch (phase) {
                case BASE -> "startup.progress.phase.base";
                case REFERENCE -> "startup.progress.phase.reference";
                case DEMO -> "startup.progress.phase.demo";
                case SCREENS -> "startup.progress.phase.screens";
            }));
        }

        /** « en cours », « terminé », « à venir »: the state in words, for a screen reader. */
        public String stateText(State state) {
            return i18n.get(switch (state) {
                case DONE -> "startup.progress.state.done";
                case CURRENT -> "startup.progress.state.current";
                case TO_DO -> "startup.progress.state.toDo";
            });
        }

        public State state(Phase phase) {
            int at = phases.indexOf(current.get());
            int index = phases.indexOf(phase);
            return index < at ? State.DONE : index == at ? State.CURRENT : State.TO_DO;
        }

        public ObjectProperty<Phase> currentProperty() {
            return current;
        }

        /** From 0 to 1 within the current step; {@link ProgressBar#INDETERMINATE_PROGRESS} while it cannot tell. */
        public DoubleProperty progressProperty() {
            return progress;
        }

        /** « 12 400 communes sur 35 014 »; empty when there is nothing to count. */
        public StringProperty detailProperty() {
            return detail;
        }

        public LongProperty elapsedSecondsProperty() {
            return elapsedSeconds;
        }

        public String elapsedText() {
            long seconds = elapsedSeconds.get();
            return seconds < 60 ? i18n.format("startup.progress.elapsed.seconds", seconds)
                    : i18n.format("startup.progress.elapsed.minutes", seconds / 60,
                    (seconds % 60 < 10 ? "0" : "") + seconds % 60);
        }

        /** Reads the clock again: the elapsed time shown. */
        public void tick() {
            elapsedSeconds.set((nanoTime.getAsLong() - startedAt) / 1_000_000_000L);
        }

        /** A step begins: nothing counted yet. */
        public void start(Phase phase) {
            current.set(phase);
            // the screens are built on the FX thread, which cannot move a bar meanwhile: the work is done
            progress.set(phase == Phase.SCREENS ? 1 : ProgressBar.INDETERMINATE_PROGRESS);
            detail.set(switch (phase) {
                case BASE -> i18n.get("startup.progress.detail.base");
                case SCREENS -> i18n.get("startup.progress.detail.screens");
                default -> "";
            });
            tick();
        }

        /** How far the work of {@link FirstStartService} is. */
        public void progress(FirstStartService.Step step, FirstStartService.Unit unit, int done, int total) {
            Phase phase = step == FirstStartService.Step.REFERENCE ? Phase.REFERENCE : Phase.DEMO;
            if (current.get() != phase) {
                start(phase);
            }
            double within = total <= 0 ? 0 : Math.min(1, (double) done / total);
            switch (unit) {
                case FILE -> {
                    progress.set(ProgressBar.INDETERMINATE_PROGRESS);
                    detail.set(i18n.get("startup.progress.count.file"));
                }
                case EPCI -> progress.set(EPCI_SHARE * within);
                case COMMUNES -> progress.set(EPCI_SHARE + (1 - EPCI_SHARE) * within);
                default -> progress.set((DEMO_PARTS.indexOf(unit) + within) / DEMO_PARTS.size());
            }
            if (unit != FirstStartService.Unit.FILE) {
                detail.set(i18n.format(switch (unit) {
                    case EPCI -> "startup.progress.count.epci";
                    case COMMUNES -> "startup.progress.count.communes";
                    case ORGANISATIONS -> "startup.progress.count.organisations";
                    case QPVS -> "startup.progress.count.qpvs";
                    case CONVENTIONS -> "startup.progress.count.conventions";
                    case ENGAGEMENTS -> "startup.progress.count.engagements";
                    case RESULTS -> "startup.progress.count.results";
                    case CAMPAIGN, FILE -> "startup.progress.count.campaign";
                }, done, total));
            }
            tick();
        }
    }

    private final Model model;
    private final StackPane root = new StackPane();
    private final Timeline clock;

    public StartupProgress(I18n i18n, Model model) {
        this.model = model;
        Label title = new Label(i18n.get("startup.progress.title"));
        title.setId("startupTitle");
        title.getStyleClass().add("startup-title");
        title.setWrapText(true);
        Label intro = new Label(i18n.get("startup.progress.intro"));
        intro.setId("startupIntro");
        intro.getStyleClass().add("startup-intro");
        intro.setWrapText(true);
        VBox steps = new VBox(6);
        steps.getStyleClass().add("startup-steps");
        List<Label> stepLabels = new ArrayList<>();
        for (Phase phase : model.phases()) {
            Label step = new Label(model.stepText(phase));
            step.setId("startupStep-" + phase.name());
            step.getStyleClass().add("startup-step");
            step.setWrapText(true);
            stepLabels.add(step);
            steps.getChildren().add(step);
        }
        ProgressBar bar = new ProgressBar();
        bar.setId("startupBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label detail = new Label();
        detail.setId("startupDetail");
        detail.getStyleClass().add("startup-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailProperty());
        Label elapsed = new Label();
        elapsed.setId("startupElapsed");
        elapsed.getStyleClass().add("startup-elapsed");
        model.elapsedSecondsProperty().subscribe(s -> elapsed.setText(model.elapsedText()));
        model.currentProperty().subscribe(now -> {
            for (int i = 0; i < stepLabels.size(); i++) {
                Label label = stepLabels.get(i);
                State state = model.state(model.phases().get(i));
                label.getStyleClass().removeAll("done", "current", "to-do");
                label.getStyleClass().add(state == State.DONE ? "done" : state == State.CURRENT ? "current" : "to-do");
                org.kordamp.ikonli.javafx.FontIcon icon = new org.kordamp.ikonli.javafx.FontIcon(switch (state) {
                    case DONE -> org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHECK_CIRCLE;
                    case CURRENT -> org.kordamp.ikonli.materialdesign2.MaterialDesignA.ARROW_RIGHT_CIRCLE;
                    case TO_DO -> org.kordamp.ikonli.materialdesign2.MaterialDesignC.CIRCLE_OUTLINE;
                });
                icon.setIconSize(18);
                label.setGraphic(icon);
                label.setGraphicTextGap(10);
                // said in words too, not by the colour alone (screen readers, a grey screen)
                label.setAccessibleText(label.getText() + " — " + model.stateText(state));
            }
        });
        VBox card = new VBox(14, title, intro, steps, bar, detail, elapsed);
        card.getStyleClass().add("startup-card");
        card.setMaxWidth(620);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setFillWidth(true);
        root.getChildren().add(card);
        root.getStyleClass().add("startup");
        root.setId("startupProgress");
        StackPane.setAlignment(card, Pos.CENTER);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().subscribe(scene -> {
            if (scene == null) {
                clock.stop();
            } else {
                clock.play();
            }
        });
    }

    public Model model() {
        return model;
    }

    public Parent root() {
        return root;
    }
}
