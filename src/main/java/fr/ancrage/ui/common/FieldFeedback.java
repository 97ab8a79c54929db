package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import fr.ancrage.domain.validation.Issue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.List;

/**
 * Shows a field's issues as they change: a ControlsFX decoration on the control and the French
 * message in a label right under it (errors in red, warnings in amber).
 */
public final class FieldFeedback {

    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private FieldFeedback() {
    }

    public static void bind(Control control, Label message, ObservableValue<List<Issue>> issues, I18n i18n) {
        message.setWrapText(true);
        message.getStyleClass().add("field-message");
        issues.subscribe(list -> show(control, message, list == null ? List.of() : list, i18n));
    }

    private static void show(Control control, Label message, List<Issue> issues, I18n i18n) {
        DECORATION.removeDecorations(control);
        control.getStyleClass().removeAll("field-error", "field-warning");
        message.getStyleClass().removeAll("error", "warning");
        if (issues.isEmpty()) {
            message.setText("");
            message.setManaged(false);
            message.setVisible(false);
            control.setTooltip(null);
            return;
        }
        Issue first = issues.stream().filter(Issue::isError).findFirst().orElse(issues.getFirst());
        String text = i18n.issue(first);
        boolean error = first.isError();
        DECORATION.applyValidationDecoration(error ? ValidationMessage.error(control, text)
                : ValidationMessage.warning(control, text));
        control.getStyleClass().add(error ? "field-error" : "field-warning");
        message.getStyleClass().add(error ? "error" : "warning");
        message.setText(text);
        message.setManaged(true);
        message.setVisible(true);
        control.setTooltip(new Tooltip(text));
    }
}
