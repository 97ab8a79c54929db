package fr.ancrage.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a list-and-detail section needs around its form: the owner window, error dialogs, the
 * question before unsaved changes are dropped, and a selection that stays put when the user
 * chooses to keep editing.
 */
public final class DetailSupport {

    private final UiContext ui;
    private final Supplier<Node> root;
    private final ObservableBooleanValue dirty;
    private boolean reverting;

    public DetailSupport(UiContext ui, Supplier<Node> root, ObservableBooleanValue dirty) {
        this.ui = ui;
        this.root = root;
        this.dirty = dirty;
    }

    public Window window() {
        Node node = root.get();
        return node == null || node.getScene() == null ? null : node.getScene().getWindow();
    }

    public void showError(Throwable error) {
        ui.dialogs().error(window(), ui.i18n().get("error.title"), ui.errors().describe(error));
    }

    /** True when there is nothing unsaved, or when the user agrees to drop it. */
    public boolean mayLeaveForm() {
        return !dirty.get() || ui.dialogs().confirm(window(), ui.i18n().get("form.discard.title"),
                ui.i18n().get("form.discard.message"), ui.i18n().get("form.discard.confirm"));
    }

    /**
     * Calls {@code onSelected(old, now)} when the table's selection changes, unless the form has
     * unsaved changes the user wants to keep: then the previous row is selected again.
     */
    public <T> void followSelection(TableView<T> table, BiConsumer<T, T> onSelected) {
        table.getSelectionModel().selectedItemProperty().subscribe((old, now) -> {
            if (reverting) {
                return;
            }
            if (old != null && !mayLeaveForm()) {
                reverting = true;
                Platform.runLater(() -> {
                    table.getSelectionModel().select(old);
                    reverting = false;
                });
                return;
            }
            onSelected.accept(old, now);
        });
    }
}
