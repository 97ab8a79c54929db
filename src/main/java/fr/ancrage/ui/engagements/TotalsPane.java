package fr.ancrage.ui.engagements;

import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.common.UiPreferences;
import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.i18n.I18n;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;

/**
 * Targets summed by indicator and by PaQte axis, as computed by the store, for a convention or for
 * all the conventions of a company.
 */
public final class TotalsPane {

    private final I18n i18n;
    private final TableView<IndicatorTotal> byIndicator = new TableView<>();
    private final TableView<IndicatorTotal> byAxis = new TableView<>();
    private final VBox root;

    public TotalsPane(I18n i18n, String idPrefix, String introKey) {
        this(i18n, UiPreferences.inMemory(), idPrefix, introKey);
    }

    /** The tables' columns as the user left them ({@link TableColumns}). */
    public TotalsPane(UiContext ui, String idPrefix, String introKey) {
        this(ui.i18n(), ui.preferences(), idPrefix, introKey);
    }

    private TotalsPane(I18n i18n, UiPreferences preferences, String idPrefix, String introKey) {
        this.i18n = i18n;
        byIndicator.setId(idPrefix + "TotalsByIndicator");
        byAxis.setId(idPrefix + "TotalsByAxis");
        TableColumn<IndicatorTotal, String> indicator = new TableColumn<>(i18n.get("totals.column.indicator"));
        Cells.text(indicator, IndicatorTotal::indicatorName);
        indicator.setPrefWidth(260);
        indicator.setMinWidth(160);
        byIndicator.getColumns().add(indicator);
        byIndicator.getColumns().add(totalColumn());
        byIndicator.getColumns().add(engagementsColumn());
        TableColumn<IndicatorTotal, String> axis = new TableColumn<>(i18n.get("totals.column.axis"));
        Cells.text(axis, t -> t.axis() == null ? i18n.get("totals.axis.none") : i18n.label(t.axis()));
        axis.setPrefWidth(120);
        TableColumn<IndicatorTotal, String> axisIndicator = new TableColumn<>(i18n.get("totals.column.indicator"));
        Cells.text(axisIndicator, IndicatorTotal::indicatorName);
        axisIndicator.setPrefWidth(240);
        axisIndicator.setMinWidth(140);
        byAxis.getColumns().add(axis);
        byAxis.getColumns().add(axisIndicator);
        byAxis.getColumns().add(totalColumn());
        TableColumns.remember(preferences, byIndicator, "totals-byIndicator", indicator);
        TableColumns.remember(preferences, byAxis, "totals-byAxis", axisIndicator);
        for (TableView<IndicatorTotal> t : java.util.List.of(byIndicator, byAxis)) {
            t.setPlaceholder(Cells.placeholder(i18n.get("totals.empty")));
            VBox.setVgrow(t, Priority.ALWAYS);
            t.setPrefHeight(200);
        }
        Label intro = new Label(i18n.get(introKey));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        Label first = new Label(i18n.get("totals.byIndicator"));
        first.getStyleClass().add("section-title");
        Label second = new Label(i18n.get("totals.byAxis"));
        second.getStyleClass().add("section-title");
        root = new VBox(8, intro, first, byIndicator, second, byAxis);
        root.getStyleClass().add("tab-body");
    }

    public VBox root() {
        return root;
    }

    public void show(EngagementService.Totals totals) {
        byIndicator.getItems().setAll(totals == null ? java.util.List.of() : totals.byIndicator());
        byAxis.getItems().setAll(totals == null ? java.util.List.of() : totals.byAxis());
    }

    /** {@code 1 234 stages}, {@code 12 500,00 €}, {@code 120 h}; a yes/no counts the engagements aiming at it. */
    public static String totalText(I18n i18n, IndicatorTotal t) {
        BigDecimal v = t.total();
        return switch (t.unit()) {
            case EUROS -> TargetText.format(v, IndicatorUnit.EUROS);
            case HOURS -> i18n.format("totals.hours", TargetText.format(v, IndicatorUnit.HOURS));
            case DAYS -> i18n.format("totals.days", TargetText.format(v, IndicatorUnit.DAYS));
            case YES_NO -> i18n.format("totals.yes", v.intValue());
            case COUNT -> TargetText.format(v, IndicatorUnit.COUNT);
        };
    }

    private TableColumn<IndicatorTotal, String> totalColumn() {
        TableColumn<IndicatorTotal, String> total = new TableColumn<>(i18n.get("totals.column.total"));
        Cells.text(total, t -> totalText(i18n, t));
        total.setPrefWidth(130);
        total.setMinWidth(110);
        return Cells.rightAligned(total);
    }

    private TableColumn<IndicatorTotal, String> engagementsColumn() {
        TableColumn<IndicatorTotal, String> n = new TableColumn<>(i18n.get("totals.column.engagements"));
        Cells.text(n, t -> String.valueOf(t.engagements()));
        n.setPrefWidth(130);
        n.setMinWidth(125);
        return Cells.rightAligned(n);
    }
}
