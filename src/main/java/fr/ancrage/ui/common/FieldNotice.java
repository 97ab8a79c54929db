package fr.ancrage.ui.common;

import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * A short note under a field about what it did with the user's input (a text left out because too
 * long, a letter in a number field). It goes away by itself after a few seconds or when the field
 * loses the keyboard; it never blocks typing.
 */
public final class FieldNotice {

    private static final String KEY = FieldNotice.class.getName();
    private static final Duration SHOWN = Duration.seconds(6);

    private FieldNotice() {
    }

    public static void show(TextInputControl field, String message) {
        Tooltip notice = (Tooltip) field.getProperties().computeIfAbsent(KEY, k -> create(field));
        notice.setText(message);
        Bounds b = field.localToScreen(field.getBoundsInLocal());
        if (b == null || field.getScene() == null || field.getScene().getWindow() == null) {
            return; // not on screen: nothing to show it under
        }
        notice.show(field, b.getMinX(), b.getMaxY() + 2);
        PauseTransition hide = new PauseTransition(SHOWN);
        hide.setOnFinished(e -> notice.hide());
        hide.play();
    }

    /** The note shown under {@code field}, if any (tests). */
    public static String shownText(Control field) {
        Object notice = field.getProperties().get(KEY);
        return notice instanceof Tooltip t && t.isShowing() ? t.getText() : null;
    }

    private static Tooltip create(TextInputControl field) {
        Tooltip notice = new Tooltip();
        notice.getStyleClass().add("field-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(420);
        field.focusedProperty().subscribe(focused -> {
            if (!focused) {
                notice.hide();
            }
        });
        return notice;
    }
}
