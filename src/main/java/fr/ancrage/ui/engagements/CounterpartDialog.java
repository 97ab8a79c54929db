package fr.ancrage.ui.engagements;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Adds or edits what a public partner commits to in return; stays open until stored or cancelled. */
final class CounterpartDialog {

    private final UiContext ui;
    private final EngagementService service;
    private final UUID conventionId;
    private final Counterpart original;
    private final List<Organisation> partners;
    private final List<EngagementListItem> engagements;

    CounterpartDialog(UiContext ui, EngagementService service, UUID conventionId, Counterpart original,
                      List<Organisation> partners, List<EngagementListItem> engagements) {
        this.ui = ui;
        this.service = service;
        this.conventionId = conventionId;
        this.original = original;
        this.partners = partners;
        this.engagements = engagements;
    }

    Optional<Counterpart> showAndWait(Window owner) {
        var i18n = ui.i18n();
        Dialog<Counterpart> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get(original == null ? "counterparts.add.title" : "counterparts.edit.title"));
        dialog.setHeaderText(i18n.get("counterparts.dialog.header"));
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        SearchableComboBox<Organisation> partner = new SearchableComboBox<>();
        partner.setId("counterpartPartner");
        partner.getItems().setAll(partners);
        partner.setConverter(Cells.converter(Organisation::legalName));
        partner.setPromptText(i18n.get("counterparts.prompt.partner"));
        partner.setMaxWidth(Double.MAX_VALUE);
        ComboBox<EngagementListItem> engagement = new ComboBox<>();
        engagement.setId("counterpartEngagement");
        Cells.choices(engagement, engagements, EngagementsView::engagementLabel, i18n.get("counterparts.engagement.none"));
        engagement.setMaxWidth(Double.MAX_VALUE);
        TextArea description = new TextArea();
        description.setId("counterpartDescription");
        description.setPrefRowCount(4);
        description.setWrapText(true);
        description.setPromptText(i18n.get("counterparts.prompt.description"));
        Cells.limit(description, 4000, ui.i18n());
        if (original != null) {
            partners.stream().filter(o -> o.id().equals(original.partnerId())).findFirst().ifPresent(partner::setValue);
            engagements.stream().filter(e -> e.id().equals(original.engagementId())).findFirst()
                    .ifPresent(engagement::setValue);
            description.setText(original.description());
        }
        ObjectProperty<List<Issue>> partnerIssues = new SimpleObjectProperty<>(List.of());
        ObjectProperty<List<Issue>> descriptionIssues = new SimpleObjectProperty<>(List.of());
        partner.valueProperty().subscribe(v -> {
            if (v != null) {
                partnerIssues.set(List.of());
            }
        });
        description.textProperty().subscribe(v -> {
            if (!v.isBlank()) {
                descriptionIssues.set(List.of());
            }
        });

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label(i18n.get("counterparts.field.partner")), withMessage(partner, partnerIssues));
        grid.addRow(1, new Label(i18n.get("counterparts.field.engagement")), engagement);
        grid.addRow(2, new Label(i18n.get("counterparts.field.description")),
                withMessage(description, descriptionIssues));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        dialog.getDialogPane().setPrefWidth(640);
        Dialogs.focusWhenShown(dialog, partner);

        final Counterpart[] result = new Counterpart[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            Counterpart candidate = new Counterpart(original == null ? RecordMeta.fresh() : original.meta(),
                    conventionId, partner.getValue() == null ? null : partner.getValue().id(),
                    engagement.getValue() == null ? null : engagement.getValue().id(), description.getText());
            Map<String, List<Issue>> issues = EngagementRules.checkCounterpart(candidate);
            if (!issues.isEmpty()) {
                partnerIssues.set(issues.getOrDefault(EngagementRules.PARTNER, List.of()));
                descriptionIssues.set(issues.getOrDefault(EngagementRules.DESCRIPTION, List.of()));
                (issues.containsKey(EngagementRules.PARTNER) ? partner : description).requestFocus();
                return;
            }
            ui.tasks().run(() -> service.save(candidate), saved -> {
                result[0] = saved;
                dialog.setResult(saved);
                dialog.close();
            }, error -> {
                if (error instanceof ValidationException v && v.issues().containsKey(EngagementRules.PARTNER)) {
                    partnerIssues.set(v.issues().get(EngagementRules.PARTNER));
                } else {
                    ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), i18n.get("error.title"),
                            ui.errors().describe(error));
                }
            });
        });
        dialog.setResultConverter(button -> result[0]);
        return dialog.showAndWait();
    }

    private VBox withMessage(javafx.scene.control.Control control, ObjectProperty<List<Issue>> issues) {
        Label message = new Label();
        FieldFeedback.bind(control, message, issues, ui.i18n());
        return new VBox(2, control, message);
    }
}
