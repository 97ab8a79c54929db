package fr.ancrage.ui.territories;

import fr.ancrage.domain.Qpv;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.function.Supplier;

/** The "Quartiers prioritaires (QPV)" tab: table, search, and the new / edit / delete actions. */
final class QpvTab {

    /** The controls of the tab, declared in Territories.fxml. */
    record Controls(CustomTextField filter, TableView<QpvListViewModel.Row> table,
                    TableColumn<QpvListViewModel.Row, String> code, TableColumn<QpvListViewModel.Row, String> name,
                    TableColumn<QpvListViewModel.Row, String> version,
                    TableColumn<QpvListViewModel.Row, String> department,
                    TableColumn<QpvListViewModel.Row, String> epci, TableColumn<QpvListViewModel.Row, String> communes,
                    Button edit, Button delete, Label count) {
    }

    private final UiContext ui;
    private final QpvListViewModel vm;
    private final Supplier<Window> window;

    QpvTab(UiContext ui, QpvListViewModel vm, Supplier<Window> window) {
        this.ui = ui;
        this.vm = vm;
        this.window = window;
    }

    void bind(Controls c) {
        I18n i18n = ui.i18n();
        c.filter().setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        c.filter().textProperty().bindBidirectional(vm.filterProperty());
        TableSupport.text(c.code(), r -> r.qpv().code());
        TableSupport.text(c.name(), r -> r.qpv().name());
        TableSupport.text(c.version(), r -> i18n.label(r.qpv().geographyVersion()));
        TableSupport.text(c.department(), QpvListViewModel.Row::department);
        TableSupport.text(c.epci(), QpvListViewModel.Row::epci);
        TableSupport.text(c.communes(), QpvListViewModel.Row::communes);
        TableSupport.link(c.table(), vm.visibleRows(), vm.selectedProperty());
        c.table().getSortOrder().add(c.code());
        TableSupport.placeholder(c.table(), () -> {
            if (!vm.loadedProperty().get()) {
                return i18n.get("territories.loading");
            }
            return i18n.get(vm.rows().isEmpty() ? "qpv.list.empty" : "territories.filter.none");
        }, vm.loadedProperty(), vm.rows());
        c.table().setRowFactory(t -> {
            TableRow<QpvListViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem().qpv());
                }
            });
            return row;
        });
        c.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                editSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            } else {
                return;
            }
            e.consume();
        });
        TableSupport.searchLeadsTo(c.filter(), c.table());
        c.edit().setGraphic(new FontIcon(MaterialDesignP.PENCIL));
        c.delete().setGraphic(new FontIcon(MaterialDesignD.DELETE));
        c.edit().disableProperty().bind(vm.selectedProperty().isNull());
        c.delete().disableProperty().bind(vm.selectedProperty().isNull());
        c.count().textProperty().bind(Bindings.createStringBinding(() -> vm.visibleRows().size() == vm.rows().size()
                        ? i18n.format("qpv.count", vm.rows().size())
                        : i18n.format("qpv.count.filtered", vm.visibleRows().size(), vm.rows().size()),
                vm.visibleRows(), vm.rows()));
    }

    void create() {
        open(vm.newForm());
    }

    void editSelected() {
        QpvListViewModel.Row row = vm.selectedProperty().get();
        if (row != null) {
            edit(row.qpv());
        }
    }

    private void edit(Qpv qpv) {
        open(vm.editForm(qpv));
    }

    private void open(QpvFormViewModel form) {
        new QpvEditor(ui, form).show(window.get(), vm::saved);
    }

    void deleteSelected() {
        QpvListViewModel.Row row = vm.selectedProperty().get();
        if (row == null) {
            return;
        }
        I18n i18n = ui.i18n();
        Qpv qpv = row.qpv();
        if (!ui.dialogs().confirm(window.get(), i18n.get("qpv.delete.title"),
                i18n.format("qpv.delete.confirm", qpv.label()), i18n.get("action.delete"))) {
            return;
        }
        vm.delete(qpv, () -> { }, e -> ui.dialogs().error(window.get(), i18n.get("qpv.delete.refused"),
                ui.errors().describe(e)));
    }
}
