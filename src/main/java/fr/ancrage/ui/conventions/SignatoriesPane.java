package fr.ancrage.ui.conventions;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.Text;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** The signatories tab: who signs, in which order. Changes are saved with the convention. */
final class SignatoriesPane {

    private final UiContext ui;
    private final ObservableList<Signatory> signatories;
    private final OrganisationService organisations;
    private TableView<Signatory> table;
    private ObjectProperty<Organisation> company;
    private javafx.beans.value.ObservableBooleanValue locked = new javafx.beans.property.SimpleBooleanProperty(false);

    SignatoriesPane(UiContext ui, ObservableList<Signatory> signatories, OrganisationService organisations) {
        this.ui = ui;
        this.signatories = signatories;
        this.organisations = organisations;
    }

    void bind(TableView<Signatory> signatoriesTable, TableColumn<Signatory, String> order,
              TableColumn<Signatory, String> role, TableColumn<Signatory, String> name,
              TableColumn<Signatory, String> title, Button edit, Button remove, Button up, Button down,
              ObjectProperty<Organisation> companyProperty) {
        this.table = signatoriesTable;
        TableColumns.remember(ui, table, "signatories");
        this.company = companyProperty;
        table.setItems(signatories);
        Cells.text(order, s -> String.valueOf(signatories.indexOf(s) + 1));
        Cells.text(role, s -> ui.i18n().label(s.role()));
        Cells.text(name, Signatory::fullName);
        Cells.text(title, Signatory::jobTitle);
        table.setPlaceholder(new Label(ui.i18n().get("signatories.empty")));
        var selected = table.getSelectionModel().selectedItemProperty();
        edit.disableProperty().bind(selected.isNull());
        remove.disableProperty().bind(selected.isNull());
        up.disableProperty().bind(selected.isNull());
        down.disableProperty().bind(selected.isNull());
        Cells.onOpen(table, s -> edit(table.getScene().getWindow()));
    }

    /** While {@code locked} holds (a signed convention), the list is read-only: no dialog opens. */
    void lockWhile(javafx.beans.value.ObservableBooleanValue locked) {
        this.locked = locked;
    }

    void add(Window owner) {
        if (locked.get()) {
            return;
        }
        Organisation c = company.get();
        if (c == null) {
            ask(owner, null, List.of()).ifPresent(signatories::add);
            return;
        }
        ui.tasks().run(() -> organisations.contacts(c.id()),
                contacts -> ask(owner, null, contacts.stream().filter(Contact::maySign).toList()).ifPresent(signatories::add),
                e -> ask(owner, null, List.of()).ifPresent(signatories::add));
    }

    void edit(Window owner) {
        Signatory s = table.getSelectionModel().getSelectedItem();
        if (s != null && !locked.get()) {
            int index = signatories.indexOf(s);
            ask(owner, s, List.of()).ifPresent(updated -> signatories.set(index, updated));
        }
    }

    void remove() {
        Signatory s = table.getSelectionModel().getSelectedItem();
        if (s != null && !locked.get()) {
            signatories.remove(s);
        }
    }

    void move(int delta) {
        if (locked.get()) {
            return;
        }
        fr.ancrage.ui.common.ListEditing.move(table, signatories, delta);
        table.refresh(); // the order column
    }

    private Optional<Signatory> ask(Window owner, Signatory original, List<Contact> contacts) {
        var i18n = ui.i18n();
        Dialog<Signatory> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get(original == null ? "signatories.add" : "signatories.edit"));
        dialog.setHeaderText(dialog.getTitle());
        ButtonType ok = new ButtonType(i18n.get("action.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ComboBox<SignatoryRole> role = new ComboBox<>();
        Cells.choices(role, List.of(SignatoryRole.values()), i18n::label, null);
        role.setValue(original == null ? (contacts.isEmpty() ? SignatoryRole.PREFECT : SignatoryRole.COMPANY)
                : original.role());
        ComboBox<Contact> contact = new ComboBox<>();
        Cells.choices(contact, contacts, c -> c.fullName() + (c.jobTitle().isEmpty() ? "" : ", " + c.jobTitle()),
                i18n.get("signatories.noContact"));
        TextField name = new TextField(original == null ? "" : original.fullName());
        name.setId("signatory-name");
        Cells.limit(name, 200, ui.i18n());
        TextField title = new TextField(original == null ? "" : original.jobTitle());
        title.setId("signatory-title");
        Cells.limit(title, 200, ui.i18n());
        contact.valueProperty().subscribe(c -> {
            if (c != null) {
                name.setText(c.fullName());
                title.setText(c.jobTitle());
            }
        });
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label(i18n.get("signatories.column.role")), role);
        if (!contacts.isEmpty()) {
            grid.addRow(1, new Label(i18n.get("signatories.fromContact")), contact);
        }
        grid.addRow(2, new Label(i18n.get("signatories.column.name")), name);
        grid.addRow(3, new Label(i18n.get("signatories.column.title")), title);
        dialog.getDialogPane().setContent(Layouts.keepLabels(grid));
        Dialogs.fitContent(dialog);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(name.textProperty().isEmpty());
        Dialogs.focusWhenShown(dialog, name);
        dialog.setResultConverter(button -> {
            if (button != ok || Text.isBlank(name.getText())) {
                return null;
            }
            Contact chosen = contact.getValue();
            RecordMeta meta = original == null ? RecordMeta.fresh() : original.meta();
            return new Signatory(meta, 0, role.getValue(), name.getText(), title.getText(),
                    chosen != null ? chosen.organisationId()
                            : role.getValue() == SignatoryRole.COMPANY && company.get() != null ? company.get().id()
                            : original == null ? null : original.organisationId(),
                    chosen != null ? chosen.id() : original == null ? null : original.contactId());
        });
        return dialog.showAndWait();
    }

}
