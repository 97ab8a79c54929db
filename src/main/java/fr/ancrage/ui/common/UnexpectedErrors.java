package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one rule for errors nobody foresaw (decision 0013): logged with their stack every time,
 * shown once, truthful about what was saved, and never a dialog that reopens by itself.
 *
 * <ul>
 *   <li>The dialog is opened after the failing event, not inside it, and without a nested event
 *   loop ({@code show()}, not {@code showAndWait()}): an error raised again by the same layout or
 *   listener cannot stack dialogs, and the main window can still be closed.</li>
 *   <li>While one is open, or once an error of the same kind and place was shown, the next ones
 *   are only logged.</li>
 *   <li>It says what the application knows, not what it hopes: an error in the display wrote
 *   nothing (every write runs in a background transaction that either commits or rolls back), and
 *   the last write this window confirmed is named with its time.</li>
 * </ul>
 */
public final class UnexpectedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final I18n i18n;
    private final Clock clock;
    private final Set<String> shown = new HashSet<>();
    private Alert open;
    private String lastSave;
    private LocalTime lastSaveTime;
    private int suppressed;

    public UnexpectedErrors(I18n i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
    }

    /** A background write committed: named in a later error's message (« Dernier enregistrement… »). */
    public void saved(String what) {
        lastSave = what;
        lastSaveTime = LocalTime.now(clock).withNano(0);
    }

    /** An error thrown on the FX thread outside any write (a listener, a layout, a callback). */
    public void onFxThread(Supplier<Window> owner, Throwable error) {
        report(owner, error, "error.unexpected.display");
    }

    /** The write committed, then showing its result failed: the record is saved, the screen is not up to date. */
    public void afterSave(Supplier<Window> owner, Throwable error) {
        report(owner, error, "error.unexpected.afterSave");
    }

    private void report(Supplier<Window> owner, Throwable error, String messageKey) {
        LOG.error("Unexpected error ({})", messageKey, error);
        String signature = signature(error);
        if (open != null || !shown.add(signature)) {
            suppressed++;
            LOG.warn("Unexpected error not shown again ({} so far): {}", suppressed, signature);
            return;
        }
        String message = i18n.format(messageKey, String.valueOf(error)) + "\n\n" + (lastSave == null
                ? i18n.get("error.unexpected.noSave")
                : i18n.format("error.unexpected.lastSave", lastSave, TIME.format(lastSaveTime)));
        // after the failing event has unwound: never inside a layout pass or a listener
        Platform.runLater(() -> show(owner.get(), message));
    }

    private void show(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "",
                new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.OK_DONE));
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(i18n.get("error.title"));
        alert.setHeaderText(i18n.get("error.unexpected.header"));
        alert.getDialogPane().setContent(Dialogs.messageLabel(message));
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setMinWidth(560);
        alert.setOnHidden(e -> open = null);
        open = alert;
        alert.show();
    }

    /** The open dialog, if any (tests). */
    public boolean isShowing() {
        return open != null;
    }

    /** The kind and the place: the same defect met again gives the same signature. */
    static String signature(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement place = null;
        for (StackTraceElement e : root.getStackTrace()) {
            if (e.getClassName().startsWith("fr.ancrage.")) {
                place = e;
                break;
            }
        }
        if (place == null && root.getStackTrace().length > 0) {
            place = root.getStackTrace()[0];
        }
        return root.getClass().getName() + " @ " + (place == null ? "?" : place.getClassName() + "." + place.getMethodName());
    }
}
