package fr.ancrage.ui.ceremonies;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Text;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * « Ajouter des conventions »: the conventions « prête à signer » that no open ceremony holds,
 * filtered by EPCI and by company; the user ticks them (Espace on a line) and adds them at once.
 */
final class AddConventionsDialog {

    private final UiContext ui;

    AddConventionsDialog(UiContext ui) {
        this.ui = ui;
    }

    /** The conventions ticked, in the order of the list; empty when cancelled. */
    Set<UUID> show(Window owner, List<ConventionListItem> ready, long elsewhere) {
        var i18n = ui.i18n();
        List<ConventionListItem> candidates = ready.stream().sorted(java.util.Comparator.comparing(
                (ConventionListItem c) -> Text.searchKey(c.companyName())).thenComparing(ConventionListItem::reference))
                .toList();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("ceremonies.add.title"));
        dialog.setHeaderText(i18n.get("ceremonies.add.header"));
        ButtonType add = new ButtonType(i18n.get("ceremonies.add.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ObservableSet<UUID> ticked = FXCollections.observableSet(new LinkedHashSet<>());
        FilteredList<ConventionListItem> shown = new FilteredList<>(FXCollections.observableArrayList(candidates));
        TextField search = new TextField();
        search.setId("candidateSearch");
        search.setPromptText(i18n.get("ceremonies.add.search"));
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> epci = new ComboBox<>();
        epci.setId("candidateEpci");
        Cells.choices(epci, candidates.stream().map(ConventionListItem::epciName).filter(n -> !n.isEmpty())
                .distinct().sorted().toList(), n -> n, i18n.get("ceremonies.add.allEpci"));
        Runnable refilter = () -> {
            String key = Text.searchKey(search.getText());
            String e = epci.getValue();
            shown.setPredicate(c -> (e == null || e.equals(c.epciName()))
                    && (key.isEmpty() || Text.searchKey(c.companyName() + " " + c.reference() + " " + c.title())
                    .contains(key)));
        };
        search.textProperty().subscribe(t -> refilter.run());
        epci.valueProperty().subscribe(v -> refilter.run());

        TableView<ConventionListItem> table = new TableView<>(shown);
        table.setId("candidatesTable");
        table.setPrefSize(760, 360);
        TableColumn<ConventionListItem, Boolean> tick = new TableColumn<>();
        tick.setPrefWidth(44);
        tick.setSortable(false);
        tick.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> toggle(ticked, getTableRow().getItem()));
            }

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                ConventionListItem row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(ticked.contains(row.id()));
                    setGraphic(box);
                }
            }
        });
        tick.setCellValueFactory(c -> Bindings.createBooleanBinding(() -> ticked.contains(c.getValue().id()), ticked));
        TableColumn<ConventionListItem, String> company = new TableColumn<>(i18n.get("ceremonies.column.company"));
        company.setPrefWidth(250);
        TableColumn<ConventionListItem, String> reference = new TableColumn<>(i18n.get("ceremonies.column.reference"));
        reference.setPrefWidth(110);
        TableColumn<ConventionListItem, String> epciColumn = new TableColumn<>(i18n.get("ceremonies.column.epci"));
        epciColumn.setPrefWidth(200);
        TableColumn<ConventionListItem, String> title = new TableColumn<>(i18n.get("ceremonies.column.conventionTitle"));
        title.setPrefWidth(200);
        Cells.text(company, ConventionListItem::companyName);
        Cells.text(reference, ConventionListItem::reference);
        Cells.text(epciColumn, ConventionListItem::epciName);
        Cells.text(title, ConventionListItem::title);
        table.getColumns().addAll(List.of(tick, company, reference, epciColumn, title));
        TableColumns.remember(ui, table, "ceremonies-addConventions", title);
        table.setPlaceholder(Cells.placeholder(i18n.get(candidates.isEmpty() ? "ceremonies.add.none"
                : "ceremonies.add.noMatch")));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && table.getSelectionModel().getSelectedItem() != null) {
                toggle(ticked, table.getSelectionModel().getSelectedItem());
                table.refresh();
                e.consume();
            }
        });
        Button all = new Button(i18n.get("ceremonies.add.tickAll"));
        all.setId("tickAll");
        all.setOnAction(e -> {
            shown.forEach(c -> ticked.add(c.id()));
            table.refresh();
        });
        Label count = new Label();
        count.setId("tickedCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.format("ceremonies.add.count",
                ticked.size(), candidates.size()), ticked));
        Label hint = new Label(elsewhere == 0 ? "" : i18n.format("ceremonies.add.elsewhere", elsewhere));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setManaged(elsewhere > 0);
        HBox filters = new HBox(8, search, epci, all);
        VBox content = new VBox(8, filters, table, count, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPrefSize(880, 520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(add).disableProperty().bind(Bindings.isEmpty(ticked));
        Dialogs.focusWhenShown(dialog, search);
        Dialogs.fitContent(dialog);
        boolean confirmed = dialog.showAndWait().filter(b -> b == add).isPresent();
        if (!confirmed) {
            return Set.of();
        }
        Set<UUID> ordered = new LinkedHashSet<>();
        candidates.stream().map(ConventionListItem::id).filter(ticked::contains).forEach(ordered::add);
        return ordered;
    }

    private static void toggle(Set<UUID> ticked, ConventionListItem c) {
        if (c != null && !ticked.remove(c.id())) {
            ticked.add(c.id());
        }
    }
}
