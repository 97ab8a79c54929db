package fr.ancrage.ui.organisations;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Contact;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.UiContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.UUID;

/** The contacts tab of an organisation: list, add, edit, delete. */
final class ContactsPane {

    private final UiContext ui;
    private final OrganisationService service;
    private TableView<Contact> table;
    private UUID organisationId;

    ContactsPane(UiContext ui, OrganisationService service) {
        this.ui = ui;
        this.service = service;
    }

    void bind(TableView<Contact> contactsTable, TableColumn<Contact, String> civility, TableColumn<Contact, String> name, TableColumn<Contact, String> title,
              TableColumn<Contact, String> email, TableColumn<Contact, String> phone,
              TableColumn<Contact, String> maySign, Button edit, Button delete) {
        this.table = contactsTable;
        TableColumns.remember(ui, table, "contacts");
        Cells.text(civility, c -> ui.i18n().shortLabel(c.civility()));
        Cells.text(name, Contact::fullName);
        Cells.text(title, Contact::jobTitle);
        Cells.text(email, Contact::email);
        Cells.text(phone, Contact::phone);
        Cells.text(maySign, c -> c.maySign() ? ui.i18n().get("common.yes") : "");
        table.setPlaceholder(new Label(ui.i18n().get("contacts.empty")));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Cells.onOpen(table, c -> edit(table.getScene().getWindow()));
    }

    void show(UUID organisation) {
        this.organisationId = organisation;
        ui.tasks().run(() -> service.contacts(organisation), table.getItems()::setAll, this::showError);
    }

    void clear() {
        organisationId = null;
        table.getItems().clear();
    }

    void add(Window owner) {
        if (organisationId != null) {
            new ContactDialog(ui, service, organisationId, null).showAndWait(owner).ifPresent(c -> show(organisationId));
        }
    }

    void edit(Window owner) {
        Contact selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            new ContactDialog(ui, service, organisationId, selected).showAndWait(owner)
                    .ifPresent(c -> show(organisationId));
        }
    }

    void delete(Window owner) {
        Contact selected = table.getSelectionModel().getSelectedItem();
        if (selected == null || !ui.dialogs().confirm(owner, ui.i18n().get("contacts.delete.title"),
                ui.i18n().format("contacts.delete.message", selected.fullName()), ui.i18n().get("action.delete"))) {
            return;
        }
        ui.tasks().run(() -> {
            service.deleteContact(selected);
            return selected;
        }, c -> show(organisationId), this::showError);
    }

    private void showError(Throwable e) {
        ui.dialogs().error(table.getScene() == null ? null : table.getScene().getWindow(),
                ui.i18n().get("error.title"), ui.errors().describe(e));
    }
}
