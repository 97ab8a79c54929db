package fr.ancrage.ui.dashboard;

import fr.ancrage.domain.AlertList;
import fr.ancrage.domain.DashboardAlert;
import fr.ancrage.domain.DashboardAlerts;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.UiContext;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The alerts column of the dashboard: for each alert its count, its first lines and the whole list;
 * every line opens the record concerned.
 */
final class AlertsPane {

    /** Lines shown under each alert before « Voir les N ». */
    static final int LINES_SHOWN = 3;

    private final UiContext ui;
    private final Navigator navigator;
    private final Supplier<Window> window;
    private final VBox root = new VBox(12);

    AlertsPane(UiContext ui, Navigator navigator, Supplier<Window> window) {
        this.ui = ui;
        this.navigator = navigator;
        this.window = window;
        Label title = new Label(ui.i18n().get("dashboard.alerts.title"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        title.getStyleClass().add("title-4");
        Label loading = new Label(ui.i18n().get("dashboard.loading"));
        loading.getStyleClass().add("hint");
        root.getChildren().setAll(title, loading);
        root.setId("alerts");
    }

    VBox root() {
        return root;
    }

    void show(DashboardAlerts alerts) {
        var i18n = ui.i18n();
        Label title = new Label(i18n.get("dashboard.alerts.title"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        title.getStyleClass().add("title-4");
        root.getChildren().setAll(title);
        Function<DashboardAlert, Consumer<Navigator>> openConvention = a -> n -> n.openConvention(a.conventionId());
        String endHeader = i18n.get("dashboard.list.column.end");
        root.getChildren().add(group(new Kind("ending30", "dashboard.alert.ending30", "dashboard.alert.ending30.none",
                true), alerts.endingWithin30Days(), endHeader, null, openConvention));
        root.getChildren().add(group(new Kind("ending90", "dashboard.alert.ending90", "dashboard.alert.ending90.none",
                false), alerts.endingWithin90Days(), endHeader, null, openConvention));
        root.getChildren().add(group(new Kind("overdue", "dashboard.alert.overdue", "dashboard.alert.overdue.none",
                        true), alerts.reportsOverdue(), i18n.get("dashboard.list.column.due"),
                i18n.get("dashboard.list.column.campaign"),
                a -> n -> n.openOverdueReport(Integer.parseInt(a.detail()), a.conventionId())));
        root.getChildren().add(group(new Kind("withoutEngagement", "dashboard.alert.withoutEngagement",
                "dashboard.alert.withoutEngagement.none", false), alerts.withoutEngagement(), endHeader, null,
                openConvention));
        root.getChildren().add(group(new Kind("withoutTarget", "dashboard.alert.withoutTarget",
                        "dashboard.alert.withoutTarget.none", false), alerts.withoutTarget(), endHeader,
                i18n.get("dashboard.list.column.actionType"), a -> n -> n.openConventionEngagements(a.conventionId())));
    }

    /** An alert: its node ids' stem, its title and empty-state keys, whether it is urgent (red count). */
    private record Kind(String id, String titleKey, String noneKey, boolean urgent) {
    }

    private VBox group(Kind kind, AlertList alert, String dateHeader, String detailHeader,
                       Function<DashboardAlert, Consumer<Navigator>> open) {
        var i18n = ui.i18n();
        String key = kind.id();
        boolean urgent = kind.urgent();
        String heading = i18n.get(kind.titleKey());
        Label name = new Label(heading);
        name.getStyleClass().add("alert-name");
        name.setWrapText(true);
        Label count = new Label(Formats.integer(alert.count()));
        count.setId("alert-" + key + "-count");
        count.getStyleClass().addAll("alert-count", alert.count() == 0 ? "none" : urgent ? "urgent" : "some");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, name, gap, count);
        VBox box = new VBox(2, header);
        box.setId("alert-" + key);
        box.getStyleClass().add("alert-group");
        if (alert.count() == 0) {
            Label none = new Label(i18n.get(kind.noneKey()));
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            box.getChildren().add(none);
            return box;
        }
        Runnable all = () -> new ConventionsDialog(ui, navigator).showAlert(window.get(), heading, alert, dateHeader,
                detailHeader, open);
        alert.items().stream().limit(LINES_SHOWN).forEach(a -> {
            String text = a.detail().isEmpty() || detailHeader == null
                    ? i18n.format("dashboard.alert.line", a.reference(), a.companyName(), Formats.date(a.date()))
                    : i18n.format("dashboard.alert.lineDetail", a.reference(), a.companyName(), Formats.date(a.date()),
                    a.detail());
            Hyperlink line = new Hyperlink(text);
            line.getStyleClass().add("alert-line");
            line.setWrapText(true);
            line.setOnAction(e -> open.apply(a).accept(navigator));
            box.getChildren().add(line);
        });
        Hyperlink more = new Hyperlink(i18n.format("dashboard.alert.all", alert.count()));
        more.setId("alert-" + key + "-all");
        more.getStyleClass().add("alert-more");
        more.setOnAction(e -> all.run());
        box.getChildren().add(more);
        return box;
    }
}
