package fr.ancrage.ui.imports;

import fr.ancrage.i18n.I18n;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;

import java.util.function.Function;

/** What the import windows share: their labels and their columns of wrapped text. */
final class ImportDialogs {

    private ImportDialogs() {
    }

    /**
     * Sets up an import window: its title, its id, « Fermer » (Escape, the cancel button; its
     * {@code closeId}), and a close refused while {@code writing} (written whole or not at all: its
     * end is shown in the window), {@code onClose} run otherwise. Returns « Fermer ».
     */
    static javafx.scene.control.Button prepare(javafx.scene.control.Dialog<?> dialog, I18n i18n,
                                               javafx.stage.Window owner, String titleKey, String id, String closeId,
                                               java.util.function.BooleanSupplier writing, Runnable onClose) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get(titleKey));
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.CLOSE);
        var close = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CLOSE);
        close.setText(i18n.get("import.sheet.close"));
        close.setId(closeId);
        close.setDefaultButton(false);
        close.setCancelButton(true);
        dialog.setOnCloseRequest(e -> {
            if (writing.getAsBoolean()) {
                e.consume();
            } else {
                onClose.run();
            }
        });
        return close;
    }

    /** A label that wraps and shows all its lines. */
    static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    /** A column of text that wraps to its width, the row growing to show it whole. */
    static <S> TableColumn<S, String> column(I18n i18n, String key, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(l -> new ReadOnlyStringWrapper(value.apply(l.getValue())));
        c.setPrefWidth(width);
        SheetImportDialog.wrapping(c);
        return c;
    }
}
