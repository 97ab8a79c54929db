package fr.ancrage.ui.catalogue;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.domain.CatalogueRules;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates or edits an indicator: name, unit, and whether targets add up across engagements (never
 * for a yes / no one). The dialog stays open until the store has accepted it.
 */
final class IndicatorDialog {

    /** Stores the indicator, then calls {@code onSaved} or {@code onFailure} on the FX thread. */
    interface Saver {
        void save(Indicator candidate, Runnable onSaved, Consumer<Throwable> onFailure);
    }

    private final UiContext ui;
    private final Indicator original;
    private final List<Indicator> siblings;
    private final int uses;

    /**
     * {@code original}: the indicator to edit, or a draft (version 0) for a new one; {@code siblings}:
     * the indicators of its category; {@code uses}: the targets already set on it.
     */
    IndicatorDialog(UiContext ui, Indicator original, List<Indicator> siblings, int uses) {
        this.ui = ui;
        this.original = original;
        this.siblings = siblings;
        this.uses = uses;
    }

    void showAndWait(Window owner, Saver saver) {
        var i18n = ui.i18n();
        boolean isNew = original.meta().isNew();
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get(isNew ? "catalogue.indicator.new.title" : "catalogue.indicator.edit.title"));
        dialog.setHeaderText(dialog.getTitle());
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(save).setId("indicator-save");

        TextField name = new TextField(original.name());
        name.setId("indicator-name");
        name.setPrefColumnCount(28);
        Cells.limit(name, TextLimits.TITLE, ui.i18n());
        ComboBox<IndicatorUnit> unit = new ComboBox<>();
        unit.setId("indicator-unit");
        Cells.choices(unit, List.of(IndicatorUnit.values()), i18n::label, null);
        unit.setValue(original.unit());
        unit.setDisable(uses > 0);
        CheckBox summable = new CheckBox(i18n.get("catalogue.indicator.field.summable"));
        summable.setId("indicator-summable");
        summable.setSelected(original.summable());
        summable.setWrapText(true);
        unit.valueProperty().subscribe(u -> {
            boolean yesNo = u == IndicatorUnit.YES_NO;
            if (yesNo) {
                summable.setSelected(false);
            }
            summable.setDisable(yesNo);
        });

        ObjectProperty<List<Issue>> nameIssues = new SimpleObjectProperty<>(List.of());
        ObjectProperty<List<Issue>> unitIssues = new SimpleObjectProperty<>(List.of());
        Runnable check = () -> {
            Map<String, List<Issue>> issues = CatalogueRules.checkIndicator(
                    candidate(name.getText(), unit.getValue(), summable.isSelected()), siblings);
            nameIssues.set(issues.getOrDefault(CatalogueRules.NAME, List.of()));
            unitIssues.set(issues.getOrDefault(CatalogueRules.UNIT, List.of()));
        };
        name.textProperty().subscribe((old, now) -> check.run());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.getColumnConstraints().addAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), new ColumnConstraints(200, 360, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT,
                true));
        grid.addRow(0, new Label(i18n.get("catalogue.field.name")), withMessage(name, nameIssues));
        Label unitHint = new Label(uses > 0 ? i18n.format("catalogue.indicator.unitLocked", uses) : "");
        unitHint.getStyleClass().add("hint");
        unitHint.setWrapText(true);
        unitHint.setManaged(uses > 0);
        VBox unitBox = withMessage(unit, unitIssues);
        unitBox.getChildren().add(unitHint);
        grid.addRow(1, new Label(i18n.get("catalogue.indicator.column.unit")), unitBox);
        grid.add(summable, 1, 2);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        dialog.getDialogPane().setPrefWidth(560);
        Dialogs.focusWhenShown(dialog, name);
        dialog.setOnShown(e -> {
            Platform.runLater(() -> Dialogs.centerOn(dialog.getDialogPane().getScene().getWindow(), owner));
        });

        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the indicator is stored
            check.run();
            if (name.getText().isBlank()) {
                nameIssues.set(List.of(Issue.error("validation.catalogue.name.required")));
            }
            if (Issue.anyError(nameIssues.get()) || Issue.anyError(unitIssues.get())) {
                name.requestFocus();
                return;
            }
            saver.save(candidate(name.getText(), unit.getValue(), summable.isSelected()), () -> {
                dialog.setResult(Boolean.TRUE);
                dialog.close();
            }, error -> {
                if (error instanceof ValidationException v) {
                    nameIssues.set(v.issues().getOrDefault(CatalogueRules.NAME, List.of()));
                    unitIssues.set(v.issues().getOrDefault(CatalogueRules.UNIT, List.of()));
                } else {
                    ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), i18n.get("error.title"),
                            ui.errors().describe(error));
                }
            });
        });
        dialog.setResultConverter(button -> null);
        dialog.showAndWait();
    }

    private Indicator candidate(String name, IndicatorUnit unit, boolean summable) {
        return new Indicator(original.meta(), original.categoryId(), original.code(), name, unit,
                summable && unit != IndicatorUnit.YES_NO, original.position(), original.active());
    }

    private VBox withMessage(javafx.scene.control.Control field, ObjectProperty<List<Issue>> issues) {
        Label message = new Label();
        FieldFeedback.bind(field, message, issues, ui.i18n());
        field.setMaxWidth(Double.MAX_VALUE);
        return new VBox(2, field, message);
    }
}
