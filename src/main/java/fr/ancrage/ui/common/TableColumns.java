package fr.ancrage.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a table as the user wants them: never narrower than their header, first sized to
 * their content, resizable, shown or hidden from the table's « + » menu (top right), in the order
 * the user dragged them; one column ({@code flex}, the one users read first) takes the room left.
 * When the table is too narrow for all that it scrolls sideways rather than cutting every column.
 * What the user changed (shown, width, order) is kept in {@link UiPreferences} under the table's
 * name and comes back with the next session.
 */
public final class TableColumns {

    /** Room around a header's text: the cell's padding and the sort arrow. */
    static final double HEADER_ROOM = 34;
    /** Room around a cell's text. */
    static final double CELL_ROOM = 24;
    /** A column sized to its content is never wider than this (the user can widen it). */
    static final double MAX_FIRST_WIDTH = 320;
    /** Room kept at the right of the table for its vertical scroll bar. */
    private static final double SCROLL_BAR_ROOM = 16;
    /** The rows looked at to size a column to its content. */
    private static final int SAMPLE = 200;

    private TableColumns() {
    }

    /** As {@link #remember(UiPreferences, TableView, String, TableColumn)}, the last column taking the room left. */
    public static <S> void remember(UiContext ui, TableView<S> table, String name) {
        remember(ui.preferences(), table, name, null);
    }

    /** As {@link #remember(UiPreferences, TableView, String, TableColumn)} with the context's preferences. */
    public static <S> void remember(UiContext ui, TableView<S> table, String name, TableColumn<S, ?> flex) {
        remember(ui.preferences(), table, name, flex);
    }

    /**
     * Sets the table's columns up (see the class) and brings back what the user chose for the table
     * {@code name} in an earlier session. {@code flex} may be null: the last shown column then takes
     * the room left.
     */
    public static <S> void remember(UiPreferences preferences, TableView<S> table, String name,
                                    TableColumn<S, ?> flex) {
        new Remembered<>(preferences, table, "table." + name + ".columns", flex).start();
    }

    /** The width a header needs to show its whole text, sort arrow included. */
    public static double headerWidth(TableColumn<?, ?> column) {
        return Math.ceil(textWidth(column.getText(), true) + HEADER_ROOM);
    }

    static double textWidth(String text, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, 13));
        return t.getLayoutBounds().getWidth();
    }

    /** The key a column is remembered by: its id (fx:id) or else its header. */
    static String key(TableColumn<?, ?> column) {
        String id = column.getId() != null && !column.getId().isBlank() ? column.getId() : column.getText();
        return id == null ? "" : id.replaceAll("[;:=\\s]", "_");
    }

    private static final class Remembered<S> {
        private final UiPreferences preferences;
        private final TableView<S> table;
        private final String key;
        private final TableColumn<S, ?> flex;
        /** Columns whose width the user chose (by dragging, or in an earlier session). */
        private final Set<TableColumn<S, ?>> userSized = new HashSet<>();
        private final PauseTransition saveLater = new PauseTransition(Duration.millis(400));
        private boolean sizedToContent;
        private boolean restoring;

        Remembered(UiPreferences preferences, TableView<S> table, String key, TableColumn<S, ?> flex) {
            this.preferences = preferences;
            this.table = table;
            this.key = key;
            this.flex = flex;
        }

        void start() {
            table.setTableMenuButtonVisible(true);
            for (TableColumn<S, ?> c : table.getColumns()) {
                c.setResizable(true);
                c.setMinWidth(Math.max(c.getMinWidth(), headerWidth(c)));
                if (c.getPrefWidth() < c.getMinWidth()) {
                    c.setPrefWidth(c.getMinWidth());
                }
            }
            restore();
            table.setColumnResizePolicy(features -> {
                boolean done = TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
                if (features.getColumn() != null) {
                    @SuppressWarnings("unchecked")
                    TableColumn<S, ?> c = (TableColumn<S, ?>) features.getColumn();
                    userSized.add(c);
                    saveLater.playFromStart();
                }
                return done;
            });
            InvalidationListener fit = o -> fit();
            table.widthProperty().addListener(fit);
            table.getVisibleLeafColumns().addListener(fit);
            for (TableColumn<S, ?> c : table.getColumns()) {
                c.widthProperty().addListener(fit);
                c.visibleProperty().addListener(o -> save());
            }
            table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> save());
            saveLater.setOnFinished(e -> save());
            sizeToContent();
            table.itemsProperty().addListener(o -> sizeToContent());
            if (table.getItems() != null) {
                table.getItems().addListener((ListChangeListener<S>) change -> sizeToContent());
            }
            table.itemsProperty().addListener((o, before, now) -> {
                if (now != null) {
                    now.addListener((ListChangeListener<S>) change -> sizeToContent());
                }
            });
        }

        /** The column taking the room left: {@code flex} when shown, else the last shown column. */
        private TableColumn<S, ?> flexColumn() {
            if (flex != null && flex.isVisible()) {
                return flex;
            }
            List<TableColumn<S, ?>> shown = table.getVisibleLeafColumns();
            return shown.isEmpty() ? null : shown.getLast();
        }

        private void fit() {
            TableColumn<S, ?> f = flexColumn();
            if (f == null || table.getWidth() <= 0) {
                return;
            }
            double others = table.getVisibleLeafColumns().stream().filter(c -> c != f)
                    .mapToDouble(TableColumn::getWidth).sum();
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - others
                    - SCROLL_BAR_ROOM;
            double width = Math.max(f.getMinWidth(), Math.floor(room));
            if (userSized.contains(f)) {
                width = Math.max(width, f.getPrefWidth());
            }
            if (Math.abs(f.getPrefWidth() - width) >= 1) {
                f.setPrefWidth(width);
            }
        }

        /** Once there are rows: each column not sized by the user as wide as its texts need, within bounds. */
        private void sizeToContent() {
            if (sizedToContent || table.getItems() == null || table.getItems().isEmpty()) {
                return;
            }
            sizedToContent = true;
            int rows = Math.min(SAMPLE, table.getItems().size());
            for (TableColumn<S, ?> c : table.getColumns()) {
                if (userSized.contains(c) || c == flex || !c.getColumns().isEmpty()) {
                    continue;
                }
                double widest = 0;
                boolean texts = false;
                for (int i = 0; i < rows; i++) {
                    Object value = c.getCellData(i);
                    if (value instanceof String s) {
                        texts = true;
                        widest = Math.max(widest, textWidth(s, false));
                    }
                }
                if (texts) {
                    double width = Math.min(MAX_FIRST_WIDTH, Math.ceil(widest + CELL_ROOM));
                    c.setPrefWidth(Math.max(c.getMinWidth(), width));
                }
            }
            fit();
        }

        private void restore() {
            String saved = preferences.get(key).orElse(null);
            if (saved == null || saved.isBlank()) {
                return;
            }
            restoring = true;
            try {
                Map<String, TableColumn<S, ?>> byKey = new LinkedHashMap<>();
                table.getColumns().forEach(c -> byKey.putIfAbsent(key(c), c));
                List<TableColumn<S, ?>> order = new ArrayList<>();
                for (String entry : saved.split(";")) {
                    String[] parts = entry.split(":");
                    TableColumn<S, ?> c = parts.length == 3 ? byKey.remove(parts[0]) : null;
                    if (c == null) {
                        continue;
                    }
                    order.add(c);
                    c.setVisible(!"0".equals(parts[2]));
                    if (!"-".equals(parts[1]) && c != flex) {
                        try {
                            double width = Double.parseDouble(parts[1]);
                            c.setPrefWidth(Math.max(c.getMinWidth(), width));
                            userSized.add(c);
                        } catch (NumberFormatException ignored) {
                            // a hand-edited file: the default width
                        }
                    }
                }
                order.addAll(byKey.values()); // columns added since: at the end
                if (!order.equals(table.getColumns())) {
                    table.getColumns().setAll(order);
                }
            } finally {
                restoring = false;
            }
        }

        private void save() {
            if (restoring) {
                return;
            }
            StringBuilder out = new StringBuilder();
            for (TableColumn<S, ?> c : table.getColumns()) {
                if (!out.isEmpty()) {
                    out.append(';');
                }
                String width = userSized.contains(c) && c != flex ? String.valueOf(Math.round(c.getWidth())) : "-";
                out.append(key(c)).append(':').append(width).append(':').append(c.isVisible() ? '1' : '0');
            }
            preferences.put(key, out.toString());
        }
    }
}
