package fr.ancrage.ui.main;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.domain.BaseIdentityRules;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.service.BaseIdentityService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * « Identité de cette base »: the name the team gives its base (« Délégué du préfet — Besançon
 * Nord »), which every package it makes carries to the other bases, with the base's id (read-only,
 * selectable to be copied) and the day it was created. « Enregistrer » saves in the background and
 * keeps the dialog open on a refusal, the message under the field; Escape and « Annuler » change
 * nothing.
 */
public final class BaseIdentityDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final UiContext ui;
    private final BaseIdentityService identities;

    public BaseIdentityDialog(UiContext ui, BaseIdentityService identities) {
        this.ui = ui;
        this.identities = identities;
    }

    /** Shows the identity as read ({@code current}); {@code saved} receives it once renamed or renewed. */
    public void show(Window owner, BaseIdentity current, Consumer<BaseIdentity> saved) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("baseIdentity.title"));
        dialog.setHeaderText(i18n.get("baseIdentity.header"));
        dialog.getDialogPane().setId("baseIdentityDialog");
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        TextField name = new TextField(current.name());
        name.setId("baseNameField");
        name.setPromptText(i18n.get("baseIdentity.name.prompt"));
        name.setPrefColumnCount(34);
        Cells.limit(name, BaseIdentityRules.NAME_LENGTH, i18n);
        ObjectProperty<List<Issue>> nameIssues = new SimpleObjectProperty<>(List.of());
        // as the user types: the length and the characters; « required » once the field was emptied
        name.textProperty().subscribe(v -> nameIssues.set(Text.isBlank(v) && !name.isFocused() ? List.of()
                : BaseIdentityRules.check(v).getOrDefault(BaseIdentityRules.NAME, List.of())));
        Label nameMessage = new Label();
        nameMessage.setId("baseNameMessage");
        FieldFeedback.bind(name, nameMessage, nameIssues, i18n);
        Label nameHint = new Label(i18n.get("baseIdentity.name.hint"));
        nameHint.getStyleClass().add("hint");
        nameHint.setWrapText(true);
        nameHint.setMaxWidth(460);
        nameHint.setMinHeight(Label.USE_PREF_SIZE);

        // a read-only field rather than a label: the id can be selected and copied
        TextField id = new TextField(current.id().toString());
        id.setId("baseIdField");
        id.setEditable(false);
        id.setPrefColumnCount(34);
        id.getStyleClass().add("read-only-field");
        Label created = new Label(createdAt(current));
        created.setId("baseCreatedAt");

        Label problem = new Label();
        problem.setId("baseIdentityProblem");
        problem.getStyleClass().addAll("field-message", "error");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        Label nameLabel = label("baseIdentity.name", name);
        // level with the field's text, above its message and hint
        GridPane.setValignment(nameLabel, VPos.TOP);
        nameLabel.setPadding(new Insets(5, 0, 0, 0));
        grid.addRow(0, nameLabel, new VBox(2, name, nameMessage, nameHint));
        javafx.scene.control.Button renew = new javafx.scene.control.Button(i18n.get("baseIdentity.renew"));
        renew.setId("renewIdentityButton");
        renew.setMinWidth(javafx.scene.control.Button.USE_PREF_SIZE);
        Label renewHint = new Label(i18n.get("baseIdentity.renew.hint"));
        renewHint.getStyleClass().add("hint");
        renewHint.setWrapText(true);
        renewHint.setMaxWidth(460);
        renewHint.setMinHeight(Label.USE_PREF_SIZE);
        javafx.scene.layout.HBox idRow = new javafx.scene.layout.HBox(8, id, renew);
        idRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label idLabel = label("baseIdentity.id", id);
        GridPane.setValignment(idLabel, VPos.TOP);
        idLabel.setPadding(new Insets(5, 0, 0, 0));
        grid.addRow(1, idLabel, new VBox(2, idRow, renewHint));
        grid.addRow(2, label("baseIdentity.createdAt", created), created);
        dialog.getDialogPane().setContent(new VBox(10, Layouts.keepLabels(grid), problem));
        Dialogs.fitContent(dialog);
        dialog.getDialogPane().setPrefWidth(640); // the header wraps rather than widen the dialog
        Dialogs.focusWhenShown(dialog, name);
        dialog.setOnShown(e -> Dialogs.keepCentred(dialog.getDialogPane().getScene().getWindow(), owner));

        // a message under the field makes the content taller: the window follows, its buttons stay in sight
        // (the dialog pane's own height: the field decorations put it under a pane that does not tell)
        nameIssues.subscribe(list -> javafx.application.Platform.runLater(() -> fr.ancrage.ui.common.Dialogs.fitHeight(dialog)));
        problem.textProperty().subscribe(text -> javafx.application.Platform.runLater(() -> fr.ancrage.ui.common.Dialogs.fitHeight(dialog)));

        renew.setOnAction(event -> {
            if (!ui.dialogs().confirm(dialog.getDialogPane().getScene().getWindow(), i18n.get("baseIdentity.renew.title"),
                    i18n.get("baseIdentity.renew.confirm"), i18n.get("baseIdentity.renew.do"))) {
                renew.requestFocus();
                return;
            }
            problem.setText("");
            renew.setDisable(true);
            ui.tasks().run(identities::renew, stored -> {
                renew.setDisable(false);
                id.setText(stored.id().toString());
                created.setText(createdAt(stored));
                saved.accept(stored);
                renew.requestFocus(); // the keyboard goes on from where it was
            }, error -> {
                renew.setDisable(false);
                problem.setText(ui.errors().describe(error));
            });
        });

        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the name is stored
            problem.setText("");
            List<Issue> found = BaseIdentityRules.check(name.getText()).getOrDefault(BaseIdentityRules.NAME, List.of());
            if (!found.isEmpty()) {
                nameIssues.set(found);
                name.requestFocus();
                return;
            }
            String typed = name.getText();
            saveButton.setDisable(true);
            ui.tasks().run(() -> identities.rename(typed), stored -> {
                dialog.close();
                saved.accept(stored);
            }, error -> {
                saveButton.setDisable(false);
                if (error instanceof ValidationException v) {
                    nameIssues.set(v.issues().getOrDefault(BaseIdentityRules.NAME, List.of()));
                    name.requestFocus();
                } else {
                    problem.setText(ui.errors().describe(error));
                }
            });
        });
        dialog.showAndWait();
    }

    /** « 22/11/2026 à 11:00 », in the zone of the interface's clock. */
    private String createdAt(BaseIdentity identity) {
        ZonedDateTime at = identity.createdAt().atZone(ui.clock().getZone());
        return ui.i18n().format("baseIdentity.createdAt.value", Formats.date(at.toLocalDate()), TIME.format(at));
    }

    private Label label(String key, Node field) {
        Label label = new Label(ui.i18n().get(key));
        label.getStyleClass().add("form-label");
        label.setLabelFor(field);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
