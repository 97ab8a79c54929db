package fr.ancrage.ui.main;

import fr.ancrage.DataDirectory;
import fr.ancrage.LogFiles;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.function.Consumer;

/**
 * « À propos d'Ancrage »: the version, the data folder, the size of the database, the log folder,
 * and a button that opens the log folder (what the team sends when something went wrong). Its
 * buttons are in one row, {@link #actions()}, where other buttons can be added.
 */
public final class AboutDialog {

    /** What the dialog shows; {@code version} is null when run from the compiled classes. */
    public record Info(String version, Path dataFolder, Path databaseFile, Path logFolder) {

        /** This run's: the version from the jar's manifest, the files of the data folder. */
        public static Info of(Path dataFolder) {
            return new Info(AboutDialog.class.getPackage().getImplementationVersion(), dataFolder,
                    dataFolder.resolve(DataDirectory.DATABASE_FILE), LogFiles.folder(dataFolder));
        }
    }

    private static final String[] UNITS = {"about.size.kilo", "about.size.mega", "about.size.giga", "about.size.tera"};

    private final UiContext ui;
    private final Info info;
    private final Consumer<Path> openFolder;
    private final HBox actions = new HBox(8);
    private final Label databaseSize = new Label();

    /** {@code openFolder}: opens a folder in the system's file manager. */
    public AboutDialog(UiContext ui, Info info, Consumer<Path> openFolder) {
        this.ui = ui;
        this.info = info;
        this.openFolder = openFolder;
        I18n i18n = ui.i18n();
        Button openLogs = new Button(i18n.get("about.openLogs"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openLogs.setId("aboutOpenLogs");
        openLogs.setTooltip(new Tooltip(info.logFolder().toString()));
        openLogs.setOnAction(e -> openFolder.accept(info.logFolder()));
        actions.getChildren().add(openLogs);
    }

    /** The row of buttons under the information. */
    public HBox actions() {
        return actions;
    }

    /** Shows the dialog without waiting; the database's size comes when it has been read. */
    public Dialog<Void> show(Window owner) {
        I18n i18n = ui.i18n();
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("about.title"));
        dialog.setHeaderText(i18n.get("about.title"));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("action.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));

        GridPane grid = new GridPane(16, 8);
        row(grid, 0, i18n.get("about.version"), value("aboutVersion",
                info.version() == null ? i18n.get("about.version.development") : info.version()));
        row(grid, 1, i18n.get("about.dataFolder"), value("aboutDataFolder", info.dataFolder().toString()));
        databaseSize.setId("aboutDatabaseSize");
        databaseSize.setText(i18n.get("about.databaseSize.reading"));
        row(grid, 2, i18n.get("about.databaseSize"), databaseSize);
        row(grid, 3, i18n.get("about.logFolder"), value("aboutLogFolder", info.logFolder().toString()));
        VBox content = new VBox(16, grid, actions);
        content.setPadding(new Insets(12, 20, 4, 20));
        content.setMinWidth(480);
        dialog.getDialogPane().setContent(content);
        Dialogs.fitContent(dialog);
        readDatabaseSize();
        dialog.show();
        return dialog;
    }

    private void readDatabaseSize() {
        Path file = info.databaseFile();
        ui.tasks().run(() -> Files.isRegularFile(file) ? Files.size(file) : -1L,
                bytes -> databaseSize.setText(bytes < 0 ? ui.i18n().get("about.databaseSize.unknown")
                        : size(bytes, ui.i18n())),
                error -> databaseSize.setText(ui.i18n().get("about.databaseSize.unknown")));
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(560);
        return label;
    }

    private static void row(GridPane grid, int row, String name, Label value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setLabelFor(value);
        grid.addRow(row, label, value);
    }

    /** A file size as people read it: « 812 o », « 12,4 Mo » (1 Ko = 1 024 o, as the file managers count). */
    static String size(long bytes, I18n i18n) {
        if (bytes < 1024) {
            return i18n.format("about.size.bytes", String.valueOf(bytes));
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat number = NumberFormat.getNumberInstance(i18n.locale());
        number.setMaximumFractionDigits(value < 100 ? 1 : 0);
        return i18n.format(UNITS[unit], number.format(value));
    }
}
