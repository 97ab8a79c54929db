package fr.ancrage.ui.common;

import fr.ancrage.documents.Format;
import fr.ancrage.documents.Workbook;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.documents.ListExports;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * « Exporter la liste… » of a list screen: what the table shows (its visible columns in their order,
 * its rows as filtered and sorted) with the filters that chose them, to ODS, XLSX or CSV, written in
 * the background.
 */
public final class ListExport<T> {

    private final UiContext ui;
    private final DocumentService documents;
    private final TableView<T> table;
    private final List<ListExports.ListColumn<T>> columns;
    private final String title;
    private final Map<String, ComboBox<?>> filters = new LinkedHashMap<>();
    private final Map<String, javafx.scene.control.CheckBox> checks = new LinkedHashMap<>();
    private TextInputControl search;
    private Path lastFolder;

    public ListExport(UiContext ui, DocumentService documents, TableView<T> table,
                      List<ListExports.ListColumn<T>> columns, String title) {
        this.ui = ui;
        this.documents = documents;
        this.table = table;
        this.columns = columns;
        this.title = title;
    }

    /**
     * Disables {@code button} while {@code table} shows no row (its items list may be replaced, the
     * binding follows).
     */
    public static void disableWhenEmpty(javafx.scene.control.Button button, TableView<?> table) {
        javafx.beans.property.ListProperty<Object> rows = new javafx.beans.property.SimpleListProperty<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        javafx.beans.value.ObservableValue<javafx.collections.ObservableList<Object>> items = (javafx.beans.value.ObservableValue) table.itemsProperty();
        rows.bind(items);
        button.disableProperty().bind(rows.emptyProperty());
        button.getProperties().put(ListExport.class, rows); // kept as long as the button
    }

    /** A filter of the list, named as the export will say it (« Statut », « Département »…). */
    public ListExport<T> filter(String label, ComboBox<?> combo) {
        filters.put(label, combo);
        return this;
    }

    /** A filter that is a check box: said when ticked (« En retard seulement : oui »). */
    public ListExport<T> filter(String label, javafx.scene.control.CheckBox box) {
        checks.put(label, box);
        return this;
    }

    public ListExport<T> search(TextInputControl field) {
        this.search = field;
        return this;
    }

    /** The workbook of what the table shows now. */
    public Workbook workbook() {
        List<String> visible = table.getVisibleLeafColumns().stream().map(TableColumn::getId).toList();
        return ListExports.workbook(ui.i18n(), title, title, ListExports.select(columns, visible),
                List.copyOf(table.getItems()), activeFilters(), documents.now());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, String> activeFilters() {
        Map<String, String> active = new LinkedHashMap<>();
        if (search != null && search.getText() != null && !search.getText().isBlank()) {
            active.put(ui.i18n().get("doc.list.search"), search.getText().strip());
        }
        filters.forEach((label, combo) -> {
            Object value = combo.getValue();
            if (value != null) {
                var converter = ((ComboBox) combo).getConverter();
                active.put(label, converter == null ? value.toString() : converter.toString(value));
            }
        });
        checks.forEach((label, box) -> {
            if (box.isSelected()) {
                active.put(label, ui.i18n().get("doc.yes"));
            }
        });
        return active;
    }

    /** Asks where, then writes the file in the background and says how it went. */
    public void offer(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.i18n().format("list.export.title", title));
        FileChooser.ExtensionFilter ods = new FileChooser.ExtensionFilter(ui.i18n().get("documents.format.ods"), "*.ods");
        FileChooser.ExtensionFilter xlsx = new FileChooser.ExtensionFilter(ui.i18n().get("documents.format.xlsx"), "*.xlsx");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(ui.i18n().get("documents.format.csv"), "*.csv");
        chooser.getExtensionFilters().addAll(ods, xlsx, csv);
        chooser.setSelectedExtensionFilter(ods);
        chooser.setInitialFileName(title + ".ods");
        Path folder = lastFolder != null ? lastFolder : fr.ancrage.ui.common.Folders.documents();
        if (folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        Format format = formatOf(chosen.getName(), chooser.getSelectedExtensionFilter() == xlsx ? Format.XLSX
                : chooser.getSelectedExtensionFilter() == csv ? Format.CSV : Format.ODS);
        Path file = withExtension(chosen.toPath(), format);
        lastFolder = file.toAbsolutePath().getParent();
        export(file, format, owner);
    }

    /** Writes the list to {@code file} in the background, then tells the user. */
    public void export(Path file, Format format, Window owner) {
        Workbook workbook = workbook();
        int rows = workbook.sheets().getFirst().rows().size();
        ui.tasks().run(() -> documents.exportList(workbook, format, file),
                written -> ui.dialogs().info(owner, ui.i18n().get("list.export.doneTitle"),
                        ui.i18n().format("list.export.done", rows, written.toAbsolutePath().toString())),
                error -> ui.dialogs().error(owner, ui.i18n().get("error.title"), ui.errors().describe(error)));
    }

    static Format formatOf(String name, Format chosenFilter) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            var parsed = Format.parse(name.substring(dot + 1));
            if (parsed.isPresent() && !parsed.get().isText()) {
                return parsed.get();
            }
        }
        return chosenFilter;
    }

    static Path withExtension(Path file, Format format) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + format.extension()) ? file
                : file.resolveSibling(name + "." + format.extension());
    }
}
