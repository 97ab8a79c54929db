package fr.ancrage.ui.engagements;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The "Bilan" tab of a convention: per engagement, indicator and year, the target, the realised
 * value and the gap; Entrée or a double-click enters the realised value of a line.
 */
public final class BilanPane {

    private final UiContext ui;
    private final EngagementService service;
    private final Supplier<Window> window;
    private final Runnable onChanged;
    private final ObservableList<BilanLine> lines = FXCollections.observableArrayList();
    private final FilteredList<BilanLine> shown = new FilteredList<>(lines);
    private final TableView<BilanLine> table = new TableView<>(shown);
    private final ComboBox<Integer> yearFilter = new ComboBox<>();
    private final Button enterButton;
    private final Label summary = new Label();
    private final VBox root;
    private Convention convention;
    private Integer wantedYear;

    public BilanPane(UiContext ui, EngagementService service, Supplier<Window> window, Runnable onChanged) {
        this.ui = ui;
        this.service = service;
        this.window = window;
        this.onChanged = onChanged;
        var i18n = ui.i18n();
        table.setId("bilanTable");
        TableColumn<BilanLine, String> engagement = column("bilan.column.engagement", BilanLine::actionTypeName, 170);
        TableColumn<BilanLine, String> indicator = column("bilan.column.indicator", l -> l.indicator().name(), 170);
        TableColumn<BilanLine, String> year = column("bilan.column.year", l -> String.valueOf(l.year()), 60);
        TableColumn<BilanLine, String> target = Cells.rightAligned(column("bilan.column.target",
                l -> value(l.target(), l.indicator().unit()), 95));
        TableColumn<BilanLine, String> realised = Cells.rightAligned(column("bilan.column.realised", this::realisedText, 95));
        TableColumn<BilanLine, String> gap = Cells.rightAligned(column("bilan.column.gap", this::gapText, 85));
        TableColumn<BilanLine, String> source = column("bilan.column.source",
                l -> l.result() == null ? "" : i18n.label(l.result().source()), 130);
        TableColumn<BilanLine, String> received = column("bilan.column.received",
                l -> l.result() == null ? "" : Formats.date(l.result().receivedOn()), 90);
        table.getColumns().setAll(List.of(engagement, indicator, year, target, realised, gap, source, received));
        TableColumns.remember(ui, table, "bilan", indicator);
        table.setPlaceholder(Cells.placeholder(i18n.get("bilan.empty")));
        Cells.onOpen(table, l -> enter(), "inactive", l -> !l.reportable());
        VBox.setVgrow(table, Priority.ALWAYS);

        yearFilter.setId("bilanYear");
        yearFilter.setConverter(Cells.converter(y -> String.valueOf(y)));
        yearFilter.setPromptText(i18n.get("bilan.allYears"));
        yearFilter.valueProperty().subscribe(y -> refilter());
        enterButton = new Button(i18n.get("bilan.enter"));
        enterButton.setId("bilanEnterButton");
        enterButton.setOnAction(e -> enter());
        enterButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button allYears = new Button(i18n.get("bilan.allYears"));
        allYears.setOnAction(e -> yearFilter.setValue(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(i18n.get("bilan.year")), yearFilter, allYears, spacer, enterButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        Label hint = new Label(i18n.get("bilan.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        summary.getStyleClass().add("list-count");
        root = new VBox(8, hint, bar, table, summary);
        root.getStyleClass().add("tab-body");
    }

    public VBox root() {
        return root;
    }

    public TableView<BilanLine> table() {
        return table;
    }

    /** Shows the bilan of a stored convention; {@code null} empties it. */
    public void show(Convention c) {
        show(c, null);
    }

    /** Shows the bilan of a convention, only the lines of {@code year} if it has some. */
    public void show(Convention c, Integer year) {
        wantedYear = year;
        convention = c;
        lines.clear();
        summary.setText("");
        if (c != null) {
            reload();
        }
    }

    private void reload() {
        Convention c = convention;
        ui.tasks().run(() -> service.bilan(c.id()), loaded -> {
            if (convention == null || !convention.id().equals(c.id())) {
                return;
            }
            BilanLine selected = table.getSelectionModel().getSelectedItem();
            lines.setAll(loaded);
            List<Integer> years = loaded.stream().map(BilanLine::year).distinct().sorted().toList();
            Integer year = wantedYear != null ? wantedYear : yearFilter.getValue();
            wantedYear = null;
            // clear first: replacing the items keeps the selected index, which would show another year
            yearFilter.getSelectionModel().clearSelection();
            yearFilter.getItems().setAll(years);
            yearFilter.setValue(years.contains(year) ? year : null);
            refilter();
            if (selected == null && !shown.isEmpty()) {
                table.getSelectionModel().select(0);
            } else if (selected != null) {
                shown.stream().filter(l -> l.engagementId().equals(selected.engagementId())
                                && l.indicator().id().equals(selected.indicator().id()) && l.year() == selected.year())
                        .findFirst().ifPresent(l -> table.getSelectionModel().select(l));
            }
        }, error -> ui.dialogs().error(window.get(), ui.i18n().get("error.title"), ui.errors().describe(error)));
    }

    private void refilter() {
        Integer year = yearFilter.getValue();
        shown.setPredicate(l -> year == null || l.year() == year);
        long reported = shown.stream().filter(l -> l.result() != null).count();
        long expected = shown.stream().filter(BilanLine::reportable).count();
        summary.setText(ui.i18n().format("bilan.summary", reported, expected));
    }

    private void enter() {
        BilanLine line = table.getSelectionModel().getSelectedItem();
        if (line == null) {
            return;
        }
        if (!line.reportable()) {
            ui.dialogs().info(window.get(), ui.i18n().get("bilan.dialog.title"),
                    ui.i18n().get("validation.result.abandoned"));
            return;
        }
        int index = table.getSelectionModel().getSelectedIndex();
        new ResultDialog(ui, service, line).showAndWait(window.get()).ifPresent(changed -> {
            // the keyboard flow goes on with the line below, at once: Entrée pressed before the
            // reload comes back must not reopen the line just entered
            int next = Math.min(index + 1, shown.size() - 1);
            table.getSelectionModel().select(next);
            table.scrollTo(next);
            reload();
            onChanged.run();
        });
        table.requestFocus();
    }

    private String realisedText(BilanLine l) {
        if (!l.reportable()) {
            return ui.i18n().label(l.engagementStatus());
        }
        return l.result() == null ? "" : value(l.result().value(), l.indicator().unit());
    }

    private String gapText(BilanLine l) {
        BigDecimal gap = l.gap();
        if (gap == null || l.indicator().unit() == IndicatorUnit.YES_NO) {
            return "";
        }
        String text = value(gap.abs(), l.indicator().unit());
        return gap.signum() > 0 ? "+" + text : gap.signum() < 0 ? "−" + text : text;
    }

    private String value(BigDecimal v, IndicatorUnit unit) {
        if (v == null) {
            return "";
        }
        if (unit == IndicatorUnit.YES_NO) {
            return ui.i18n().get(v.signum() > 0 ? "engagements.targets.yes" : "common.no");
        }
        return TargetText.format(v, unit);
    }

    private TableColumn<BilanLine, String> column(String key, Function<BilanLine, String> value, double width) {
        TableColumn<BilanLine, String> c = new TableColumn<>(ui.i18n().get(key));
        Cells.text(c, value);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        return c;
    }
}
