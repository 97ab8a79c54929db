package fr.ancrage.ui.main;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Backup;
import fr.ancrage.service.BackupService;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FolderOpener;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * « Sauvegardes »: the backups of the data folder, newest first; « Sauvegarder maintenant »,
 * « Restaurer… » (the current base is kept as a backup first, then Ancrage reopens its data),
 * the folder, and how many automatic backups are kept.
 */
public final class BackupsDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final UiContext ui;
    private final BackupService backups;
    private final Consumer<Path> restore;
    private final ObservableList<Backup> rows = FXCollections.observableArrayList();
    private final Label outcome = new Label();
    private TableView<Backup> table;

    /** {@code restore} closes the base, puts the chosen backup in its place and opens it again. */
    public BackupsDialog(UiContext ui, BackupService backups, Consumer<Path> restore) {
        this.ui = ui;
        this.backups = backups;
        this.restore = restore;
    }

    public void show(Window owner) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("backups.title"));
        dialog.setHeaderText(i18n.get("backups.title"));
        ButtonType close = new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);

        Label intro = new Label(i18n.format("backups.intro",
                backups.folder().map(Path::toString).orElse("—")));
        intro.setWrapText(true);
        intro.setMaxWidth(640);

        table = new TableView<>(rows);
        table.setId("backupsTable");
        table.setPlaceholder(wrapped(i18n.get("backups.empty")));
        table.getColumns().addAll(List.of(
                column(i18n.get("backups.column.date"), b -> WHEN.format(b.time().atZone(ZoneId.systemDefault())), 150),
                column(i18n.get("backups.column.kind"), b -> i18n.label(b.kind()), 170),
                column(i18n.get("backups.column.size"), b -> AboutDialog.size(b.size(), i18n), 100),
                column(i18n.get("backups.column.file"), b -> b.file().getFileName().toString(), 240)));
        TableColumns.remember(ui, table, "backups");
        table.setPrefSize(660, 260);

        Button now = new Button(i18n.get("backups.now"), new FontIcon(MaterialDesignC.CONTENT_SAVE_ALL_OUTLINE));
        now.setId("backupNow");
        Button restoreButton = new Button(i18n.get("backups.restore"), new FontIcon(MaterialDesignR.RESTORE));
        restoreButton.setId("backupRestore");
        restoreButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button folder = new Button(i18n.get("backups.openFolder"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        folder.setDisable(backups.folder().isEmpty());

        Spinner<Integer> kept = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, 1));
        kept.setId("backupsKept");
        kept.setEditable(true);
        kept.setPrefWidth(90);
        Label keptLabel = new Label(i18n.get("backups.kept"));
        keptLabel.setLabelFor(kept);
        keptLabel.setWrapText(true);
        // the setting is read from its file in the background; the spinner waits until then
        kept.setDisable(true);
        ui.tasks().run(backups::keptBackups, stored -> {
            kept.getValueFactory().setValue(stored);
            kept.setDisable(false);
            kept.valueProperty().addListener((obs, old, value) -> {
                if (value != null) {
                    ui.tasks().run(() -> {
                        backups.setKeptBackups(value);
                        return value;
                    }, v -> { }, this::failed);
                }
            });
        }, this::failed);

        outcome.setWrapText(true);
        outcome.setMaxWidth(640);
        outcome.setId("backupsOutcome");

        now.setOnAction(e -> {
            now.setDisable(true);
            outcome.setText(i18n.get("backups.writing"));
            ui.tasks().run(backups::backupNow, written -> {
                now.setDisable(false);
                outcome.setText(i18n.format("backups.written", written.file().getFileName().toString()));
                refresh(written);
            }, error -> {
                now.setDisable(false);
                outcome.setText("");
                failed(error);
            });
        });
        restoreButton.setOnAction(e -> {
            Backup chosen = table.getSelectionModel().getSelectedItem();
            if (chosen == null) {
                return;
            }
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (ui.dialogs().confirm(window, i18n.get("backups.restore.title"),
                    i18n.format("backups.restore.confirm", WHEN.format(chosen.time().atZone(ZoneId.systemDefault())),
                            i18n.label(chosen.kind())), i18n.get("backups.restore.confirmButton"))) {
                dialog.close();
                restore.accept(chosen.file());
            }
        });
        folder.setOnAction(e -> backups.folder().ifPresent(f -> FolderOpener.open(f, error -> failed(error))));

        HBox actions = new HBox(8, now, restoreButton, folder);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox setting = new HBox(8, keptLabel, kept);
        setting.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10, intro, table, actions, outcome, setting);
        content.setPadding(new Insets(4));
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        Dialogs.fitContent(dialog);
        Dialogs.focusWhenShown(dialog, table);
        refresh(null);
        dialog.showAndWait();
    }

    private void refresh(Backup select) {
        ui.tasks().run(backups::list, list -> {
            rows.setAll(list);
            if (select != null) {
                rows.stream().filter(b -> b.file().equals(select.file())).findFirst()
                        .ifPresent(b -> table.getSelectionModel().select(b));
            } else if (!rows.isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        }, this::failed);
    }

    private void failed(Throwable error) {
        Window owner = table == null || table.getScene() == null ? null : table.getScene().getWindow();
        ui.dialogs().error(owner, ui.i18n().get("error.title"), ui.errors().describe(error));
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }

    private static TableColumn<Backup, String> column(String header, java.util.function.Function<Backup, String> value,
                                                      double width) {
        TableColumn<Backup, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
