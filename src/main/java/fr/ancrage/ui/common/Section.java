package fr.ancrage.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A working section of the main window, reached from the navigation sidebar. */
public interface Section {

    /** Stable identifier, also the bundle key prefix: {@code nav.<id>}. */
    String id();

    Ikon icon();

    Node root();

    /** Called each time the user comes to the section: reloads what may have changed elsewhere. */
    void activate();

    /** True when the section's form holds changes not saved yet (asked before the window closes). */
    default boolean hasUnsavedChanges() {
        return false;
    }

    /** What Ctrl+N, Ctrl+S and Ctrl+F reach in the section; none by default. */
    default SectionShortcuts shortcuts() {
        return SectionShortcuts.NONE;
    }
}
