package fr.ancrage.ui.campaigns;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.service.CampaignService;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.Optional;

/** Opens the campaign of a year (by default last year, due by the end of March). */
final class NewCampaignDialog {

    private final UiContext ui;
    private final CampaignService campaigns;

    NewCampaignDialog(UiContext ui, CampaignService campaigns) {
        this.ui = ui;
        this.campaigns = campaigns;
    }

    Optional<ReportingCampaign> showAndWait(Window owner) {
        var i18n = ui.i18n();
        Dialog<ReportingCampaign> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("campaigns.new"));
        dialog.setHeaderText(i18n.get("campaigns.new.header"));
        ButtonType open = new ButtonType(i18n.get("campaigns.new.open"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        int lastYear = campaigns.today().getYear() - 1;
        Spinner<Integer> year = new Spinner<>(2000, 2100, lastYear);
        year.setId("campaignYear");
        year.setEditable(true);
        // only digits can be typed; an empty or partial year falls back to the year shown before
        year.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,4}") ? change : null));
        year.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : String.valueOf(value);
            }

            @Override
            public Integer fromString(String text) {
                return text != null && text.matches("\\d{4}") && Integer.parseInt(text) >= 2000
                        && Integer.parseInt(text) <= 2100 ? Integer.valueOf(text) : year.getValue();
            }
        });
        DatePicker due = new DatePicker(ReportingCampaign.proposedDueDate(lastYear, campaigns.today()));
        due.setId("campaignDue");
        javafx.beans.property.ObjectProperty<java.util.List<fr.ancrage.domain.validation.Issue>> dueIssues =
                new javafx.beans.property.SimpleObjectProperty<>(java.util.List.of());
        due.setConverter(Formats.dateConverter(t -> dueIssues.set(t == null ? java.util.List.of()
                : java.util.List.of(fr.ancrage.domain.validation.Issue.error("validation.date.unreadable", t)))));
        Label dueMessage = new Label();
        fr.ancrage.ui.common.FieldFeedback.bind(due, dueMessage, dueIssues, i18n);
        year.valueProperty().subscribe(y -> due.setValue(ReportingCampaign.proposedDueDate(y, campaigns.today())));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label(i18n.get("campaigns.field.year")), year);
        grid.addRow(1, new Label(i18n.get("campaigns.field.due")), new javafx.scene.layout.VBox(2, due, dueMessage));
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        final ReportingCampaign[] result = new ReportingCampaign[1];
        dialog.getDialogPane().lookupButton(open).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            if (due.getValue() == null || !dueIssues.get().isEmpty()) {
                due.requestFocus();
                return;
            }
            int y = year.getValue();
            LocalDate d = due.getValue();
            ui.tasks().run(() -> campaigns.open(y, d), saved -> {
                result[0] = saved;
                dialog.setResult(saved);
                dialog.close();
            }, error -> ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), i18n.get("error.title"),
                    ui.errors().describe(error)));
        });
        dialog.setResultConverter(b -> result[0]);
        return dialog.showAndWait();
    }
}
