package fr.ancrage.ui.imports;

import fr.ancrage.i18n.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.Optional;

/**
 * « Importer… » (issue 18): the one place where everything that comes into the base from a file
 * starts: a team's spreadsheet of organisations, the official QPV list, a newer release of the
 * administrative divisions, a package from another
 * base. Each choice says what it takes.
 */
public final class ImportChoiceDialog {

    /** What can be imported. */
    public enum Choice { ORGANISATIONS, QPV_LIST, REFERENCE, PACKAGE }

    private final I18n i18n;

    public ImportChoiceDialog(I18n i18n) {
        this.i18n = i18n;
    }

    public Optional<Choice> show(Window owner) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("import.choice.title"));
        dialog.getDialogPane().setId("importChoiceDialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("action.cancel"));
        Label header = new Label(i18n.get("import.choice.header"));
        header.getStyleClass().add("conflict-title");
        VBox box = new VBox(14, header);
        for (Choice c : Choice.values()) {
            box.getChildren().add(choice(dialog, c));
        }
        box.setPadding(new Insets(4, 4, 4, 4));
        box.setFillWidth(true);
        box.setPrefWidth(560);
        dialog.getDialogPane().setContent(box);
        dialog.setResultConverter(b -> null);
        fr.ancrage.ui.common.Dialogs.sizeLarge(dialog, 620, 440);
        fr.ancrage.ui.common.Dialogs.focusWhenShown(dialog, ((VBox) box.getChildren().get(1)).getChildren().getFirst());
        return dialog.showAndWait();
    }

    /** A choice: a button with its name, the line saying what it takes under it. */
    private VBox choice(Dialog<Choice> dialog, Choice c) {
        String key = "import.choice." + c.name();
        FontIcon icon = new FontIcon(icon(c));
        icon.setIconSize(20);
        Button button = new Button(i18n.get(key), icon);
        button.setId("importChoice-" + c.name());
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setGraphicTextGap(10);
        button.setStyle("-fx-font-weight: bold;");
        button.setAccessibleText(i18n.get(key) + ". " + i18n.get(key + ".hint"));
        button.setOnAction(e -> {
            dialog.setResult(c);
            dialog.close();
        });
        Label hint = new Label(i18n.get(key + ".hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setPadding(new Insets(0, 0, 0, 12));
        hint.setLabelFor(button);
        return new VBox(4, button, hint);
    }

    private static Ikon icon(Choice c) {
        return switch (c) {
            case ORGANISATIONS -> MaterialDesignF.FILE_TABLE_OUTLINE;
            case QPV_LIST -> MaterialDesignM.MAP_MARKER_RADIUS;
            case REFERENCE -> MaterialDesignM.MAP_OUTLINE;
            case PACKAGE -> MaterialDesignP.PACKAGE_VARIANT_CLOSED;
        };
    }
}
