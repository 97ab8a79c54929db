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
