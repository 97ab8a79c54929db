package fr.ancrage.ui.catalogue;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.ui.catalogue.CatalogueFormViewModel.Kind;
import fr.ancrage.ui.catalogue.CatalogueViewModel.IndicatorRow;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.DetailSupport;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The indicators of the open entry: those an action type's form asks for (added, removed and
 * ordered with the form), or all those of a category. Creating, deactivating and deleting an
 * indicator go to the store at once.
 */
final class IndicatorsPane {

    private final UiContext ui;
    private final CatalogueViewModel model;
    private final CatalogueFormViewModel form;
    private final DetailSupport support;
    private TableView<IndicatorRow> table;

    IndicatorsPane(UiContext ui, CatalogueViewModel model, DetailSupport support) {
        this.ui = ui;
        this.model = model;
        this.form = model.form();
        this.support = support;
    }

    /** The buttons, in this order: new, add existing, remove, up, down, edit, (de)activate, delete. */
    void bind(TableView<IndicatorRow> indicatorsTable, List<TableColumn<IndicatorRow, String>> columns,
              List<Button> buttons) {
        this.table = indicatorsTable;
        var i18n = ui.i18n();
        TableColumn<IndicatorRow, String> order = columns.get(0);
        TableColumns.remember(ui, table, "catalogue-indicators", columns.get(1));
        table.setItems(model.rows());
        Cells.text(order, r -> String.valueOf(model.rows().indexOf(r) + 1));
        Cells.text(columns.get(1), r -> r.indicator().name());
        Cells.text(columns.get(2), r -> i18n.label(r.indicator().unit()));
        Cells.text(columns.get(3), r -> i18n.get(r.indicator().summable() ? "common.yes" : "common.no"));
        Cells.text(columns.get(4), r -> i18n.get(r.indicator().active() ? "catalogue.state.active"
                : "catalogue.state.inactive"));
        Cells.text(columns.get(5), r -> i18n.format("catalogue.indicator.uses", r.uses()));
        table.setRowFactory(t -> {
            TableRow<IndicatorRow> row = new TableRow<>() {
                @Override
                protected void updateItem(IndicatorRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("inactive");
                    if (!empty && item != null && !item.indicator().active()) {
                        getStyleClass().add("inactive");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit();
                }
            });
            return row;
        });
        // the order column shows positions: they change when a row moves
        model.rows().addListener((ListChangeListener<IndicatorRow>) c -> table.refresh());

        Button create = buttons.get(0);
        Button addExisting = buttons.get(1);
        Button remove = buttons.get(2);
        Button up = buttons.get(3);
        Button down = buttons.get(4);
        Button edit = buttons.get(5);
        Button toggle = buttons.get(6);
        Button delete = buttons.get(7);
        var isType = form.kindProperty().isEqualTo(Kind.ACTION_TYPE);
        order.visibleProperty().bind(isType);
        for (Node n : List.of(addExisting, remove, up, down)) {
            n.visibleProperty().bind(isType);
            n.managedProperty().bind(isType);
        }
        up.setGraphic(new FontIcon(MaterialDesignA.ARROW_UP));
        down.setGraphic(new FontIcon(MaterialDesignA.ARROW_DOWN));
        up.setTooltip(new Tooltip(i18n.get("catalogue.indicator.up")));
        down.setTooltip(new Tooltip(i18n.get("catalogue.indicator.down")));
        up.setAccessibleText(i18n.get("catalogue.indicator.up"));
        down.setAccessibleText(i18n.get("catalogue.indicator.down"));
        // a new category must be saved before it can hold indicators
        create.disableProperty().bind(form.categoryIdProperty().isNull()
                .or(form.kindProperty().isEqualTo(Kind.CATEGORY).and(form.originalProperty().isNull())));
        addExisting.disableProperty().bind(Bindings.isEmpty(model.addable()));
        var selected = table.getSelectionModel().selectedItemProperty();
        var index = table.getSelectionModel().selectedIndexProperty();
        for (Button b : List.of(remove, edit, toggle, delete)) {
            b.disableProperty().bind(selected.isNull());
        }
        up.disableProperty().bind(selected.isNull().or(index.lessThanOrEqualTo(0)));
        down.disableProperty().bind(selected.isNull().or(index.greaterThanOrEqualTo(
                Bindings.size(model.rows()).subtract(1))));
        toggle.textProperty().bind(Bindings.createStringBinding(() ->
                i18n.get(selected.get() == null || selected.get().indicator().active()
                        ? "catalogue.indicator.deactivate" : "catalogue.indicator.reactivate"), selected));
    }

    private IndicatorRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void select(UUID id) {
        model.rows().stream().filter(r -> r.indicator().id().equals(id)).findFirst().ifPresent(r -> {
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        });
    }

    void create() {
        model.indicatorDraft().ifPresent(draft -> new IndicatorDialog(ui, draft,
                model.indicatorsOfCategory(draft.categoryId()), 0).showAndWait(support.window(), this::save));
    }

    void edit() {
        IndicatorRow row = selectedRow();
        if (row != null) {
            Indicator indicator = row.indicator();
            new IndicatorDialog(ui, indicator, model.indicatorsOfCategory(indicator.categoryId()), row.uses())
                    .showAndWait(support.window(), this::save);
        }
    }

    private void save(Indicator candidate, Runnable onSaved, Consumer<Throwable> onFailure) {
        model.saveIndicator(candidate, () -> {
            onSaved.run();
            select(candidate.id());
        }, onFailure);
    }

    void addExisting() {
        new IndicatorPicker(ui).choose(support.window(), List.copyOf(model.addable())).ifPresent(i -> {
            form.addIndicator(i.id());
            select(i.id());
        });
    }

    void remove() {
        IndicatorRow row = selectedRow();
        if (row != null) {
            form.removeIndicator(row.indicator().id());
        }
    }

    void move(int delta) {
        IndicatorRow row = selectedRow();
        if (row != null) {
            form.move(row.indicator().id(), delta);
            select(row.indicator().id());
        }
    }

    void toggleActive() {
        IndicatorRow row = selectedRow();
        if (row != null) {
            model.setIndicatorActive(row.indicator(), !row.indicator().active(), support::showError);
        }
    }

    void delete() {
        IndicatorRow row = selectedRow();
        if (row == null) {
            return;
        }
        Indicator indicator = row.indicator();
        var i18n = ui.i18n();
        // a used indicator cannot go: no question first, the refusal says what to do instead
        if (row.uses() == 0 && !ui.dialogs().confirm(support.window(), i18n.get("catalogue.indicator.delete.title"),
                i18n.format("catalogue.indicator.delete.message", indicator.name()), i18n.get("action.delete"))) {
            return;
        }
        model.deleteIndicator(indicator, () -> { }, error -> refused(ui, support, error, indicator.active(),
                () -> model.setIndicatorActive(indicator, false, support::showError)));
    }

    /** A refused deletion: the store's reason, with deactivation offered in its place. */
    static void refused(UiContext ui, DetailSupport support, Throwable error, boolean active, Runnable deactivate) {
        if (!(error instanceof RuleViolationException) || !active) {
            support.showError(error);
            return;
        }
        var i18n = ui.i18n();
        boolean choice = ui.dialogs().chooseAmong(support.window(), i18n.get("catalogue.delete.refused.title"),
                ui.errors().describe(error), List.of(i18n.get("catalogue.deactivate"), i18n.get("action.close")), 1)
                .orElse(1) == 0;
        if (choice) {
            deactivate.run();
        }
    }
}
