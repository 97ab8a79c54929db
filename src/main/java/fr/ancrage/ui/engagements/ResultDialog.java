package fr.ancrage.ui.engagements;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Enters, changes or clears the realised value of one bilan line: the value in the indicator's
 * unit, its source, the date it was received and a comment. Stays open until stored or cancelled.
 */
final class ResultDialog {

    private final UiContext ui;
    private final EngagementService service;
    private final BilanLine line;

    ResultDialog(UiContext ui, EngagementService service, BilanLine line) {
        this.ui = ui;
        this.service = service;
        this.line = line;
    }

    /** Present when something was stored or cleared. */
    Optional<Boolean> showAndWait(Window owner) {
        var i18n = ui.i18n();
        RealisedValue original = line.result();
        IndicatorUnit unit = line.indicator().unit();
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("bilan.dialog.title"));
        dialog.setHeaderText(i18n.format("bilan.dialog.header", line.actionTypeName(), line.indicator().name(),
                line.year()));
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType clear = new ButtonType(i18n.get("bilan.clear"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().add(save);
        if (original != null) {
            dialog.getDialogPane().getButtonTypes().add(clear);
        }
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));

        TextField valueField = new TextField(original == null || unit == IndicatorUnit.YES_NO ? ""
                : TargetText.format(original.value(), unit));
        valueField.setId("resultValue");
        valueField.setAlignment(Pos.CENTER_RIGHT);
        valueField.setPrefColumnCount(10);
        CheckBox yes = new CheckBox(i18n.get("engagements.targets.yes"));
        yes.setId("resultYes");
        yes.setSelected(original != null && original.value().signum() > 0);
        Control valueControl = unit == IndicatorUnit.YES_NO ? yes : valueField;
        Label target = new Label(line.target() == null ? i18n.get("bilan.noTarget")
                : i18n.format("bilan.targetWas", unit == IndicatorUnit.YES_NO
                ? i18n.get(line.target().signum() > 0 ? "engagements.targets.yes" : "common.no")
                : TargetText.format(line.target(), unit)));
        target.getStyleClass().add("hint");
        ComboBox<ResultSource> source = new ComboBox<>();
        source.setId("resultSource");
        Cells.choices(source, List.of(ResultSource.values()), i18n::label, null);
        source.setValue(original == null ? ResultSource.COMPANY_REPORT : original.source());
        DatePicker received = new DatePicker(original == null ? LocalDate.now(ui.clock()) : original.receivedOn());
        received.setId("resultReceived");
        ObjectProperty<List<Issue>> receivedIssues = new SimpleObjectProperty<>(List.of());
        received.setConverter(Formats.dateConverter(t -> receivedIssues.set(t == null ? List.of()
                : List.of(Issue.error("validation.date.unreadable", t)))));
        Label receivedMessage = new Label();
        FieldFeedback.bind(received, receivedMessage, receivedIssues, i18n);
        received.setPromptText(i18n.get("common.datePrompt"));
        TextArea comment = new TextArea(original == null ? "" : original.comment());
        comment.setId("resultComment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        Cells.limit(comment, 2000, ui.i18n());

        ObjectProperty<List<Issue>> valueIssues = new SimpleObjectProperty<>(List.of());
        valueField.textProperty().subscribe(t -> valueIssues.set(checkTyped(t, unit)));
        Label valueMessage = new Label();
        FieldFeedback.bind(valueControl, valueMessage, valueIssues, i18n);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, label("bilan.field.value", unit), new VBox(2, valueControl, valueMessage, target));
        grid.addRow(1, new Label(i18n.get("bilan.field.source")), source);
        grid.addRow(2, new Label(i18n.get("bilan.field.received")), new VBox(2, received, receivedMessage));
        grid.addRow(3, new Label(i18n.get("bilan.field.comment")), comment);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        dialog.getDialogPane().setPrefWidth(560);
        Dialogs.focusWhenShown(dialog, valueControl);

        final Boolean[] result = new Boolean[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            if (Issue.anyError(receivedIssues.get())) {
                received.requestFocus();
                return;
            }
            Optional<BigDecimal> value = unit == IndicatorUnit.YES_NO
                    ? Optional.of(yes.isSelected() ? BigDecimal.ONE : BigDecimal.ZERO)
                    : TargetText.parse(valueField.getText());
            if (value.isEmpty()) {
                valueIssues.set(TargetText.isBlank(valueField.getText())
                        ? List.of(Issue.error("validation.result.required"))
                        : checkTyped(valueField.getText(), unit));
                valueControl.requestFocus();
                return;
            }
            RealisedValue candidate = new RealisedValue(original == null ? RecordMeta.fresh() : original.meta(),
                    line.engagementId(), line.indicator().id(), line.year(), value.get(), source.getValue(),
                    received.getValue(), comment.getText());
            ui.tasks().run(() -> service.saveResult(candidate), saved -> {
                result[0] = true;
                dialog.setResult(true);
                dialog.close();
            }, error -> {
                if (error instanceof ValidationException v && v.issues().containsKey(EngagementRules.RESULT_VALUE)) {
                    valueIssues.set(v.issues().get(EngagementRules.RESULT_VALUE));
                } else {
                    showError(dialog, error);
                }
            });
        });
        if (original != null) {
            dialog.getDialogPane().lookupButton(clear).addEventFilter(ActionEvent.ACTION, event -> {
                event.consume();
                ui.tasks().run(() -> {
                    service.deleteResult(original);
                    return true;
                }, done -> {
                    result[0] = true;
                    dialog.setResult(true);
                    dialog.close();
                }, error -> showError(dialog, error));
            });
        }
        dialog.setResultConverter(button -> result[0]);
        return dialog.showAndWait();
    }

    /** As the user types: not a number, or against the unit's rules. */
    private static List<Issue> checkTyped(String text, IndicatorUnit unit) {
        if (TargetText.isBlank(text)) {
            return List.of();
        }
        return TargetText.parse(text).map(v -> EngagementRules.checkValue(v, unit).map(List::of).orElse(List.of()))
                .orElseGet(() -> List.of(Issue.error("validation.target.notANumber", text.strip())));
    }

    private Label label(String key, IndicatorUnit unit) {
        return new Label(ui.i18n().format(key, ui.i18n().label(unit).toLowerCase(ui.i18n().locale())));
    }

    private void showError(Dialog<?> dialog, Throwable error) {
        ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), ui.i18n().get("error.title"),
                ui.errors().describe(error));
    }
}
