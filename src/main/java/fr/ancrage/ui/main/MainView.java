package fr.ancrage.ui.main;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.ui.common.Section;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableBooleanValue;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: a navigation sidebar on the left, the current section in the middle, a status
 * bar with the name of the base (a link to « Identité de cette base », or an invitation to name it
 * while it has none), the data folder and a progress indicator while background work runs. Sections are
 * reached with the mouse or with Ctrl+1, Ctrl+2…; « À propos » at the bottom of the sidebar, or F1;
 * Ctrl+N, Ctrl+S and Ctrl+F act in the section shown.
 */
public final class MainView {

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final I18n i18n;
    private final Map<String, Label> badges = new LinkedHashMap<>();
    private Consumer<String> onShown = id -> { };
    private final VBox sidebar = new VBox();
    private Runnable onAbout = () -> { };
    private Runnable onBaseIdentity = () -> { };
    private final Hyperlink baseLink = new Hyperlink();
    private Section current;

    public MainView(I18n i18n, List<Section> sectionList, Path dataDirectory, ObservableBooleanValue busy) {
        this.i18n = i18n;
        root.getStyleClass().add("main-window");
        sidebar.getStyleClass().add("sidebar");
        Label brand = new Label(i18n.get("app.name"), new FontIcon(MaterialDesignA.ANCHOR));
        brand.getStyleClass().add("brand");
        sidebar.getChildren().add(brand);
        int index = 1;
        for (Section section : sectionList) {
            sections.put(section.id(), section);
            ToggleButton button = new ToggleButton(i18n.get("nav." + section.id()), new FontIcon(section.icon()));
            button.getStyleClass().add("nav-button");
            button.setId("nav-" + section.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setToggleGroup(navigation);
            button.setTooltip(new Tooltip(i18n.get("nav." + section.id()) + " (Ctrl+" + index + ")"));
            buttons.put(section.id(), button);
            Label badge = new Label();
            badge.setId("badge-" + section.id());
            badge.getStyleClass().add("nav-badge");
            badge.setMouseTransparent(true);
            badge.setVisible(false);
            badges.put(section.id(), badge);
            StackPane slot = new StackPane(button, badge);
            StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
            sidebar.getChildren().add(slot);
            final String id = section.id();
            final KeyCode digit = KeyCode.getKeyCode(String.valueOf(index));
            root.sceneProperty().subscribe(scene -> {
                if (scene != null && digit != null) {
                    scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                            () -> show(id));
                }
            });
            index++;
        }
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // one section is always shown
            }
        });
        buttons.forEach((id, button) -> button.setOnAction(e -> show(id)));
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button about = new Button(i18n.get("about.button"), new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        about.setId("aboutButton");
        about.getStyleClass().add("nav-button");
        about.setMaxWidth(Double.MAX_VALUE);
        about.setAlignment(Pos.CENTER_LEFT);
        about.setTooltip(new Tooltip(i18n.get("about.tooltip")));
        about.setOnAction(e -> onAbout.run());
        sidebar.getChildren().addAll(spacer, about);
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> onAbout.run());
                installShortcuts(scene);
            }
        });
        Keys.installEverywhere();

        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("status-progress");
        progress.visibleProperty().bind(busy);
        Label working = new Label(i18n.get("status.working"));
        working.visibleProperty().bind(busy);
        Label folder = new Label(i18n.format("status.dataFolder", dataDirectory.toString()));
        folder.getStyleClass().add("status-folder");
        folder.setMinWidth(0); // a long name of the base keeps its room; the folder is also in « À propos »
        // hidden until the identity is read (showBaseIdentity)
        baseLink.setId("baseIdentityStatus");
        baseLink.getStyleClass().add("status-base");
        baseLink.setTextOverrun(OverrunStyle.ELLIPSIS);
        baseLink.setMaxWidth(480);
        baseLink.setMinWidth(120);
        baseLink.setVisible(false);
        baseLink.setManaged(false);
        baseLink.setOnAction(e -> {
            baseLink.setVisited(false);
            onBaseIdentity.run();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(8, baseLink, folder, gap, working, progress);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-bar");

        content.getStyleClass().add("content");
        root.setLeft(sidebar);
        root.setCenter(content);
        root.setBottom(status);
    }

    /** The names of the sections whose form holds unsaved changes, in the sidebar's order. */
    public java.util.List<String> sectionsWithUnsavedChanges() {
        return sections.values().stream().filter(Section::hasUnsavedChanges)
                .map(s -> i18n.get("nav." + s.id())).toList();
    }

    /**
     * Ctrl+N, Ctrl+S and Ctrl+F go to the section shown ({@link Section#shortcuts}); the keys of
     * {@link Keys} work in every window.
     */
    private void installShortcuts(javafx.scene.Scene scene) {
        Keys.install(scene);
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (current != null) {
                current.shortcuts().newRecord();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (current != null) {
                Keys.commitFocusedEditor(scene); // a date just typed is saved too
                current.shortcuts().save();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (current != null) {
                current.shortcuts().focusSearch();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    /**
     * Adds a button under the sections, at the bottom of the sidebar, for what is not a section
     * (« Sauvegardes… », « À propos »); {@code shortcut}, when given, also triggers it.
     */
    public Button addSidebarAction(String id, String text, org.kordamp.ikonli.Ikon icon, KeyCombination shortcut,
                                   Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setOnAction(e -> action.run());
        if (shortcut != null) {
            button.setTooltip(new Tooltip(text + " (" + shortcut.getDisplayText() + ")"));
            root.sceneProperty().subscribe(scene -> {
                if (scene != null) {
                    scene.getAccelerators().put(shortcut, action);
                }
            });
        } else {
            button.setTooltip(new Tooltip(text));
        }
        // above « À propos », the last button of the sidebar
        sidebar.getChildren().add(sidebar.getChildren().size() - 1, button);
        return button;
    }

    public void show(String sectionId) {
        Section section = sections.get(sectionId);
        if (section == null) {
            return;
        }
        buttons.get(sectionId).setSelected(true);
        current = section;
        content.getChildren().setAll(section.root());
        section.activate();
        onShown.accept(sectionId);
    }

    /** Called by the « À propos » button at the bottom of the sidebar and by F1. */
    public void setOnAbout(Runnable listener) {
        this.onAbout = listener;
    }

    /**
     * Shows the base's name in the status bar (« Base : Délégué du préfet — Besançon Nord »), or,
     * while it has none, an invitation to name it.
     */
    public void showBaseIdentity(BaseIdentity identity) {
        String text = identity.named() ? i18n.format("status.base", identity.name()) : i18n.get("status.base.unnamed");
        baseLink.setText(text);
        baseLink.setAccessibleText(text);
        baseLink.setTooltip(new Tooltip(text + "\n" + i18n.get("status.base.tooltip")));
        baseLink.getStyleClass().remove("status-base-unnamed");
        if (!identity.named()) {
            baseLink.getStyleClass().add("status-base-unnamed");
        }
        baseLink.setVisible(true);
        baseLink.setManaged(true);
    }

    /** The text of the base's name in the status bar, empty until read (for tests). */
    public String baseIdentityText() {
        return baseLink.isVisible() ? baseLink.getText() : "";
    }

    /** Called when the user clicks the base's name in the status bar. */
    public void setOnBaseIdentity(Runnable listener) {
        this.onBaseIdentity = listener;
    }

    /** Called with the section's id each time a section is shown. */
    public void setOnSectionShown(Consumer<String> listener) {
        this.onShown = listener;
    }

    /**
     * Shows {@code count} on the section's navigation button (nothing when zero), with
     * {@code description} as its tooltip and accessible text.
     */
    public void setBadge(String sectionId, int count, String description) {
        Label badge = badges.get(sectionId);
        if (badge == null) {
            return;
        }
        badge.setText(count > 99 ? "99+" : String.valueOf(count));
        badge.setVisible(count > 0);
        ToggleButton button = buttons.get(sectionId);
        String name = button.getText();
        button.setAccessibleText(count > 0 ? name + " — " + description : name);
        button.getTooltip().setText(count > 0 ? name + " — " + description + " (Ctrl+" + shortcut(sectionId) + ")"
                : name + " (Ctrl+" + shortcut(sectionId) + ")");
    }

    private int shortcut(String sectionId) {
        return List.copyOf(buttons.keySet()).indexOf(sectionId) + 1;
    }

    /** The number on a section's badge, empty when hidden (for tests). */
    public String badge(String sectionId) {
        Label badge = badges.get(sectionId);
        return badge == null || !badge.isVisible() ? "" : badge.getText();
    }

    public Section section(String id) {
        return sections.get(id);
    }
}
