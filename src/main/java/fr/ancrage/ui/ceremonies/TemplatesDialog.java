package fr.ancrage.ui.ceremonies;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.ListEditing;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * « Liste de tâches par défaut »: the checklist every new ceremony starts with, due so many days
 * before its day. The ceremonies already created keep their own list.
 */
final class TemplatesDialog {

    private final UiContext ui;
    private final CeremonyService ceremonies;

    TemplatesDialog(UiContext ui, CeremonyService ceremonies) {
        this.ui = ui;
        this.ceremonies = ceremonies;
    }

    void show(Window owner, List<TaskTemplate> current) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("ceremonies.templates.title"));
        dialog.setHeaderText(i18n.get("ceremonies.templates.header"));
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ObservableList<TaskTemplate> lines = FXCollections.observableArrayList(current);
        TableView<TaskTemplate> table = new TableView<>();
        table.setId("templatesTable");
        table.setPrefSize(700, 320);
        TableColumn<TaskTemplate, String> label = new TableColumn<>(i18n.get("ceremonies.column.task"));
        label.setPrefWidth(330);
        TableColumn<TaskTemplate, String> who = new TableColumn<>(i18n.get("ceremonies.column.owner"));
        who.setPrefWidth(170);
        TableColumn<TaskTemplate, String> days = new TableColumn<>(i18n.get("ceremonies.column.daysBefore"));
        days.setPrefWidth(120);
        Cells.text(label, TaskTemplate::label);
        Cells.text(who, TaskTemplate::owner);
        Cells.text(days, t -> t.daysBefore() == null ? "" : i18n.format("ceremonies.daysBefore", t.daysBefore()));
        table.getColumns().addAll(List.of(label, who, days));
        TableColumns.remember(ui, table, "ceremonies-templates", label);
        table.setPlaceholder(Cells.placeholder(i18n.get("ceremonies.templates.empty")));
        for (TableColumn<TaskTemplate, ?> c : table.getColumns()) {
            c.setSortable(false);
        }
        Button add = new Button(i18n.get("ceremonies.tasks.add"));
        Button edit = new Button(i18n.get("action.edit"));
        Button remove = new Button(i18n.get("ceremonies.line.remove"));
        Button up = new Button(i18n.get("ceremonies.up"));
        Button down = new Button(i18n.get("ceremonies.down"));
        CeremonyLines dialogs = new CeremonyLines(ui);
        ListEditing.wire(table, lines, new ListEditing.Buttons(add, edit, remove, up, down),
                () -> dialogs.template(dialog.getDialogPane().getScene().getWindow(), null),
                t -> dialogs.template(dialog.getDialogPane().getScene().getWindow(), t),
                new SimpleBooleanProperty(false));
        FlowPane toolbar = new FlowPane(8, 6, add, edit, remove, up, down);
        toolbar.getStyleClass().add("toolbar");
        Label problem = new Label();
        problem.getStyleClass().addAll("field-message", "error");
        problem.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, toolbar, table, problem));
        Dialogs.fitContent(dialog);
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            List<TaskTemplate> edited = List.copyOf(lines);
            ui.tasks().run(() -> ceremonies.saveTemplates(current, edited), saved -> dialog.close(),
                    error -> problem.setText(ui.errors().describe(error)));
        });
        dialog.showAndWait();
    }
}
