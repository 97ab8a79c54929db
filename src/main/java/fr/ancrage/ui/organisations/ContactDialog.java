package fr.ancrage.ui.organisations;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.ContactRules;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Adds or edits a contact; the dialog stays open until the contact is saved or cancelled. */
final class ContactDialog {

    private final UiContext ui;
    private final OrganisationService service;
    private final UUID organisationId;
    private final Contact original;

    ContactDialog(UiContext ui, OrganisationService service, UUID organisationId, Contact original) {
        this.ui = ui;
        this.service = service;
        this.organisationId = organisationId;
        this.original = original;
    }

    Optional<Contact> showAndWait(Window owner) {
        var i18n = ui.i18n();
        Dialog<Contact> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get(original == null ? "contacts.add" : "contacts.edit"));
        dialog.setHeaderText(dialog.getTitle());
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ComboBox<Civility> civility = new ComboBox<>();
        civility.setId("contact-civility");
        // « — » when not given: nothing is guessed from the first name
        Cells.choices(civility, List.of(Civility.values()), i18n::label, i18n.get("contacts.civility.none"));
        civility.setValue(original == null ? null : original.civility());
        TextField first = field("contact-first-name", original == null ? "" : original.firstName(), 100);
        TextField last = field("contact-last-name", original == null ? "" : original.lastName(), 100);
        TextField title = field("contact-title", original == null ? "" : original.jobTitle(), 200);
        TextField email = field("contact-email", original == null ? "" : original.email(), 254);
        TextField phone = field("contact-phone", original == null ? "" : original.phone(), 30);
        CheckBox maySign = new CheckBox(i18n.get("contacts.field.maySign"));
        maySign.setSelected(original != null && original.maySign());
        ObjectProperty<List<Issue>> lastIssues = new SimpleObjectProperty<>(List.of());
        ObjectProperty<List<Issue>> emailIssues = new SimpleObjectProperty<>(List.of());
        ObjectProperty<List<Issue>> phoneIssues = new SimpleObjectProperty<>(List.of());
        last.textProperty().subscribe(v -> lastIssues.set(Text.isBlank(v) && last.isFocused()
                ? List.of(Issue.error("validation.contact.lastName.required")) : List.of()));
        email.textProperty().subscribe(v -> emailIssues.set(ContactRules.checkEmail(v)));
        phone.textProperty().subscribe(v -> phoneIssues.set(ContactRules.checkPhone(v)));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        Label civilityLabel = new Label(i18n.get("contacts.field.civility"));
        civilityLabel.setLabelFor(civility);
        grid.addRow(row++, civilityLabel, civility);
        grid.addRow(row++, new Label(i18n.get("contacts.field.firstName")), first);
        grid.addRow(row++, new Label(i18n.get("contacts.field.lastName")), withMessage(last, lastIssues));
        grid.addRow(row++, new Label(i18n.get("contacts.field.title")), title);
        grid.addRow(row++, new Label(i18n.get("contacts.field.email")), withMessage(email, emailIssues));
        grid.addRow(row++, new Label(i18n.get("contacts.field.phone")), withMessage(phone, phoneIssues));
        grid.add(maySign, 1, row);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        Dialogs.fitContent(dialog);
        dialog.getDialogPane().setPrefWidth(520);
        Dialogs.focusWhenShown(dialog, last);

        final Contact[] result = new Contact[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the contact is stored
            if (Text.isBlank(last.getText())) {
                lastIssues.set(List.of(Issue.error("validation.contact.lastName.required")));
                last.requestFocus();
                return;
            }
            if (Issue.anyError(emailIssues.get()) || Issue.anyError(phoneIssues.get())) {
                return;
            }
            Contact candidate = new Contact(original == null ? RecordMeta.fresh() : original.meta(), organisationId,
                    civility.getValue(), first.getText(), last.getText(), title.getText(), email.getText(),
                    ContactRules.formatPhone(phone.getText()), maySign.isSelected());
            ui.tasks().run(() -> service.saveContact(candidate), saved -> {
                result[0] = saved;
                dialog.setResult(saved);
                dialog.close();
            }, error -> {
                if (error instanceof ValidationException v) {
                    lastIssues.set(v.issues().getOrDefault("lastName", List.of()));
                    emailIssues.set(v.issues().getOrDefault("email", List.of()));
                    phoneIssues.set(v.issues().getOrDefault("phone", List.of()));
                } else {
                    ui.dialogs().error(dialog.getDialogPane().getScene().getWindow(), i18n.get("error.title"),
                            ui.errors().describe(error));
                }
            });
        });
        dialog.setResultConverter(button -> result[0]);
        return dialog.showAndWait();
    }

    private TextField field(String id, String value, int max) {
        TextField f = new TextField(value);
        Cells.limit(f, max, ui.i18n());
        f.setId(id);
        f.setPrefColumnCount(24);
        return f;
    }

    private VBox withMessage(TextField field, ObjectProperty<List<Issue>> issues) {
        Label message = new Label();
        FieldFeedback.bind(field, message, issues, ui.i18n());
        return new VBox(2, field, message);
    }
}
