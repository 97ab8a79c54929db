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

    /**
     * The field holds at most {@code max} characters (the column's size). What is typed or pasted
     * beyond is left out and the field says so: never a text cut without a word (issue 15).
     */
    public static void limit(javafx.scene.control.TextInputControl field, int max, fr.ancrage.i18n.I18n i18n) {
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            int kept = change.getControlText().length() - (change.getRangeEnd() - change.getRangeStart());
            String added = change.getText();
            int room = Math.max(0, max - kept);
            if (added.length() <= room) {
                return change;
            }
            if (room > 0 && Character.isHighSurrogate(added.charAt(room - 1))) {
                room--; // never half an emoji
            }
            change.setText(added.substring(0, room));
            int caret = change.getRangeStart() + room;
            change.selectRange(caret, caret);
            FieldNotice.show(field, i18n.format("input.tooLong", max, added.length() - room));
            return change;
        }));
    }

    /**
     * Digits and spaces only (SIRET, SIREN, postcode), at most {@code max} characters: another
     * character typed or pasted is left out, and the field says so.
     */
    public static void digits(javafx.scene.control.TextInputControl field, int max, fr.ancrage.i18n.I18n i18n) {
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            String added = change.getText();
            String kept = added.codePoints().filter(c -> Character.isDigit(c) && c < 128 || c == ' ')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            int room = Math.max(0, max - (change.getControlText().length() - (change.getRangeEnd() - change.getRangeStart())));
            String notice = null;
            if (!kept.equals(added)) {
                notice = i18n.get("input.digitsOnly");
            }
            if (kept.length() > room) {
                kept = kept.substring(0, room);
                notice = notice == null ? i18n.format("input.tooLong", max, added.length() - room) : notice;
            }
            if (notice == null) {
                return change;
            }
            change.setText(kept);
            int caret = change.getRangeStart() + kept.length();
            change.selectRange(caret, caret);
            FieldNotice.show(field, notice);
            return change;
        }));
    }

    /**
     * Gives a combo box new choices as a new list, keeping its value when it is among them. Never
     * change a {@code SearchableComboBox}'s list in place: its popup keeps filtered views of the list
     * for every search typed, and a change to the list then fails in those stale views
     * (IndexOutOfBoundsException from ListCell.updateItem, issue 15).
     */
    public static <T> void offer(ComboBox<T> box, java.util.Collection<? extends T> choices) {
        T value = box.getValue();
        box.setItems(FXCollections.observableArrayList(choices));
        if (value != null && box.getValue() != value) {
            box.setValue(box.getItems().contains(value) ? box.getItems().get(box.getItems().indexOf(value)) : value);
        }
    }

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
