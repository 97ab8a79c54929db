package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** Standard confirmations and messages, with French buttons. */
public final class Dialogs {

    private final I18n i18n;
    private final UnexpectedErrors unexpected;

    public Dialogs(I18n i18n) {
        this.i18n = i18n;
        this.unexpected = new UnexpectedErrors(i18n, java.time.Clock.systemDefaultZone());
    }

    /** Where errors nobody foresaw go: logged, shown once, never in a loop. */
    public UnexpectedErrors unexpected() {
        return unexpected;
    }

    public boolean confirm(Window owner, String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yes, no);
        prepare(alert, owner, title, message);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    public void error(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "",
                new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.OK_DONE));
        prepare(alert, owner, title, message);
        alert.showAndWait();
    }

    public void info(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "",
                new ButtonType(i18n.get("action.ok"), ButtonBar.ButtonData.OK_DONE));
        prepare(alert, owner, title, message);
        alert.showAndWait();
    }

    /**
     * Asks among several choices, one button each; empty when the dialog is closed (Escape). The
     * button {@code safeIndex} is the default one, so Enter never picks a riskier choice.
     */
    public Optional<Integer> chooseAmong(Window owner, String title, String message, List<String> choices,
                                         int safeIndex) {
        List<ButtonType> types = new java.util.ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            types.add(new ButtonType(choices.get(i), i == safeIndex ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : ButtonBar.ButtonData.OTHER));
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, "", types.toArray(ButtonType[]::new));
        prepare(alert, owner, title, message);
        alert.getDialogPane().setMinWidth(660);
        for (int i = 0; i < types.size(); i++) {
            javafx.scene.control.Button button = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(types.get(i));
            button.setDefaultButton(i == safeIndex);
            // each button as wide as its own text: a uniform width cut « Restaurer une sauvegarde… »
            ButtonBar.setButtonUniformSize(button, false);
        }
        return alert.showAndWait().map(types::indexOf).filter(i -> i >= 0);
    }

    private void prepare(Alert alert, Window owner, String title, String message) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(messageLabel(message));
        alert.getDialogPane().setMinWidth(560);
        // as tall as the message needs: a list of names was cut at « existent déjà :… » (issue 15)
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.setOnShown(e -> javafx.application.Platform.runLater(
                () -> centerOn(alert.getDialogPane().getScene().getWindow(), owner)));
    }

    /** A question's text, wrapped at a readable width and never cut short in height. */
    static Label messageLabel(String message) {
        Label content = new Label(message);
        content.getStyleClass().add("dialog-message");
        content.setWrapText(true);
        content.setMaxWidth(520);
        content.setPrefWidth(520);
        content.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return content;
    }

    /**
     * Puts the keyboard in {@code node} once the dialog is on screen. Not in the shown handler itself:
     * the field decorations (ControlsFX) put the dialog's content under a pane of their own as it
     * shows, which takes the focus away again, and the first keys typed would be lost.
     */
    /**
     * Lets a dialog take the size its content asks for: its window otherwise takes the width of its
     * header text and may cut off a table and the dialog's own buttons.
     */
    public static void fitContent(javafx.scene.control.Dialog<?> dialog) {
        dialog.setResizable(true);
        dialog.getDialogPane().setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE,
                javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /**
     * A large dialog (an import's preview, a history) at {@code width} × {@code height}, or as much of
     * its owner's screen as it can have: its window otherwise takes the size of what it shows first
     * (a progress line) and cuts off what comes after, buttons included. Call before showing.
     */
    public static void sizeLarge(javafx.scene.control.Dialog<?> dialog, double width, double height) {
        dialog.setResizable(true);
        dialog.getDialogPane().setPrefSize(width, height);
        dialog.getDialogPane().setMinSize(Math.min(width, 640), Math.min(height, 420));
        dialog.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            Window owner = dialog.getOwner();
            var bounds = Layouts.screenOf(owner).getVisualBounds();
            // the window's frame is not measured yet when it is shown: room for a title bar is left
            dialog.setWidth(Math.min(width + 8, bounds.getWidth()));
            dialog.setHeight(Math.min(height + 36, bounds.getHeight()));
            centerOn(window, owner);
        });
    }

    /**
     * The dialog's window as tall as its content now asks (a message, a progress line or a result
     * appeared): its buttons stay in sight. Nothing before the dialog is shown.
     */
    public static void fitHeight(javafx.scene.control.Dialog<?> dialog) {
        var pane = dialog.getDialogPane();
        Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        pane.applyCss();
        pane.layout();
        double wanted = pane.prefHeight(pane.getWidth()) + window.getHeight() - pane.getScene().getHeight();
        if (Math.abs(window.getHeight() - wanted) > 1) {
            window.setHeight(wanted);
        }
    }

    public static void focusWhenShown(javafx.scene.control.Dialog<?> dialog, javafx.scene.Node node) {
        dialog.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN,
                e -> javafx.application.Platform.runLater(node::requestFocus));
    }

    /**
     * Centres a dialog on its owner once shown, and again if the window manager then puts it even
     * partly off its owner (seen under Xvfb at 1024×700: the question half off the screen's left
     * edge, its first button cut). Call from the dialog's shown handler.
     */
    public static void keepCentred(Window dialog, Window owner) {
        if (owner == null || dialog == null) {
            return;
        }
        javafx.application.Platform.runLater(() -> centerOn(dialog, owner));
        javafx.beans.InvalidationListener check = o -> {
            boolean outside = dialog.getX() < owner.getX() || dialog.getY() < owner.getY()
                    || dialog.getX() + dialog.getWidth() > owner.getX() + owner.getWidth() + 1;
            if (outside && dialog.isShowing() && dialog.getWidth() <= owner.getWidth()) {
                javafx.application.Platform.runLater(() -> centerOn(dialog, owner));
            }
        };
        dialog.xProperty().addListener(check);
        dialog.widthProperty().addListener(check);
    }

    /** Centres a dialog on its owner: some desktops (or none, under Xvfb) would leave it in a corner. */
    public static void centerOn(Window dialog, Window owner) {
        if (owner == null || dialog == null) {
            return;
        }
        dialog.setX(owner.getX() + Math.max(0, (owner.getWidth() - dialog.getWidth()) / 2));
        dialog.setY(owner.getY() + Math.max(0, (owner.getHeight() - dialog.getHeight()) / 3));
    }
}
