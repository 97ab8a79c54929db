package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.TraversalDirection;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckListView;

import java.time.format.DateTimeParseException;

/**
 * Keyboard behaviour shared by every screen and dialog (see docs/guide/clavier.md):
 * <ul>
 * <li>Tab and Maj+Tab leave a multi-line text (no tab character is typed in notes);</li>
 * <li>Entrée on a check box, or in a date field (once the typed date is taken), presses the
 * window's default button (« Enregistrer ») instead of ticking the box;</li>
 * <li>Ctrl+Tab / Ctrl+Page suivante and Ctrl+Maj+Tab / Ctrl+Page précédente switch the tabs of the
 * tab pane around the focus.</li>
 * </ul>
 * {@link #installEverywhere()} puts them on the main window and on every dialog; the other methods
 * wire one control.
 */
public final class Keys {

    private static final KeyCodeCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);
    private static final KeyCodeCombination ESCAPE = new KeyCodeCombination(KeyCode.ESCAPE);
    private static final String INSTALLED = Keys.class.getName();
    private static boolean watchingWindows;

    private Keys() {
    }

    /** Installs {@link #install(Scene)} on every window shown from now on (main window and dialogs). */
    public static void installEverywhere() {
        if (watchingWindows) {
            return;
        }
        watchingWindows = true;
        Window.getWindows().forEach(Keys::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(Keys::watch);
            }
        });
    }

    private static void watch(Window window) {
        if (window instanceof Stage) {
            window.sceneProperty().subscribe(scene -> {
                if (scene != null) {
                    install(scene);
                }
            });
        }
    }

    /** The shared keys on one window's scene (once, however often called). */
    public static void install(Scene scene) {
        if (scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKeyPressed(scene, e));
        // the field that takes the keyboard comes into sight: at 1024×700 a form scrolls, and Tab
        // would otherwise type into a field below the fold (issue 15)
        scene.focusOwnerProperty().subscribe(Keys::reveal);
    }

    private static void reveal(Node owner) {
        for (Node n = owner == null ? null : owner.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                Layouts.reveal(scroll, owner);
                return;
            }
        }
    }

    private static void onKeyPressed(Scene scene, KeyEvent e) {
        Node owner = scene.getFocusOwner();
        if (owner == null) {
            return;
        }
        KeyCode code = e.getCode();
        boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
        if (code == KeyCode.TAB && plain && owner instanceof TextArea area) {
            e.consume();
            area.requestFocusTraversal(e.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
        } else if (code == KeyCode.ESCAPE && plain && owner instanceof javafx.scene.control.TextInputControl field
                && field.getTextFormatter() != null && field.getTextFormatter().getValueConverter() == null
                && scene.getAccelerators().get(ESCAPE) != null) {
            // a field with a length limit (a formatter without value) would take Escape for itself,
            // to cancel an edit it has not: the dialog's « Annuler » gets it, as in every other field
            e.consume();
            scene.getAccelerators().get(ESCAPE).run();
        } else if (code == KeyCode.ENTER && plain && !e.isShiftDown()) {
            DatePicker picker = ancestor(owner, DatePicker.class);
            if (owner instanceof CheckBox && fireDefault(scene, true)) {
                e.consume();
            } else if (picker != null && !picker.isShowing() && fireDefault(scene, false)) {
                e.consume();
                commit(picker);
                fireDefault(scene, true);
            }
        } else if (e.isShortcutDown() && !e.isAltDown()
                && (code == KeyCode.TAB || code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP)) {
            TabPane tabs = ancestor(owner, TabPane.class);
            if (tabs == null) { // from the list beside the form: the form's tabs, when one tab pane is shown
                var shown = scene.getRoot().lookupAll(".tab-pane").stream().filter(Keys::shown).toList();
                tabs = shown.size() == 1 && shown.getFirst() instanceof TabPane only ? only : null;
            }
            if (tabs != null && tabs.getTabs().size() > 1) {
                e.consume();
                boolean back = code == KeyCode.PAGE_UP || (code == KeyCode.TAB && e.isShiftDown());
                switchTab(tabs, back ? -1 : 1);
            }
        }
    }

    /** Runs the default button of the scene, if there is one (and {@code run}); true when there is. */
    private static boolean fireDefault(Scene scene, boolean run) {
        Runnable action = scene.getAccelerators().get(ENTER);
        if (action != null && run) {
            action.run();
        }
        return action != null;
    }

    /** Selects the next ({@code step} 1) or previous (-1) enabled tab, round, and puts the focus on the headers. */
    public static void switchTab(TabPane tabs, int step) {
        int size = tabs.getTabs().size();
        int index = tabs.getSelectionModel().getSelectedIndex();
        for (int i = 1; i < size; i++) {
            int next = Math.floorMod(index + step * i, size);
            if (!tabs.getTabs().get(next).isDisable()) {
                tabs.getSelectionModel().select(next);
                break;
            }
        }
        tabs.requestFocus();
    }

    /**
     * Takes the text typed in the focused date field, as leaving it would: a save by shortcut then
     * sees the date just typed. An unreadable text is left to the field's converter, which reports it.
     */
    public static void commitFocusedEditor(Scene scene) {
        Node owner = scene == null ? null : scene.getFocusOwner();
        DatePicker picker = owner == null ? null : ancestor(owner, DatePicker.class);
        if (picker != null) {
            commit(picker);
        }
    }

    private static void commit(DatePicker picker) {
        String text = picker.getEditor().getText();
        String shown = picker.getConverter().toString(picker.getValue());
        if (text == null || text.equals(shown)) {
            return; // nothing typed: the same date, not a new one
        }
        try {
            picker.commitValue();
        } catch (DateTimeParseException unreadable) {
            // the converter has told the form, which shows the message and refuses to save
        }
    }

    private static <T> T ancestor(Node node, Class<T> type) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return type.cast(n);
            }
        }
        return null;
    }

    /** Flèche bas in a search field goes to the list and selects its first row when none is. */
    public static void downEntersList(TextField search, Control list) {
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.DOWN || e.isControlDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            if (list instanceof TableView<?> table && !table.getItems().isEmpty()) {
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
            } else if (list instanceof ListView<?> view && !view.getItems().isEmpty()) {
                if (view.getSelectionModel().isEmpty()) {
                    view.getSelectionModel().selectFirst();
                }
                view.getFocusModel().focus(view.getSelectionModel().getSelectedIndex());
            } else if (list instanceof TreeView<?> tree && tree.getExpandedItemCount() > 0) {
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().selectFirst();
                }
            } else {
                return;
            }
            e.consume();
            list.requestFocus();
        });
    }

    /** Espace ticks or unticks the focused line of a check list (its boxes take no focus of their own). */
    public static <T> void spaceToggles(CheckListView<T> list) {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.SPACE || e.isControlDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            int index = list.getFocusModel().getFocusedIndex();
            if (index < 0 || index >= list.getItems().size()) {
                return;
            }
            e.consume();
            if (list.getCheckModel().isChecked(index)) {
                list.getCheckModel().clearCheck(index);
            } else {
                list.getCheckModel().check(index);
            }
        });
    }

    /**
     * When one of {@code buttons} is disabled while it has the focus (« Annuler » and « Enregistrer »
     * once the form is clean), the focus goes to {@code target} rather than to the first control of
     * the window (the sidebar).
     */
    public static void keepFocusNear(Node target, ButtonBase... buttons) {
        for (ButtonBase button : buttons) {
            button.disabledProperty().subscribe(disabled -> {
                if (disabled && button.isFocused() && target.isVisible() && !target.isDisabled()) {
                    target.requestFocus();
                }
            });
        }
    }

    /** « Nouvelle convention (Ctrl+N) »: the control's text and its shortcut, as tooltip. */
    public static void hint(ButtonBase button, I18n i18n, String shortcutKey) {
        button.setTooltip(new Tooltip(i18n.format("keys.withShortcut", button.getText(), i18n.get(shortcutKey))));
    }

    /** The search field's tooltip: its prompt, Ctrl+F, and Flèche bas to the list. */
    public static void searchHint(TextField search, I18n i18n) {
        search.setTooltip(new Tooltip(i18n.format("keys.search.tooltip", search.getPromptText())));
    }

    /**
     * The keys of a list-and-form screen: Flèche bas from {@code search} into {@code list}, the
     * shortcuts in the tooltips of {@code search}, {@code newButton} and {@code save}, and the focus
     * kept on the list when « Enregistrer » or « Annuler » is disabled under it.
     */
    public static void listAndForm(I18n i18n, TextField search, Control list, ButtonBase newButton,
                                   ButtonBase save, ButtonBase cancel) {
        if (search != null) {
            downEntersList(search, list);
            searchHint(search, i18n);
        }
        if (newButton != null) {
            hint(newButton, i18n, "keys.new");
        }
        if (save != null) {
            hint(save, i18n, "keys.save");
        }
        keepFocusNear(list, java.util.stream.Stream.of(save, cancel).filter(java.util.Objects::nonNull)
                .toArray(ButtonBase[]::new));
    }

    /** Fires {@code button} as a click would, if it is shown and enabled; true when it was. */
    public static boolean press(ButtonBase button) {
        if (button == null || button.isDisabled() || !shown(button)) {
            return false;
        }
        button.fire();
        return true;
    }

    /** Puts the focus in {@code field}, its text selected, if it is shown and enabled; true when it was. */
    public static boolean focus(TextField field) {
        if (field == null || field.isDisabled() || !shown(field)) {
            return false;
        }
        field.requestFocus();
        field.selectAll();
        return true;
    }

    private static boolean shown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
