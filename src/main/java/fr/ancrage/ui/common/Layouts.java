package fr.ancrage.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Small layout rules so that labels and buttons show their whole text, on a small screen too. */
public final class Layouts {

    private Layouts() {
    }

    /**
     * The form's first column (its labels) is never narrower than its longest label: the fields give
     * way, not « Qual… » or « Fonc… ».
     */
    public static GridPane keepLabels(GridPane grid) {
        if (grid.getColumnConstraints().isEmpty()) {
            grid.getColumnConstraints().add(new ColumnConstraints());
        }
        ColumnConstraints labels = grid.getColumnConstraints().getFirst();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        for (Node child : grid.getChildren()) {
            Integer column = GridPane.getColumnIndex(child);
            if ((column == null || column == 0) && child instanceof Labeled l && !l.isWrapText()) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return grid;
    }

    /** Each control as wide as its text: the row wraps or gives way elsewhere, the text is never cut. */
    public static void keepWidth(Control... controls) {
        for (Control c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The screen the window {@code owner} is on (the main screen without an owner). */
    public static javafx.stage.Screen screenOf(javafx.stage.Window owner) {
        if (owner != null) {
            var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.getFirst();
            }
        }
        return javafx.stage.Screen.getPrimary();
    }

    /** The height of the screen the window {@code owner} is on (the main screen without an owner). */
    public static double screenHeightFor(javafx.stage.Window owner) {
        return screenOf(owner).getVisualBounds().getHeight();
    }

    /**
     * Scrolls {@code scroll} so that its first shown field message (error or warning, in reading
     * order) is in sight; nothing when there is none.
     */
    public static void revealFirstMessage(javafx.scene.control.ScrollPane scroll) {
        Node content = scroll.getContent();
        if (content == null) {
            return;
        }
        content.applyCss();
        scroll.layout();
        Node first = null;
        double firstY = Double.MAX_VALUE;
        for (Node n : content.lookupAll(".field-message")) {
            if (!n.isVisible() || !(n instanceof Labeled l) || l.getText() == null || l.getText().isBlank()
                    || !n.isManaged()) {
                continue;
            }
            double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            if (y < firstY) {
                firstY = y;
                first = n;
            }
        }
        if (first != null) {
            reveal(scroll, first);
        }
    }

    /** Scrolls {@code scroll} vertically the least needed for {@code node} to be in sight. */
    public static void reveal(javafx.scene.control.ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double range = contentHeight - viewport;
        if (range <= 0) {
            return;
        }
        double top = scroll.getVvalue() / (scroll.getVmax() - scroll.getVmin()) * range;
        double wanted = top;
        if (b.getMaxY() > top + viewport) {
            wanted = b.getMaxY() - viewport + 8;
        }
        if (b.getMinY() < wanted) {
            wanted = b.getMinY() - 8;
        }
        wanted = Math.max(0, Math.min(range, wanted));
        scroll.setVvalue(scroll.getVmin() + wanted / range * (scroll.getVmax() - scroll.getVmin()));
    }

    /**
     * A title that may be cut (a long company name) tells its whole text in a tooltip, kept up to
     * date with the text.
     */
    public static void fullTextTooltip(Labeled labeled) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(labeled.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        labeled.textProperty().subscribe(text -> labeled.setTooltip(text == null || text.isBlank() ? null : tip));
    }

    /** A wrapped line of help in the « hint » style, never cut to « … ». */
    public static javafx.scene.control.Label hint(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
        return l;
    }
}
