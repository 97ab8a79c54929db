package fr.ancrage.ui.territories;

import fr.ancrage.ui.common.Formats;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;

import java.util.concurrent.Callable;
import java.util.function.Function;

/** Table plumbing shared by the lists of the section: sorting, selection, placeholders, numbers. */
final class TableSupport {

    private TableSupport() {
    }

    /**
     * Shows the filtered items sorted as the user clicks the headers, and keeps the table selection
     * and the view model's in step. A selection hidden by the search stays in the view model (the
     * next lists stay shown) and comes back in the table when the search is cleared.
     */
    static <T> void link(TableView<T> table, ObservableList<T> visible, ObjectProperty<T> selected) {
        SortedList<T> sorted = new SortedList<>(visible);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().subscribe((before, now) -> {
            if (now != null) {
                selected.set(now);
            } else if (selected.get() != null && sorted.contains(selected.get())) {
                selected.set(null);
            }
        });
        selected.subscribe(value -> show(table, value));
        sorted.addListener((ListChangeListener<T>) change -> {
            T value = selected.get();
            if (value != null && table.getSelectionModel().getSelectedItem() != value && sorted.contains(value)) {
                show(table, value);
            }
        });
    }

    private static <T> void show(TableView<T> table, T value) {
        if (value == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != value) {
            table.getSelectionModel().select(value);
            // When the items just changed, the table learns their number only when laid out.
            table.layout();
            int index = table.getItems().indexOf(value);
            if (index < 0) {
                return;
            }
            if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(index);
            } else {
                table.scrollTo(index);
            }
        }
    }

    /** A placeholder whose text follows the state (loading, nothing selected, nothing found...). */
    static void placeholder(TableView<?> table, Callable<String> text, Observable... dependencies) {
        Label label = new Label();
        label.getStyleClass().add("empty-state");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(text, dependencies));
        table.setPlaceholder(label);
    }

    static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Populations in French format (118 489), sorted as numbers, blank when unknown. */
    static <S> void population(TableColumn<S, Integer> column, Function<S, Integer> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.integer(item));
            }
        });
    }

    /** Down or Enter in a search field goes to its table, on the first row when none is selected. */
    static void searchLeadsTo(TextField field, TableView<?> table) {
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                enter(table);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });
    }

    /** Gives the focus to the table, selecting its first row when none is selected. */
    static void enter(TableView<?> table) {
        if (table.getSelectionModel().getSelectedIndex() < 0 && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        table.requestFocus();
    }
}
