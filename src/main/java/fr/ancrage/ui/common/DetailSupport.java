package fr.ancrage.ui.common;

import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
            if (now == null) {
                // the selection was lost, not moved (a reload of the list, a filter): a form being
                // edited stays as it is, without a question
                if (!dirty.get()) {
                    onSelected.accept(old, null);
                }
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

    /**
     * Saves in the background. When the store refuses the record, the issues go next to the fields
     * ({@code showAtFields} places those it has a field for and returns the others), the first field
     * gets the focus, and what has no field is said in a dialog.
     */
    public <T> void save(Callable<T> work, Consumer<T> onSaved,
                         UnaryOperator<Map<String, List<Issue>>> showAtFields, Consumer<String> focus) {
        save(work, saved -> ui.i18n().get("error.unexpected.aRecord"), onSaved, showAtFields, focus);
    }

    /**
     * The same, naming what was saved ({@code name}) should an unexpected error follow: the user
     * then reads which record is safely stored.
     */
    public <T> void save(Callable<T> work, java.util.function.Function<T, String> name, Consumer<T> onSaved,
                         UnaryOperator<Map<String, List<Issue>>> showAtFields, Consumer<String> focus) {
        ui.tasks().run(work, saved -> {
            ui.dialogs().unexpected().saved(name.apply(saved));
            try {
                onSaved.accept(saved);
            } catch (RuntimeException error) {
                // the transaction committed: say so, whatever failed on screen afterwards
                ui.dialogs().unexpected().afterSave(this::window, error);
            }
        }, error -> {
            if (error instanceof ValidationException v) {
                Map<String, List<Issue>> rest = showAtFields.apply(v.issues());
                v.issues().keySet().stream().filter(f -> !rest.containsKey(f)).findFirst().ifPresent(focus);
                if (!rest.isEmpty()) {
                    showError(new ValidationException(rest));
                }
            } else {
                showError(error);
            }
        });
    }

    /**
     * Asks the store first whether it would refuse ({@code refusal}, read in the background): a
     * refused deletion is said with its reason and never asked first (issue 15). Otherwise as
     * {@link #delete(String, String, Runnable, Runnable)}.
     */
    public void delete(String title, String message, Callable<? extends java.util.Optional<? extends RuntimeException>> refusal,
                       Runnable work, Runnable onDeleted) {
        ui.tasks().run(refusal, refused -> {
            if (refused.isPresent()) {
                ui.dialogs().error(window(), ui.i18n().get("delete.refused.title"), ui.errors().describe(refused.get()));
            } else {
                delete(title, message, work, onDeleted);
            }
        }, this::showError);
    }

    /** Asks for confirmation, then deletes in the background and calls {@code onDeleted}. */
    public void delete(String title, String message, Runnable work, Runnable onDeleted) {
        if (!ui.dialogs().confirm(window(), title, message, ui.i18n().get("action.delete"))) {
            return;
        }
        ui.tasks().run(() -> {
            work.run();
            return Boolean.TRUE;
        }, done -> onDeleted.run(), this::showError);
    }
}
