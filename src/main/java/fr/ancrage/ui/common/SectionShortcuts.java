package fr.ancrage.ui.common;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;

import java.util.List;

/**
 * What Ctrl+N, Ctrl+S and Ctrl+F reach in a section: its « Nouveau… » button, its « Enregistrer »
 * button and its search fields (the first one shown takes the keyboard). A missing one is
 * {@code null} (or no field): the key then does nothing there.
 */
public record SectionShortcuts(ButtonBase newButton, ButtonBase saveButton, List<TextField> search) {

    public static final SectionShortcuts NONE = new SectionShortcuts(null, null, List.of());

    public SectionShortcuts {
        search = List.copyOf(search);
    }

    public static SectionShortcuts of(ButtonBase newButton, ButtonBase saveButton, TextField... search) {
        return new SectionShortcuts(newButton, saveButton, List.of(search));
    }

    /** Ctrl+N: false when the section has nothing to start. */
    public boolean newRecord() {
        return Keys.press(newButton);
    }

    /** Ctrl+S: false when there is nothing to save. */
    public boolean save() {
        return Keys.press(saveButton);
    }

    /** Ctrl+F: false when no search field is shown. */
    public boolean focusSearch() {
        return search.stream().anyMatch(Keys::focus);
    }
}
