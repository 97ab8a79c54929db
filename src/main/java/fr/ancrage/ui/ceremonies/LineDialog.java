package fr.ancrage.ui.ceremonies;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small dialog editing one line of a list (a task, a moment of the programme): labelled text
 * fields; {@code check} turns the texts into the line or says in French what is wrong, under the
 * fields, and the dialog stays open.
 */
final class LineDialog<T> {

    /** The line read from the fields, or the message saying which field is wrong. */
    record Outcome<T>(T line, String problem) {
        static <T> Outcome<T> ok(T line) {
            return new Outcome<>(line, null);
        }

        static <T> Outcome<T> problem(String message) {
            return new Outcome<>(null, message);
        }
    }

    /** A field: its id (for tests), its label, its value. */
    record Field(String id, String label, String value, int maxLength) {
    }

    private final UiContext ui;

    LineDialog(UiContext ui) {
        this.ui = ui;
    }

    Optional<T> show(Window owner, String title, List<Field> fields, Function<List<String>, Outcome<T>> check) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        ButtonType ok = new ButtonType(i18n.get("action.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        List<TextField> inputs = new ArrayList<>();
        int row = 0;
        for (Field f : fields) {
            TextField input = new TextField(f.value());
            input.setId(f.id());
            input.setPrefColumnCount(30);
            fr.ancrage.ui.common.Cells.limit(input, f.maxLength(), ui.i18n());
            Label label = new Label(f.label());
            label.setLabelFor(input);
            grid.addRow(row++, label, input);
            inputs.add(input);
        }
        Label problem = new Label();
        problem.setId("lineProblem");
        problem.getStyleClass().addAll("field-message", "error");
        problem.setWrapText(true);
        problem.setMaxWidth(480);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(problem, 0, row, 2, 1);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        final List<T> result = new ArrayList<>();
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, event -> {
            Outcome<T> outcome = check.apply(inputs.stream().map(TextField::getText).toList());
            if (outcome.problem() != null) {
                event.consume();
                problem.setText(outcome.problem());
                // the whole message, on as many lines as it needs
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                return;
            }
            result.add(outcome.line());
        });
        Dialogs.focusWhenShown(dialog, inputs.getFirst());
        dialog.showAndWait();
        return result.stream().findFirst();
    }
}
