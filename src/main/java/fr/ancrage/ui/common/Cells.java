package fr.ancrage.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Small helpers for tables and combo boxes, so views stay short. */
public final class Cells {

    private Cells() {
    }

    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** The field refuses typing or pasting beyond {@code max} characters (the column's size). */
    public static void limit(javafx.scene.control.TextInputControl field, int max) {
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().length() <= max ? change : null));
    }

    /** Columns share the table's width: no horizontal scrolling, the last column takes the rest. */
    public static void fitColumns(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * The other columns keep the width they need; {@code flex} (the name, which users read first)
     * takes all the room left, never less than its minimum width. When the table is too narrow for
     * that, it scrolls sideways instead of cutting every column short.
     */
    public static <S> void fitColumns(TableView<S> table, TableColumn<S, ?> flex) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        javafx.beans.InvalidationListener fit = o -> {
            double others = table.getVisibleLeafColumns().stream().filter(c -> c != flex)
                    .mapToDouble(TableColumn::getWidth).sum();
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - others
                    - SCROLL_BAR_ROOM;
            flex.setPrefWidth(Math.max(flex.getMinWidth(), Math.floor(room)));
        };
        table.widthProperty().addListener(fit);
        table.getVisibleLeafColumns().addListener(fit);
        table.getColumns().forEach(c -> {
            if (c != flex) {
                c.widthProperty().addListener(fit);
            }
        });
    }

    /** Room kept at the right of a fitted table for its vertical scroll bar. */
    private static final double SCROLL_BAR_ROOM = 16;

    /** Double-click or Enter on a row opens it. */
    public static <S> void onOpen(TableView<S> table, Consumer<S> open) {
        onOpen(table, open, null, s -> false);
    }

    /**
     * Double-click or Enter on a row opens it; rows for which {@code marked} holds get the style
     * class {@code styleClass} (a deactivated entry, an overdue report…).
     */
    public static <S> void onOpen(TableView<S> table, Consumer<S> open, String styleClass,
                                  java.util.function.Predicate<S> marked) {
        table.setRowFactory(t -> {
            TableRow<S> row = new TableRow<>() {
                @Override
                protected void updateItem(S item, boolean empty) {
                    super.updateItem(item, empty);
                    if (styleClass != null) {
                        getStyleClass().remove(styleClass);
                        if (!empty && item != null && marked.test(item)) {
                            getStyleClass().add(styleClass);
                        }
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /**
     * A combo box over the given choices, showing each with {@code label}. When {@code noneLabel} is
     * given, a first "none" entry (null value) is offered, e.g. "Tous les types" for a filter.
     */
    public static <T> void choices(ComboBox<T> box, List<T> values, Function<T, String> label, String noneLabel) {
        ObservableList<T> items = FXCollections.observableArrayList();
        if (noneLabel != null) {
            items.add(null);
        }
        items.addAll(values);
        box.setItems(items);
        if (values instanceof ObservableList<T> observable) {
            observable.addListener((ListChangeListener<T>) c -> {
                T selected = box.getValue();
                ObservableList<T> fresh = FXCollections.observableArrayList();
                if (noneLabel != null) {
                    fresh.add(null);
                }
                fresh.addAll(observable);
                box.setItems(fresh);
                box.setValue(fresh.contains(selected) ? selected : null);
            });
        }
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? (noneLabel == null ? "" : noneLabel) : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && noneLabel == null ? "" : box.getConverter().toString(item));
            }
        });
    }

    /** A converter that shows each value with {@code label} (empty for none) and reads nothing back. */
    public static <T> javafx.util.StringConverter<T> converter(Function<T, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Numbers and amounts: the column's cells align their text to the right. */
    public static <S> TableColumn<S, String> rightAligned(TableColumn<S, String> column) {
        column.setCellFactory(c -> {
            javafx.scene.control.TableCell<S, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            return cell;
        });
        return column;
    }

    /** An empty-table message that wraps, centred, instead of being cut at the table's width. */
    public static javafx.scene.control.Label placeholder(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return l;
    }
}
