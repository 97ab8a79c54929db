package fr.ancrage.ui.engagements;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Adds or edits an engagement with the form of its category: the action types and indicators come
 * from the catalogue, and each target takes the input of its unit. The dialog stays open until the
 * engagement is stored or the user cancels.
 */
final class EngagementDialog {

    private final UiContext ui;
    private final EngagementService service;
    private final EngagementFormViewModel form;
    private final List<Qpv> conventionQpvs;
    private final List<Organisation> partners;
    private final GridPane targetGrid = new GridPane();
    private final VBox targetMessages = new VBox(2);

    EngagementDialog(UiContext ui, EngagementService service, EngagementFormViewModel form, List<Qpv> conventionQpvs,
                     List<Organisation> partners) {
        this.ui = ui;
        this.service = service;
        this.form = form;
        this.conventionQpvs = conventionQpvs;
        this.partners = partners;
    }

    Optional<Engagement> showAndWait(Window owner) {
        var i18n = ui.i18n();
        Dialog<Engagement> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.setTitle(i18n.get(form.isNew() ? "engagements.add.title" : "engagements.edit.title"));
        dialog.setHeaderText(i18n.format("engagements.dialog.header", form.category().name()));
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ComboBox<ActionType> typeBox = new ComboBox<>();
        typeBox.setId("engagementActionType");
        typeBox.getItems().setAll(form.actionTypeChoices());
        typeBox.setConverter(Cells.converter(t -> t.active() ? t.name() : i18n.format("catalogue.inactiveName", t.name())));
        typeBox.setMaxWidth(Double.MAX_VALUE);
        typeBox.valueProperty().bindBidirectional(form.actionTypeProperty());
        typeBox.setPromptText(i18n.get("engagements.prompt.actionType"));

        TextArea description = new TextArea();
        description.setId("engagementDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.setPromptText(i18n.get("engagements.prompt.description"));
        Cells.limit(description, 4000, ui.i18n());
        description.textProperty().bindBidirectional(form.descriptionProperty());

        ComboBox<Integer> firstYear = yearBox("engagementFirstYear");
        firstYear.valueProperty().bindBidirectional(form.firstYearProperty());
        ComboBox<Integer> lastYear = yearBox("engagementLastYear");
        lastYear.valueProperty().bindBidirectional(form.lastYearProperty());
        HBox years = new HBox(8, firstYear, new Label(i18n.get("engagements.field.yearsTo")), lastYear);
        years.setAlignment(Pos.CENTER_LEFT);

        ComboBox<EngagementStatus> status = new ComboBox<>();
        status.setId("engagementStatus");
        Cells.choices(status, List.of(EngagementStatus.values()), i18n::label, null);
        status.valueProperty().bindBidirectional(form.statusProperty());

        SearchableComboBox<Organisation> partner = new SearchableComboBox<>();
        partner.setId("engagementPartner");
        partner.getItems().add(null);
        partner.getItems().addAll(partners);
        partner.setConverter(Cells.converter(o -> o.legalName()));
        partner.setPromptText(i18n.get("engagements.prompt.partner"));
        partner.setMaxWidth(Double.MAX_VALUE);
        partner.valueProperty().bindBidirectional(form.partnerProperty());

        FlowPane qpvs = new FlowPane(12, 6);
        // the convention's QPVs, and any the engagement still targets though the convention no longer does,
        // so that the user can untick it
        List<Qpv> offered = conventionQpvs.stream().filter(q -> form.convention().qpvIds().contains(q.id())
                || form.qpvIds().contains(q.id())).toList();
        if (offered.isEmpty()) {
            qpvs.getChildren().add(hint(i18n.get("engagements.qpv.none")));
        }
        for (Qpv q : offered) {
            CheckBox box = new CheckBox(q.name() + " (" + q.code() + ")");
            box.setId("qpv-" + q.code());
            box.setSelected(form.qpvIds().contains(q.id()));
            box.selectedProperty().subscribe(on -> {
                if (on && !form.qpvIds().contains(q.id())) {
                    form.qpvIds().add(q.id());
                } else if (!on) {
                    form.qpvIds().remove(q.id());
                }
            });
            qpvs.getChildren().add(box);
        }

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        grid.addRow(row++, label("engagements.field.actionType"),
                withMessage(typeBox, EngagementRules.ACTION_TYPE));
        grid.addRow(row++, label("engagements.field.description"),
                withMessage(description, EngagementRules.DESCRIPTION));
        grid.addRow(row++, label("engagements.field.years"), withMessage(years, firstYear, EngagementRules.YEARS));
        grid.addRow(row++, label("engagements.field.status"), status);
        grid.addRow(row++, label("engagements.field.qpvs"), withMessage(qpvs, null, EngagementRules.QPVS));
        grid.addRow(row++, label("engagements.field.partner"), withMessage(partner, EngagementRules.PARTNER));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        Layouts.keepLabels(grid);

        Label targetsTitle = new Label(i18n.get("engagements.targets.title"));
        targetsTitle.getStyleClass().add("section-title");
        targetGrid.getStyleClass().add("target-grid");
        targetGrid.setHgap(10);
        targetGrid.setVgap(6);
        targetMessages.getStyleClass().add("target-messages");
        VBox content = new VBox(12, grid, targetsTitle, targetGrid, targetMessages);
        content.getStyleClass().add("engagement-form");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        dialog.getDialogPane().setContent(scroll);
        // a dialog is sized from its content's preferred width: make sure the grid of years fits; its
        // height fits the screen (700 px high included), the content scrolls
        double height = Layouts.screenHeightFor(owner) - 60;
        dialog.getDialogPane().setPrefSize(760, Math.min(640, height));
        dialog.getDialogPane().setMinSize(760, Math.min(520, height));
        dialog.getDialogPane().setMaxHeight(height);

        form.indicators().addListener((ListChangeListener<Indicator>) c -> rebuildTargets());
        form.years().addListener((ListChangeListener<Integer>) c -> rebuildTargets());
        form.targetMessages().subscribe(this::showTargetMessages);
        rebuildTargets();
        Dialogs.focusWhenShown(dialog, typeBox.getValue() == null ? typeBox : description);

        final Engagement[] result = new Engagement[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the engagement is stored
            if (!form.validate()) {
                if (typeBox.getValue() == null) {
                    typeBox.requestFocus();
                }
                revealErrors(scroll);
                return;
            }
            Engagement candidate = form.toEngagement();
            ui.tasks().run(() -> service.save(candidate), saved -> {
                result[0] = saved;
                dialog.setResult(saved);
                dialog.close();
            }, error -> {
                Window window = dialog.getDialogPane().getScene().getWindow();
                if (error instanceof ValidationException v) {
                    var rest = form.showIssues(v.issues());
                    revealErrors(scroll);
                    if (!rest.isEmpty()) {
                        ui.dialogs().error(window, i18n.get("error.title"),
                                ui.errors().describe(new ValidationException(rest)));
                    }
                } else {
                    ui.dialogs().error(window, i18n.get("error.title"), ui.errors().describe(error));
                }
            });
        });
        dialog.setResultConverter(button -> result[0]);
        return dialog.showAndWait();
    }

    /**
     * The first message of the form in sight (the targets' messages sit under their grid, below the
     * fold on a small screen), and the keyboard in the first target refused.
     */
    private void revealErrors(ScrollPane scroll) {
        javafx.application.Platform.runLater(() -> {
            Layouts.revealFirstMessage(scroll);
            targetGrid.getChildren().stream().filter(n -> n.getStyleClass().contains("field-error")).findFirst()
                    .ifPresent(javafx.scene.Node::requestFocus);
        });
    }

    /** One row per indicator of the action type, one column per year, each cell with its unit's input. */
    private void rebuildTargets() {
        var i18n = ui.i18n();
        targetGrid.getChildren().clear();
        List<Indicator> indicators = form.indicators();
        List<Integer> years = form.years();
        if (indicators.isEmpty() || years.isEmpty()) {
            targetGrid.add(hint(i18n.get(form.actionTypeProperty().get() == null ? "engagements.targets.chooseType"
                    : indicators.isEmpty() ? "engagements.targets.noIndicator" : "engagements.targets.noYears")), 0, 0);
            return;
        }
        targetGrid.add(new Label(i18n.get("engagements.targets.indicator")), 0, 0);
        for (int c = 0; c < years.size(); c++) {
            Label year = new Label(String.valueOf(years.get(c)));
            year.getStyleClass().add("target-year");
            targetGrid.add(year, c + 1, 0);
        }
        for (int r = 0; r < indicators.size(); r++) {
            Indicator indicator = indicators.get(r);
            Label name = new Label(i18n.format("engagements.targets.row", indicator.name(),
                    i18n.label(indicator.unit()).toLowerCase(i18n.locale())));
            name.setWrapText(true);
            name.setMaxWidth(260);
            if (!indicator.active()) {
                name.setText(i18n.format("catalogue.inactiveName", name.getText()));
            }
            targetGrid.add(name, 0, r + 1);
            for (int c = 0; c < years.size(); c++) {
                int year = years.get(c);
                StringProperty text = form.text(indicator.id(), year);
                Control cell = indicator.unit() == IndicatorUnit.YES_NO ? yesNo(text) : numberField(text, indicator);
                cell.setId("target-" + r + "-" + year);
                cell.setAccessibleText(indicator.name() + " " + year);
                var issues = form.issues(EngagementRules.targetField(indicator.id(), year));
                issues.subscribe(list -> {
                    cell.getStyleClass().remove("field-error");
                    if (fr.ancrage.domain.validation.Issue.anyError(list)) {
                        cell.getStyleClass().add("field-error");
                    }
                    cell.setTooltip(list.isEmpty() ? null : new javafx.scene.control.Tooltip(
                            i18n.issue(list.getFirst())));
                });
                targetGrid.add(cell, c + 1, r + 1);
            }
        }
    }

    private Control numberField(StringProperty text, Indicator indicator) {
        TextField field = new TextField();
        field.setPrefColumnCount(indicator.unit() == IndicatorUnit.EUROS ? 9 : 6);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.textProperty().bindBidirectional(text);
        field.focusedProperty().subscribe(focused -> {
            if (!focused) { // 1234,5 becomes 1 234,50 € once the user leaves the cell
                TargetText.parse(field.getText()).filter(v -> v.signum() >= 0)
                        .ifPresent(v -> field.setText(TargetText.format(v, indicator.unit())));
            }
        });
        return field;
    }

    private Control yesNo(StringProperty text) {
        CheckBox box = new CheckBox(ui.i18n().get("engagements.targets.yes"));
        box.setSelected("1".equals(text.get()));
        box.selectedProperty().subscribe(on -> text.set(on ? "1" : ""));
        return box;
    }

    private void showTargetMessages(List<EngagementFormViewModel.CellIssue> issues) {
        targetMessages.getChildren().setAll(issues.stream().map(i -> {
            Label l = new Label(ui.i18n().format("engagements.targets.cellIssue", i.indicatorName(), i.year(),
                    ui.i18n().issue(i.issue())));
            l.getStyleClass().addAll("field-message", i.issue().isError() ? "error" : "warning");
            l.setWrapText(true);
            return l;
        }).collect(Collectors.toList()));
    }

    private ComboBox<Integer> yearBox(String id) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(form.yearChoices());
        box.setConverter(Cells.converter(String::valueOf));
        return box;
    }

    private Label label(String key) {
        Label l = new Label(ui.i18n().get(key));
        l.getStyleClass().add("form-label");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private VBox withMessage(Control control, String field) {
        return withMessage(control, control, field);
    }

    private VBox withMessage(javafx.scene.Node node, Control decorated, String field) {
        Label message = new Label();
        if (decorated != null) {
            FieldFeedback.bind(decorated, message, form.issues(field), ui.i18n());
        } else {
            message.getStyleClass().add("field-message");
            message.setWrapText(true);
            form.issues(field).subscribe(list -> {
                message.setText(list.isEmpty() ? "" : ui.i18n().issue(list.getFirst()));
                message.getStyleClass().remove("error");
                if (!list.isEmpty()) {
                    message.getStyleClass().add("error");
                }
                message.setManaged(!list.isEmpty());
                message.setVisible(!list.isEmpty());
            });
        }
        return new VBox(2, node, message);
    }
}
