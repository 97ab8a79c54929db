package fr.ancrage.ui.dashboard;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.AlertList;
import fr.ancrage.domain.ConventionFigure;
import fr.ancrage.domain.DashboardAlert;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.UiContext;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The records behind a dashboard figure or an alert, in a list: Enter, a double-click or « Ouvrir »
 * closes the list and opens the record in its section.
 */
final class ConventionsDialog {

    /** One line: what to show, and how to open it. */
    record Row(UUID conventionId, String reference, String company, String status, String date, String detail,
               String target, String realised, Consumer<Navigator> open) {
    }

    private record Column(String header, Function<Row, String> value, boolean right, double width) {
    }

    private final UiContext ui;
    private final Navigator navigator;

    ConventionsDialog(UiContext ui, Navigator navigator) {
        this.ui = ui;
        this.navigator = navigator;
    }

    /** The conventions behind targets and realised values, with their share. */
    void showFigures(Window owner, String heading, List<ConventionFigure> figures, IndicatorUnit unit) {
        var i18n = ui.i18n();
        List<Row> rows = figures.stream().map(f -> new Row(f.conventionId(), f.reference(), f.companyName(),
                i18n.label(f.status()), Formats.date(f.endDate()), "", Formats.amount(f.target(), unit),
                Formats.amount(f.realised(), unit), n -> n.openConvention(f.conventionId()))).toList();
        show(owner, heading, rows, i18n.format("dashboard.list.count", rows.size()), List.of(
                reference(), company(), status(), endDate(),
                new Column(i18n.get("dashboard.list.column.target"), Row::target, true, 120),
                new Column(i18n.get("dashboard.list.column.realised"), Row::realised, true, 120)));
    }

    /** The conventions counted in a status or a number of companies. */
    void showConventions(Window owner, String heading, List<ConventionFigure> conventions) {
        var i18n = ui.i18n();
        List<Row> rows = conventions.stream().map(f -> new Row(f.conventionId(), f.reference(), f.companyName(),
                i18n.label(f.status()), Formats.date(f.endDate()), "", "", "",
                n -> n.openConvention(f.conventionId()))).toList();
        show(owner, heading, rows, i18n.format("dashboard.list.count", rows.size()),
                List.of(reference(), company(), status(), endDate()));
    }

    /** The lines of an alert; {@code dateHeader} names its date, {@code detailHeader} its detail (or null). */
    void showAlert(Window owner, String heading, AlertList alert, String dateHeader, String detailHeader,
                   Function<DashboardAlert, Consumer<Navigator>> open) {
        var i18n = ui.i18n();
        List<Row> rows = alert.items().stream().map(a -> new Row(a.conventionId(), a.reference(), a.companyName(),
                "", Formats.date(a.date()), a.detail(), "", "", open.apply(a))).toList();
        String count = alert.count() > rows.size()
                ? i18n.format("dashboard.list.countFirst", rows.size(), alert.count())
                : i18n.format("dashboard.list.count", rows.size());
        List<Column> columns = new java.util.ArrayList<>(List.of(reference(), company(),
                new Column(dateHeader, Row::date, false, 110)));
        if (detailHeader != null) {
            columns.add(new Column(detailHeader, Row::detail, false, 220));
        }
        show(owner, heading, rows, count, columns);
    }

    private Column reference() {
        return new Column(ui.i18n().get("dashboard.list.column.reference"), Row::reference, false, 110);
    }

    private Column company() {
        return new Column(ui.i18n().get("dashboard.list.column.company"), Row::company, false, 250);
    }

    private Column status() {
        return new Column(ui.i18n().get("dashboard.list.column.status"), Row::status, false, 130);
    }

    private Column endDate() {
        return new Column(ui.i18n().get("dashboard.list.column.end"), Row::date, false, 100);
    }

    private void show(Window owner, String heading, List<Row> rows, String countText, List<Column> columns) {
        var i18n = ui.i18n();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("dashboard.list.title"));
        dialog.setHeaderText(heading);
        dialog.setResizable(true);
        ButtonType openType = new ButtonType(i18n.get("dashboard.list.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(openType, close);

        TableView<Row> table = new TableView<>();
        table.setId("dashboardList");
        TableColumn<Row, String> flex = null;
        for (Column c : columns) {
            TableColumn<Row, String> column = new TableColumn<>(c.header());
            Cells.text(column, c.value()::apply);
            column.setPrefWidth(c.width());
            column.setMinWidth(Math.min(c.width(), 90));
            if (c.right()) {
                Cells.rightAligned(column);
            }
            table.getColumns().add(column);
            if (c.width() >= 220 && flex == null) {
                flex = column;
            }
        }
        if (flex != null) {
            TableColumns.remember(ui, table, "dashboard-conventions", flex);
        }
        table.getItems().setAll(rows);
        table.setPlaceholder(Cells.placeholder(i18n.get("dashboard.list.empty")));
        Runnable open = () -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                dialog.close();
                row.open().accept(navigator);
            }
        };
        Cells.onOpen(table, row -> open.run());
        Button openButton = (Button) dialog.getDialogPane().lookupButton(openType);
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            open.run();
        });
        Label count = new Label(countText);
        count.getStyleClass().add("list-count");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox body = new VBox(8, table, count);
        double width = Math.max(640, columns.stream().mapToDouble(Column::width).sum() + 40);
        body.setPrefSize(width, 420);
        body.setMinWidth(width);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setMinWidth(width + 40);
        // a window manager may otherwise open the resizable window at a sliver of its height
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (!rows.isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        Dialogs.focusWhenShown(dialog, table);
        dialog.show();
    }
}
