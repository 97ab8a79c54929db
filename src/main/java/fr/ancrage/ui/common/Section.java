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

    /** Ctrl+N: starts a new record in the section; false when the section has none to start. */
    default boolean newRecord() {
        return false;
    }

    /** Ctrl+S: saves the record being edited; false when there is nothing to save. */
    default boolean save() {
        return false;
    }

    /** Ctrl+F: puts the focus in the section's search field; false when it has none. */
    default boolean focusSearch() {
        return false;
    }
}
