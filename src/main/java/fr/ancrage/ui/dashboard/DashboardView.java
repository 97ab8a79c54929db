package fr.ancrage.ui.dashboard;

import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardAlerts;
import fr.ancrage.domain.DashboardFigures;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.DashboardSlice;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.IndicatorRanking;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.TerritoryLevel;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.TaskRunner;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.dashboard.DashboardBars.Bar;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * « Tableau de bord »: targets against realised values by category, PaQte axis, year and territory,
 * the conventions by status, the key figures and the alerts, for a year and a territory. Every
 * figure and every bar opens the list of the conventions behind it. All figures are computed by
 * the database, in the background.
 */
public final class DashboardView implements Section {

    private final UiContext ui;
    private final DashboardService dashboard;
    private final TerritoryService territories;
    private final Navigator navigator;
    private final Consumer<DashboardAlerts> alertsLoaded;
    private Parent root;
    private boolean adjusting;
    private int generation;
    private TaskRunner.Cancellable pending;
    private DashboardFigures figures;
    private List<Qpv> allQpvs = List.of();

    @FXML private Label scopeLabel;
    @FXML private Button refreshButton;
    @FXML private ComboBox<Integer> yearBox;
    @FXML private ComboBox<Department> departmentBox;
    @FXML private ComboBox<Epci> epciBox;
    @FXML private ComboBox<Qpv> qpvBox;
    @FXML private ComboBox<IndicatorUnit> unitBox;
    @FXML private ScrollPane scroll;
    @FXML private VBox content;
    @FXML private VBox alertsBox;
    private AlertsPane alertsPane;

    /**
     * @param alertsLoaded told of the alerts each time the dashboard loads them for the whole country
     *                     (the navigation badge)
     */
    public DashboardView(UiContext ui, DashboardService dashboard, TerritoryService territories, Navigator navigator,
                         Consumer<DashboardAlerts> alertsLoaded) {
        this.ui = ui;
        this.dashboard = dashboard;
        this.territories = territories;
        this.navigator = navigator;
        this.alertsLoaded = alertsLoaded;
    }

    @Override
    public String id() {
        return "dashboard";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignV.VIEW_DASHBOARD_OUTLINE;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(DashboardView.class, () -> this);
        }
        return root;
    }

    @Override
    public void activate() {
        loadChoices();
        reload();
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        alertsPane = new AlertsPane(ui, navigator, this::window);
        alertsBox.getChildren().setAll(alertsPane.root());
        Cells.choices(yearBox, List.of(), String::valueOf, i18n.get("dashboard.filter.allYears"));
        Cells.choices(departmentBox, List.of(), d -> d.code() + " – " + d.name(),
                i18n.get("dashboard.filter.allDepartments"));
        Cells.choices(epciBox, List.of(), Epci::name, i18n.get("dashboard.filter.allEpcis"));
        Cells.choices(qpvBox, List.of(), q -> q.name() + " (" + q.code() + ")", i18n.get("dashboard.filter.allQpvs"));
        unitBox.setConverter(Cells.converter(this::unitName));
        unitBox.getItems().setAll(IndicatorUnit.COUNT);
        unitBox.setValue(IndicatorUnit.COUNT);
        epciBox.setDisable(true);
        qpvBox.setDisable(true);
        yearBox.valueProperty().subscribe(y -> changed());
        departmentBox.valueProperty().subscribe(d -> {
            if (adjusting) {
                return;
            }
            adjusting = true;
            epciBox.getItems().setAll((Epci) null);
            epciBox.setValue(null);
            epciBox.setDisable(d == null);
            adjusting = false;
            refreshQpvChoices();
            if (d != null) {
                ui.tasks().run(() -> territories.epcisOfDepartment(d.code()), list -> {
                    if (d.equals(departmentBox.getValue())) {
                        adjusting = true;
                        epciBox.getItems().setAll(withNone(list));
                        adjusting = false;
                    }
                }, this::showError);
            }
            reload();
        });
        epciBox.valueProperty().subscribe(e -> {
            if (adjusting) {
                return;
            }
            refreshQpvChoices();
            reload();
        });
        qpvBox.valueProperty().subscribe(q -> changed());
        unitBox.valueProperty().subscribe(u -> {
            if (!adjusting && figures != null) {
                showFigures(figures);
            }
        });
    }

    private void changed() {
        if (!adjusting) {
            reload();
        }
    }

    private static <T> List<T> withNone(List<T> values) {
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        return items;
    }

    private void refreshQpvChoices() {
        Department d = departmentBox.getValue();
        Epci e = epciBox.getValue();
        adjusting = true;
        qpvBox.setValue(null);
        qpvBox.getItems().setAll(withNone(allQpvs.stream()
                .filter(q -> d != null && q.departmentCode().equals(d.code()))
                .filter(q -> e == null || e.siren().equals(q.epciSiren()))
                .toList()));
        qpvBox.setDisable(d == null);
        adjusting = false;
    }

    /** The choices of the filters: the years covered, the departments, the QPV. */
    private void loadChoices() {
        ui.tasks().run(() -> new Choices(dashboard.years(), territories.departments(), territories.qpvs()), c -> {
            adjusting = true;
            Integer year = yearBox.getValue();
            // clear first: replacing the items keeps the selected index, which would show another year
            yearBox.getSelectionModel().clearSelection();
            yearBox.getItems().setAll(withNone(c.years()));
            yearBox.setValue(year != null && c.years().contains(year) ? year : null);
            Department department = departmentBox.getValue();
            departmentBox.getSelectionModel().clearSelection();
            departmentBox.getItems().setAll(withNone(c.departments()));
            departmentBox.setValue(department);
            allQpvs = c.qpvs();
            adjusting = false;
            if (department == null) {
                refreshQpvChoices();
            }
        }, this::showError);
    }

    private record Choices(List<Integer> years, List<Department> departments, List<Qpv> qpvs) {
    }

    /** The filter as chosen. */
    DashboardFilter filter() {
        Department d = departmentBox.getValue();
        Epci e = epciBox.getValue();
        Qpv q = qpvBox.getValue();
        return new DashboardFilter(d == null ? null : d.code(), e == null ? null : e.siren(), q == null ? null : q.id(),
                yearBox.getValue());
    }

    @FXML
    private void onRefresh() {
        loadChoices();
        reload();
    }

    private void reload() {
        if (root == null) {
            return;
        }
        DashboardFilter filter = filter();
        if (pending != null) {
            pending.cancel();
        }
        int current = ++generation;
        scopeLabel.setText(ui.i18n().get("dashboard.loading"));
        pending = ui.tasks().run(() -> new Loaded(dashboard.figures(filter), dashboard.alerts(filter)), loaded -> {
            if (current != generation) {
                return;
            }
            pending = null;
            figures = loaded.figures();
            showFigures(loaded.figures());
            alertsPane.show(loaded.alerts());
            if (filter.departmentCode() == null && filter.epciSiren() == null && filter.qpvId() == null) {
                alertsLoaded.accept(loaded.alerts());
            }
        }, error -> {
            if (current == generation) {
                scopeLabel.setText("");
                showError(error);
            }
        });
    }

    private record Loaded(DashboardFigures figures, DashboardAlerts alerts) {
    }

    // --- Figures ------------------------------------------------------------------------------

    private void showFigures(DashboardFigures f) {
        var i18n = ui.i18n();
        scopeLabel.setText(scopeText(f.filter()));
        List<IndicatorUnit> units = DashboardBars.units(f);
        adjusting = true;
        IndicatorUnit chosen = unitBox.getValue();
        unitBox.getItems().setAll(units.isEmpty() ? List.of(IndicatorUnit.COUNT) : units);
        IndicatorUnit unit = chosen != null && units.contains(chosen) ? chosen : units.isEmpty() ? IndicatorUnit.COUNT : units.getFirst();
        unitBox.setValue(unit);
        unitBox.setDisable(units.size() < 2);
        adjusting = false;
        content.getChildren().clear();
        if (f.empty()) {
            content.getChildren().add(emptyState(i18n.get("dashboard.empty.title"),
                    i18n.get(isWholeCountry(f.filter()) && f.filter().year() == null ? "dashboard.empty.base"
                            : "dashboard.empty.scope")));
            return;
        }
        content.getChildren().add(cards(f, unit));
        if (f.withoutFigures()) {
            content.getChildren().add(emptyState(i18n.get("dashboard.noFigures.title"),
                    i18n.get("dashboard.noFigures.message")));
            return;
        }
        content.getChildren().add(keyFigures(f));
        content.getChildren().add(charts(f, unit));
    }

    private static boolean isWholeCountry(DashboardFilter filter) {
        return filter.departmentCode() == null && filter.epciSiren() == null && filter.qpvId() == null;
    }

    private VBox emptyState(String title, String message) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("empty-state");
        VBox box = new VBox(8, new FontIcon(MaterialDesignV.VIEW_DASHBOARD_OUTLINE), heading, text);
        box.setId("dashboardEmpty");
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("dashboard-empty");
        return box;
    }

    /** The description of the scope: « Doubs · Grand Besançon Métropole · 2025 ». */
    private String scopeText(DashboardFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.qpvId() != null && qpvBox.getValue() != null) {
            parts.add(qpvBox.getValue().name());
        } else if (filter.epciSiren() != null && epciBox.getValue() != null) {
            parts.add(epciBox.getValue().name());
        } else if (filter.departmentCode() != null && departmentBox.getValue() != null) {
            parts.add(departmentBox.getValue().name());
        } else {
            parts.add(ui.i18n().get("dashboard.scope.all"));
        }
        parts.add(filter.year() == null ? ui.i18n().get("dashboard.scope.allYears") : String.valueOf(filter.year()));
        return String.join(" · ", parts);
    }

    private FlowPane cards(DashboardFigures f, IndicatorUnit unit) {
        var i18n = ui.i18n();
        FlowPane statuses = new FlowPane(10, 4);
        for (ConventionStatus status : ConventionStatus.values()) {
            Integer n = f.counts().byStatus().get(status);
            if (n != null) {
                Hyperlink link = new Hyperlink(i18n.format("dashboard.status.line", i18n.label(status), n));
                link.setId("status-" + status.name());
                link.setOnAction(e -> openStatus(f.filter(), status, i18n.label(status)));
                statuses.getChildren().add(link);
            }
        }
        VBox conventions = card("cardConventions", i18n.get("dashboard.card.conventions"),
                Formats.integer(f.counts().total()), () -> openStatus(f.filter(), null,
                        i18n.get("dashboard.card.conventions")));
        conventions.getChildren().add(statuses);
        conventions.setPrefWidth(360);
        VBox companies = card("cardCompanies", i18n.get("dashboard.card.companies"),
                Formats.integer(f.counts().companies()), () -> openStatus(f.filter(), null,
                        i18n.get("dashboard.card.companies")));
        FlowPane row = new FlowPane(12, 12, conventions, companies);
        if (!f.withoutFigures()) {
            Bar total = DashboardBars.total(f, unit);
            String unitName = unitName(unit);
            row.getChildren().add(card("cardTargets", i18n.format("dashboard.card.targets", unitName),
                    Formats.amount(total.target(), unit), () -> openBar(total, i18n.format("dashboard.card.targets",
                            unitName))));
            VBox realised = card("cardRealised", i18n.format("dashboard.card.realised", unitName),
                    Formats.amount(total.realised(), unit), () -> openBar(total,
                            i18n.format("dashboard.card.realised", unitName)));
            int lastReported = dashboard.today().getYear() - 1;
            Integer reportedRate = DashboardBars.reportedRate(f, unit, lastReported);
            if (reportedRate != null) {
                Label rate = new Label(i18n.format("dashboard.card.rate", reportedRate, lastReported));
                rate.setId("realisedRate");
                rate.getStyleClass().add("hint");
                realised.getChildren().add(rate);
            }
            row.getChildren().add(realised);
        }
        return row;
    }

    private VBox card(String id, String title, String value, Runnable open) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Hyperlink figure = new Hyperlink(value);
        figure.setId(id);
        figure.getStyleClass().add("card-figure");
        figure.setOnAction(e -> open.run());
        VBox card = new VBox(2, heading, figure);
        card.getStyleClass().add("dashboard-card");
        card.setMinWidth(190);
        return card;
    }

    /** « Chiffres clés »: the indicators with the largest targets, each opening its conventions. */
    private VBox keyFigures(DashboardFigures f) {
        var i18n = ui.i18n();
        Label title = new Label(i18n.get("dashboard.keyFigures"));
        title.getStyleClass().add("section-title");
        FlowPane line = new FlowPane(6, 4);
        line.setId("keyFigures");
        for (IndicatorRanking r : f.topIndicators()) {
            String text = i18n.format("dashboard.keyFigure", Formats.amount(r.target(), r.unit()), r.indicatorName(),
                    Formats.amount(r.realised(), r.unit()));
            Hyperlink link = new Hyperlink(text);
            link.getStyleClass().add("key-figure");
            link.setOnAction(e -> openBar(new Bar(r.indicatorId().toString(), r.indicatorName(), r.target(),
                    r.realised(), f.filter(), DashboardSlice.indicator(r.indicatorId(), r.unit())), r.indicatorName()));
            line.getChildren().add(link);
        }
        return new VBox(4, title, line);
    }

    private GridPane charts(DashboardFigures f, IndicatorUnit unit) {
        var i18n = ui.i18n();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(chartCard("chartCategory", i18n.get("dashboard.chart.category"),
                DashboardBars.byCategory(f, unit), unit, true), 0, 0);
        grid.add(chartCard("chartAxis", i18n.get("dashboard.chart.axis"),
                DashboardBars.byAxis(f, unit, a -> a == null ? i18n.get("totals.axis.none") : i18n.label(a)), unit,
                true), 1, 0);
        grid.add(chartCard("chartYear", i18n.get("dashboard.chart.year"), DashboardBars.byYear(f, unit), unit,
                false), 0, 1);
        TerritoryLevel level = TerritoryLevel.below(f.filter());
        if (level != null) {
            String key = switch (level) {
                case DEPARTMENT -> "dashboard.chart.territory.department";
                case EPCI -> "dashboard.chart.territory.epci";
                case QPV -> "dashboard.chart.territory.qpv";
            };
            grid.add(chartCard("chartTerritory", i18n.get(key),
                    DashboardBars.byTerritory(f, unit, i18n.get("dashboard.noEpci")), unit, true), 1, 1);
        }
        return grid;
    }

    private String unitName(IndicatorUnit unit) {
        return ui.i18n().get(switch (unit) {
            case COUNT -> "dashboard.unit.count";
            case EUROS -> "dashboard.unit.euros";
            case HOURS -> "dashboard.unit.hours";
            case DAYS -> "dashboard.unit.days";
            case YES_NO -> "dashboard.unit.yesNo";
        });
    }

    private VBox chartCard(String id, String title, List<Bar> bars, IndicatorUnit unit, boolean horizontal) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(6, heading);
        card.getStyleClass().add("chart-card");
        card.setId(id);
        if (bars.isEmpty()) {
            Label none = new Label(ui.i18n().get("dashboard.chart.none"));
            none.getStyleClass().add("hint");
            card.getChildren().add(none);
            return card;
        }
        BarChart<?, ?> chart = horizontal ? horizontalChart(bars, unit, title) : verticalChart(bars, unit, title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("dashboard-chart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.getChildren().add(chart);
        return card;
    }

    private BarChart<Number, String> horizontalChart(List<Bar> bars, IndicatorUnit unit, String title) {
        NumberAxis values = valueAxis(unit, bars);
        CategoryAxis labels = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(values, labels);
        XYChart.Series<Number, String> target = new XYChart.Series<>();
        target.setName(ui.i18n().get("dashboard.series.target"));
        XYChart.Series<Number, String> realised = new XYChart.Series<>();
        realised.setName(ui.i18n().get("dashboard.series.realised"));
        // a horizontal chart draws its first category at the bottom: give them bottom-up
        List<Bar> bottomUp = new ArrayList<>(bars);
        java.util.Collections.reverse(bottomUp);
        for (Bar b : bottomUp) {
            target.getData().add(new XYChart.Data<>(b.target(), shortLabel(b.label())));
            realised.getData().add(new XYChart.Data<>(b.realised(), shortLabel(b.label())));
        }
        chart.getData().add(target);
        chart.getData().add(realised);
        chart.setPrefHeight(90 + bars.size() * 44);
        chart.setMinHeight(chart.getPrefHeight());
        chart.setMaxHeight(chart.getPrefHeight());
        for (int i = 0; i < bottomUp.size(); i++) {
            interactive(target.getData().get(i).getNode(), bottomUp.get(i), unit, title, false);
            interactive(realised.getData().get(i).getNode(), bottomUp.get(i), unit, title, true);
        }
        return chart;
    }

    private BarChart<String, Number> verticalChart(List<Bar> bars, IndicatorUnit unit, String title) {
        CategoryAxis labels = new CategoryAxis();
        labels.setTickLabelRotation(0);
        NumberAxis values = valueAxis(unit, bars);
        BarChart<String, Number> chart = new BarChart<>(labels, values);
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(ui.i18n().get("dashboard.series.target"));
        XYChart.Series<String, Number> realised = new XYChart.Series<>();
        realised.setName(ui.i18n().get("dashboard.series.realised"));
        for (Bar b : bars) {
            target.getData().add(new XYChart.Data<>(b.label(), b.target()));
            realised.getData().add(new XYChart.Data<>(b.label(), b.realised()));
        }
        chart.getData().add(target);
        chart.getData().add(realised);
        chart.setPrefHeight(300);
        chart.setMinHeight(260);
        for (int i = 0; i < bars.size(); i++) {
            interactive(target.getData().get(i).getNode(), bars.get(i), unit, title, false);
            interactive(realised.getData().get(i).getNode(), bars.get(i), unit, title, true);
        }
        return chart;
    }

    /** Long category names are cut in the axis; the tooltip and the list give them whole. */
    private static String shortLabel(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33).strip() + "…";
    }

    /** A value axis from zero with four or five round steps, so that French-grouped labels never overlap. */
    private NumberAxis valueAxis(IndicatorUnit unit, List<Bar> bars) {
        double max = bars.stream().mapToDouble(b -> Math.max(b.target().doubleValue(), b.realised().doubleValue()))
                .max().orElse(0);
        double step = DashboardBars.niceStep(max / 4);
        NumberAxis axis = new NumberAxis(0, Math.max(step, Math.ceil(max / step) * step), step);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.integer(Math.round(n.doubleValue())) + (unit == IndicatorUnit.EUROS ? " €" : "");
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return axis;
    }

    /** A bar that tells its figures, and opens its conventions on a click, Enter or Space. */
    private void interactive(Node node, Bar bar, IndicatorUnit unit, String chartTitle, boolean realisedSide) {
        if (node == null) {
            return;
        }
        var i18n = ui.i18n();
        String text = bar.rate() == null
                ? i18n.format("dashboard.bar.tooltip", bar.label(), Formats.amount(bar.target(), unit),
                Formats.amount(bar.realised(), unit))
                : i18n.format("dashboard.bar.tooltipRate", bar.label(), Formats.amount(bar.target(), unit),
                Formats.amount(bar.realised(), unit), bar.rate());
        Tooltip.install(node, new Tooltip(text));
        node.getProperties().put("bar", bar);
        node.getStyleClass().add(realisedSide ? "bar-realised" : "bar-target");
        if (bar.filter() == null) {
            return;
        }
        node.setCursor(Cursor.HAND);
        node.setFocusTraversable(!realisedSide);
        String title = chartTitle + " — " + bar.label();
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openBar(bar, title);
            }
        });
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                openBar(bar, title);
                e.consume();
            }
        });
    }

    private void openBar(Bar bar, String title) {
        DashboardFilter filter = bar.filter();
        DashboardSlice slice = bar.slice();
        String heading = title + " · " + scopeText(filter);
        ui.tasks().run(() -> dashboard.conventionsBehind(filter, slice),
                list -> new ConventionsDialog(ui, navigator).showFigures(window(), heading, list, slice.unit()),
                this::showError);
    }

    private void openStatus(DashboardFilter filter, ConventionStatus status, String title) {
        String heading = title + " · " + scopeText(filter);
        ui.tasks().run(() -> dashboard.conventionsWithStatus(filter, status),
                list -> new ConventionsDialog(ui, navigator).showConventions(window(), heading, list),
                this::showError);
    }

    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showError(Throwable error) {
        ui.dialogs().error(window(), ui.i18n().get("error.title"), ui.errors().describe(error));
    }

    /** For tests: the figures shown last. */
    DashboardFigures figures() {
        return figures;
    }

    /** The value behind a chart bar, for tests and tooltips. */
    static Bar barOf(Node node) {
        return (Bar) node.getProperties().get("bar");
    }
}
