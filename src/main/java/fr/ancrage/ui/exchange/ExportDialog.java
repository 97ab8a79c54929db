package fr.ancrage.ui.exchange;

import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.exchange.ExchangeScope;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FolderOpener;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * « Paquet d'échange » : what to send (the whole base, a department, an EPCI, or what changed since
 * the last package sent to a base this one knows), then where (the system's file chooser, a name
 * proposed), then the package written in the background — whole or not at all, cancellable — and
 * what it holds, with the folder to open.
 */
public final class ExportDialog {

    /** What the dialog offers: the territories and the bases this one exchanged with. */
    public record Choices(List<Department> departments, List<Epci> epcis, List<ExchangeService.Peer> peers) {
    }

    private enum Kind { BASE, DEPARTMENT, EPCI, CHANGES }

    private final UiContext ui;
    private final ExchangeService exchange;
    private final DocumentService documents;
    private final FileChoice files;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private AtomicBoolean cancelled = new AtomicBoolean();
    private final Label problem = new Label();
    private final Label outcome = new Label();
    private final Label written = new Label();
    private final Button openFolder = new Button();
    private Path lastFile;

    public ExportDialog(UiContext ui, ExchangeService exchange, DocumentService documents, FileChoice files) {
        this.ui = ui;
        this.exchange = exchange;
        this.documents = documents;
        this.files = files;
    }

    public void show(Window owner, Choices choices) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("exchange.export.title"));
        dialog.setHeaderText(i18n.get("exchange.export.header"));
        dialog.getDialogPane().setId("exchangeExportDialog");
        ButtonType save = new ButtonType(i18n.get("exchange.export.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, close);

        ToggleGroup group = new ToggleGroup();
        RadioButton base = radio(group, Kind.BASE, "exchange.export.base", "exchangeScopeBase");
        RadioButton department = radio(group, Kind.DEPARTMENT, "exchange.export.department", "exchangeScopeDepartment");
        RadioButton epci = radio(group, Kind.EPCI, "exchange.export.epci", "exchangeScopeEpci");
        RadioButton changes = radio(group, Kind.CHANGES, "exchange.export.changes", "exchangeScopeChanges");
        base.setSelected(true);

        SearchableComboBox<Department> departments = new SearchableComboBox<>();
        departments.setId("exchangeDepartment");
        departments.getItems().setAll(choices.departments());
        departments.setConverter(Cells.converter(d -> d.code() + " – " + d.name()));
        departments.setPromptText(i18n.get("documents.department.prompt"));
        departments.setMaxWidth(Double.MAX_VALUE);
        SearchableComboBox<Epci> epcis = new SearchableComboBox<>();
        epcis.setId("exchangeEpci");
        epcis.getItems().setAll(choices.epcis().stream().sorted(Comparator.comparing(Epci::name)).toList());
        epcis.setConverter(Cells.converter(e -> e.name() + " (" + e.departmentCode() + ")"));
        epcis.setPromptText(i18n.get("exchange.export.epci.prompt"));
        epcis.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ExchangeService.Peer> peers = new ComboBox<>();
        peers.setId("exchangePeer");
        peers.getItems().setAll(choices.peers());
        peers.setConverter(Cells.converter(this::peer));
        peers.setPromptText(i18n.get("exchange.export.peer.prompt"));
        peers.setMaxWidth(Double.MAX_VALUE);
        if (!choices.peers().isEmpty()) {
            peers.setValue(choices.peers().getFirst());
        }
        departments.disableProperty().bind(department.selectedProperty().not().or(running));
        epcis.disableProperty().bind(epci.selectedProperty().not().or(running));
        peers.disableProperty().bind(changes.selectedProperty().not().or(running));
        departments.valueProperty().subscribe(v -> {
            if (v != null) {
                department.setSelected(true);
            }
        });
        epcis.valueProperty().subscribe(v -> {
            if (v != null) {
                epci.setSelected(true);
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, base);
        grid.addRow(1, department, departments);
        grid.addRow(2, epci, epcis);
        grid.addRow(3, changes, peers);
        var wide = new javafx.scene.layout.ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        wide.setPrefWidth(340);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), wide);
        Label changesHint = hint(choices.peers().isEmpty() ? i18n.get("exchange.export.noPeer")
                : i18n.get("exchange.export.changes.hint"));
        changesHint.setId("exchangeChangesHint");
        GridPane.setColumnSpan(changesHint, 2);
        grid.addRow(4, changesHint);
        group.getToggles().forEach(t -> ((RadioButton) t).disableProperty().bind(running.or(
                t == changes ? new SimpleBooleanProperty(choices.peers().isEmpty()) : new SimpleBooleanProperty(false))));

        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(i18n.get("documents.cancel"));
        cancel.setId("exchangeExportCancel");
        cancel.setOnAction(e -> cancelled.set(true));
        Label step = new Label(i18n.get("exchange.export.writing"));
        step.getStyleClass().add("hint");
        VBox progress = new VBox(4, new HBox(8, bar, cancel), step);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);

        problem.setId("exchangeExportProblem");
        problem.getStyleClass().addAll("field-message", "error");
        showWhenSet(problem);
        outcome.setId("exchangeExportDone");
        showWhenSet(outcome);
        written.setId("exchangeExportFile");
        written.getStyleClass().add("hint");
        showWhenSet(written);
        openFolder.setText(i18n.get("documents.openFolder"));
        openFolder.setId("exchangeOpenFolder");
        openFolder.setVisible(false);
        openFolder.managedProperty().bind(openFolder.visibleProperty());
        openFolder.setOnAction(e -> {
            if (lastFile != null) {
                FolderOpener.open(lastFile.toAbsolutePath().getParent(), error -> ui.dialogs().error(
                        dialog.getDialogPane().getScene().getWindow(), i18n.get("error.title"),
                        i18n.format("documents.openFolder.failed", String.valueOf(error.getMessage()))));
            }
        });

        Label intro = hint(i18n.get("exchange.export.intro"));
        VBox content = new VBox(12, intro, grid, problem, progress, outcome, written, openFolder);
        content.setPadding(new Insets(10, 12, 4, 12));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        Dialogs.fitContent(dialog);
        dialog.setOnShown(e -> Dialogs.keepCentred(dialog.getDialogPane().getScene().getWindow(), owner));
        dialog.setOnCloseRequest(e -> {
            if (running.get()) {
                e.consume(); // Escape while writing: the export stops, nothing partial is left
                cancelled.set(true);
            }
        });

        // a progress line, a message or the result makes the content taller: the window follows
        for (javafx.beans.value.ObservableValue<?> o : List.of(running, problem.textProperty(),
                outcome.textProperty(), openFolder.visibleProperty())) {
            o.addListener((x, was, now) -> javafx.application.Platform.runLater(() -> Dialogs.fitHeight(dialog)));
        }

        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("exchangeSaveButton");
        saveButton.disableProperty().bind(running);
        dialog.getDialogPane().lookupButton(close).setId("exchangeExportClose");
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog stays open: progress, then what was written
            Kind kind = (Kind) group.getSelectedToggle().getUserData();
            problem.setText("");
            ExchangeScope scope = switch (kind) {
                case BASE -> ExchangeScope.wholeBase();
                case DEPARTMENT -> departments.getValue() == null ? null
                        : ExchangeScope.department(departments.getValue().code(), departments.getValue().name());
                case EPCI -> epcis.getValue() == null ? null
                        : ExchangeScope.epci(epcis.getValue().siren(), epcis.getValue().name());
                case CHANGES -> peers.getValue() == null ? null
                        : ExchangeScope.changesFor(peers.getValue().id(), peers.getValue().name());
            };
            if (scope == null) {
                problem.setText(i18n.get(switch (kind) {
                    case DEPARTMENT -> "exchange.export.problem.department";
                    case EPCI -> "exchange.export.problem.epci";
                    default -> "exchange.export.problem.peer";
                }));
                return;
            }
            files.choose(dialog.getDialogPane().getScene().getWindow(), FileChoice.Purpose.SAVE_PACKAGE,
                    fileName(scope, LocalDate.now(ui.clock()))).ifPresent(target -> export(scope, target));
        });
        dialog.showAndWait();
    }

    /** Writes the package of {@code scope} to {@code target} in the background, then says what it holds. */
    void export(ExchangeScope scope, Path target) {
        var i18n = ui.i18n();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        outcome.setText("");
        written.setText("");
        problem.setText("");
        openFolder.setVisible(false);
        ui.tasks().run(() -> {
            try {
                return exchange.export(scope, target, stop::get);
            } catch (IOException e) {
                throw documents.failure(e, target);
            }
        }, result -> {
            running.set(false);
            lastFile = result.file();
            outcome.setText(i18n.format("exchange.export.done", result.file().getFileName().toString(),
                    result.total()));
            written.setText(i18n.format("exchange.export.where", result.file().toAbsolutePath().toString()));
            openFolder.setVisible(true);
        }, error -> {
            running.set(false);
            problem.setText(stop.get() ? i18n.get("doc.error.cancelled") : ui.errors().describe(error));
        });
    }

    /** « Base Besançon Nord — dernier envoi le 22/11/2026 à 11:00 », or « — aucun envoi encore ». */
    private String peer(ExchangeService.Peer p) {
        var i18n = ui.i18n();
        String name = p.name() == null || p.name().isBlank() ? i18n.get("exchange.base.unnamed") : p.name();
        if (p.lastSent() == null) {
            return i18n.format("exchange.export.peer.never", name);
        }
        var at = p.lastSent().atZone(ui.clock().getZone());
        return i18n.format("exchange.export.peer.sent", name,
                i18n.format("exchange.when", Formats.date(at.toLocalDate()),
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(at)));
    }

    private RadioButton radio(ToggleGroup group, Kind kind, String key, String id) {
        RadioButton r = new RadioButton(ui.i18n().get(key));
        r.setToggleGroup(group);
        r.setUserData(kind);
        r.setId(id);
        r.setMinWidth(Region.USE_PREF_SIZE);
        return r;
    }

    private static Label hint(String text) {
        return fr.ancrage.ui.common.Layouts.hint(text);
    }

    private static void showWhenSet(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
    }

    /** {@code echange-2026-11-22-epci-242500361.zip}: ASCII, as the command line names it. */
    static String fileName(ExchangeScope scope, LocalDate day) {
        String what = switch (scope.kind()) {
            case BASE -> "base";
            case DEPARTMENT -> "departement-" + scope.code();
            case EPCI -> "epci-" + scope.code();
            case CONVENTIONS -> "conventions";
            case CHANGES -> "modifications-" + ascii(scope.label());
        };
        String name = "echange-" + day + "-" + ascii(what);
        name = name.endsWith("-") ? name.substring(0, name.length() - 1) : name;
        return (name.length() > 100 ? name.substring(0, 100) : name) + ".zip";
    }

    /** Lower case ASCII letters, digits and dashes: « Délégué du préfet — Nord » → « delegue-du-prefet-nord ». */
    static String ascii(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return plain.length() > 60 ? plain.substring(0, 60).replaceAll("-+$", "") : plain;
    }

    /** For tests: the file the last export wrote. */
    Optional<Path> lastFile() {
        return Optional.ofNullable(lastFile);
    }
}
