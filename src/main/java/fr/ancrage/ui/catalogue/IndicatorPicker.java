package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.Indicator;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** Chooses, among the category's indicators, one the action type's form does not ask for yet. */
final class IndicatorPicker {

    private final UiContext ui;

    IndicatorPicker(UiContext ui) {
        this.ui = ui;
    }

    Optional<Indicator> choose(Window owner, List<Indicator> choices) {
        var i18n = ui.i18n();
        Dialog<Indicator> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("catalogue.indicator.addExisting.title"));
        dialog.setHeaderText(dialog.getTitle());
        ButtonType add = new ButtonType(i18n.get("catalogue.indicator.addExisting.confirm"),
                ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ListView<Indicator> list = new ListView<>();
        list.setId("indicator-choices");
        list.getItems().setAll(choices);
        list.setPrefHeight(Math.min(10, Math.max(3, choices.size())) * 38.0 + 6);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Indicator item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " (" + i18n.label(item.unit()) + ")");
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        if (!choices.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        Label hint = new Label(i18n.get("catalogue.indicator.addExisting.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, hint, list));
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().lookupButton(add).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        Dialogs.focusWhenShown(dialog, list);
        dialog.setOnShown(e -> {
            Platform.runLater(() -> Dialogs.centerOn(
                    dialog.getDialogPane().getScene().getWindow(), owner));
        });
        dialog.setResultConverter(button -> button == add ? list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait();
    }
}
