package fr.ancrage.ui.territories;

import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.stage.Window;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The dialog to create or change a QPV; what it checks lives in {@link QpvFormViewModel}. */
final class QpvEditor {

    private final UiContext ui;
    private final QpvFormViewModel form;
    private Dialog<Qpv> dialog;

    @FXML private TextField qpvCodeField;
    @FXML private Label codeMessage;
    @FXML private Label qpvVersionLabel;
    @FXML private TextField qpvNameField;
    @FXML private Label nameMessage;
    @FXML private ComboBox<Department> qpvDepartmentBox;
    @FXML private Label departmentMessage;
    @FXML private ComboBox<Epci> qpvEpciBox;
    @FXML private CustomTextField qpvCommuneFilterField;
    @FXML private ListView<CommuneChoice> qpvCommuneList;
    @FXML private Label qpvCommuneCount;
    @FXML private Label otherMessage;

    QpvEditor(UiContext ui, QpvFormViewModel form) {
        this.ui = ui;
        this.form = form;
    }

    /** Opens the dialog without waiting; {@code onSaved} gets the QPV once the service accepted it. */
    void show(Window owner, Consumer<Qpv> onSaved) {
        I18n i18n = ui.i18n();
        Parent content = ui.loader().load(QpvEditor.class, () -> this);
        dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        String title = i18n.get(form.isNew() ? "qpv.form.title.new" : "qpv.form.title.edit");
        dialog.setTitle(title);
        dialog.setHeaderText(form.isNew() ? title : i18n.format("qpv.form.header.edit", form.codeProperty().get()));
        dialog.setResizable(true);
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> null);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("qpvSaveButton");
        saveButton.disableProperty().bind(form.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save(onSaved);
        });
        Dialogs.focusWhenShown(dialog, qpvCodeField);
        dialog.show();
    }

    private void save(Consumer<Qpv> onSaved) {
        boolean sent = form.save(saved -> {
            dialog.setResult(saved);
            dialog.close();
            onSaved.accept(saved);
        }, error -> ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), ui.i18n().get("error.title"),
                ui.errors().describe(error)));
        if (!sent) {
            focusFirstError();
        }
    }

    private void focusFirstError() {
        Map<String, Control> fields = Map.of(QpvFormViewModel.CODE, qpvCodeField, QpvFormViewModel.NAME,
                qpvNameField, QpvFormViewModel.DEPARTMENT, qpvDepartmentBox);
        form.firstErrorField().map(fields::get).ifPresent(Control::requestFocus);
    }

    @FXML
    private void initialize() {
        I18n i18n = ui.i18n();
        qpvCodeField.setTextFormatter(new TextFormatter<>(change -> {
            change.setText(change.getText().toUpperCase(Locale.ROOT));
            return change;
        }));
        qpvCodeField.textProperty().bindBidirectional(form.codeProperty());
        Cells.limit(qpvNameField, fr.ancrage.domain.validation.TextLimits.NAME, ui.i18n());
        qpvNameField.textProperty().bindBidirectional(form.nameProperty());
        FieldFeedback.bind(qpvCodeField, codeMessage, form.issues(QpvFormViewModel.CODE), i18n);
        FieldFeedback.bind(qpvNameField, nameMessage, form.issues(QpvFormViewModel.NAME), i18n);
        FieldFeedback.bind(qpvDepartmentBox, departmentMessage, form.issues(QpvFormViewModel.DEPARTMENT), i18n);
        qpvVersionLabel.textProperty().bind(Bindings.createStringBinding(() -> form.versionProperty().get() == null
                ? i18n.get("qpv.form.version.unknown") : i18n.label(form.versionProperty().get()),
                form.versionProperty()));

        Cells.choices(qpvDepartmentBox, form.departments(), Department::label, null);
        qpvDepartmentBox.valueProperty().bindBidirectional(form.departmentProperty());
        Cells.choices(qpvEpciBox, form.epciChoices(), Epci::name, i18n.get("qpv.form.epci.none"));
        qpvEpciBox.valueProperty().bindBidirectional(form.epciProperty());
        qpvEpciBox.disableProperty().bind(form.departmentProperty().isNull());

        qpvCommuneFilterField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        qpvCommuneFilterField.textProperty().bindBidirectional(form.communeFilterProperty());
        qpvCommuneList.setItems(form.visibleCommuneChoices());
        qpvCommuneList.setCellFactory(CheckBoxListCell.forListView(CommuneChoice::selectedProperty));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-state");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                        form.loadingCommunesProperty().get() ? "territories.loading"
                                : form.departmentProperty().get() == null ? "qpv.form.communes.select"
                                : "qpv.form.communes.empty"),
                form.loadingCommunesProperty(), form.departmentProperty()));
        qpvCommuneList.setPlaceholder(placeholder);
        qpvCommuneCount.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.format("qpv.form.communes.count", form.selectedCommuneCountProperty().get()),
                form.selectedCommuneCountProperty()));

        otherMessage.textProperty().bind(Bindings.createStringBinding(() -> text(form.issues(QpvFormViewModel.OTHER)
                .get()), form.issues(QpvFormViewModel.OTHER)));
        otherMessage.managedProperty().bind(otherMessage.textProperty().isNotEmpty());
        otherMessage.visibleProperty().bind(otherMessage.managedProperty());
    }

    private String text(List<Issue> issues) {
        return issues.stream().map(ui.i18n()::issue).collect(Collectors.joining("\n"));
    }
}
