package fr.ancrage.ui.common;

import javafx.beans.binding.BooleanExpression;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The buttons of an ordered list edited line by line (add, edit, remove, up, down), also from the
 * keyboard: Entrée edits, Suppr removes, Alt+↑/↓ moves.
 */
public final class ListEditing {

    private ListEditing() {
    }

    public record Buttons(Button add, Button edit, Button remove, Button up, Button down) {
    }

    /** {@code edit} returns the changed line (empty: unchanged); {@code readOnly} disables everything. */
    public static <T> void wire(TableView<T> table, ObservableList<T> lines, Buttons buttons, Supplier<Optional<T>> create,
                         java.util.function.Function<T, Optional<T>> edit, BooleanExpression readOnly) {
        table.setItems(lines);
        var none = table.getSelectionModel().selectedItemProperty().isNull().or(readOnly);
        buttons.add().disableProperty().bind(readOnly);
        buttons.edit().disableProperty().bind(none);
        buttons.remove().disableProperty().bind(none);
        buttons.up().disableProperty().bind(none.or(table.getSelectionModel().selectedIndexProperty().isEqualTo(0)));
        buttons.down().disableProperty().bind(none);
        buttons.add().setOnAction(e -> create.get().ifPresent(line -> {
            int at = table.getSelectionModel().getSelectedIndex();
            int index = at < 0 ? lines.size() : at + 1;
            lines.add(index, line);
            table.getSelectionModel().select(index);
        }));
        Runnable editSelected = () -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (i >= 0 && !readOnly.get()) {
                edit.apply(lines.get(i)).ifPresent(line -> {
                    lines.set(i, line);
                    table.getSelectionModel().select(i);
                });
            }
        };
        buttons.edit().setOnAction(e -> editSelected.run());
        buttons.remove().setOnAction(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                lines.remove(i);
            }
        });
        buttons.up().setOnAction(e -> move(table, lines, -1));
        buttons.down().setOnAction(e -> move(table, lines, 1));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                editSelected.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (readOnly.get()) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                editSelected.run();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !buttons.remove().isDisabled()) {
                buttons.remove().fire();
                e.consume();
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(table, lines, e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });
    }

    public static <T> void move(TableView<T> table, ObservableList<T> lines, int step) {
        int i = table.getSelectionModel().getSelectedIndex();
        int j = i + step;
        if (i < 0 || j < 0 || j >= lines.size()) {
            return;
        }
        T line = lines.remove(i);
        lines.add(j, line);
        table.getSelectionModel().clearAndSelect(j);
        table.scrollTo(j);
    }

    /** Replaces the selected line by what {@code change} makes of it (a task ticked). */
    public static <T> void replaceSelected(TableView<T> table, ObservableList<T> lines, UnaryOperator<T> change) {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            lines.set(i, change.apply(lines.get(i)));
            table.getSelectionModel().select(i);
        }
    }
}
