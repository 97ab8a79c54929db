package fr.ancrage.ui.territories;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.ReferenceDataVersion;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.SectionShortcuts;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Territoires: the national administrative divisions (department → EPCI → commune, with a search
 * of any commune) and the QPVs the team works with ({@link QpvTab}).
 */
public final class TerritoriesView implements Section {

    /** Natures of EPCI as the reference data spells them, with their labels. */
    private static final Map<String, String> NATURES = Map.of(
            "CA", "territories.epci.nature.CA",
            "CC", "territories.epci.nature.CC",
            "CU", "territories.epci.nature.CU",
            "METRO", "territories.epci.nature.METRO",
            "MET69", "territories.epci.nature.MET69");

    private final UiContext ui;
    private final TerritoriesViewModel vm;
    private final QpvTab qpvTab;
    private Parent root;

    @FXML private Label referenceLabel;
    @FXML private CustomTextField communeSearchField;
    @FXML private Label communeSearchStatus;
    @FXML private ListView<Commune> communeMatchList;
    @FXML private CustomTextField departmentFilterField;
    @FXML private TableView<Department> departmentTable;
    @FXML private TableColumn<Department, String> departmentCodeColumn;
    @FXML private TableColumn<Department, String> departmentNameColumn;
    @FXML private CustomTextField epciFilterField;
    @FXML private TableView<Epci> epciTable;
    @FXML private TableColumn<Epci, String> epciNameColumn;
    @FXML private TableColumn<Epci, String> epciNatureColumn;
    @FXML private TableColumn<Epci, Integer> epciPopulationColumn;
    @FXML private CustomTextField communeFilterField;
    @FXML private TableView<Commune> communeTable;
    @FXML private TableColumn<Commune, String> communeNameColumn;
    @FXML private TableColumn<Commune, String> communeCodeColumn;
    @FXML private TableColumn<Commune, String> communePostcodesColumn;
    @FXML private TableColumn<Commune, Integer> communePopulationColumn;
    @FXML private CustomTextField qpvFilterField;
    @FXML private TableView<QpvListViewModel.Row> qpvTable;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvCodeColumn;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvNameColumn;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvVersionColumn;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvDepartmentColumn;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvEpciColumn;
    @FXML private TableColumn<QpvListViewModel.Row, String> qpvCommunesColumn;
    @FXML private Button newQpvButton;
    @FXML private Button editQpvButton;
    @FXML private Button deleteQpvButton;
    @FXML private Label qpvCountLabel;
    @FXML private Button importQpvListButton;
    @FXML private javafx.scene.control.TabPane tabs;
    @FXML private javafx.scene.control.Tab qpvListTab;
    private final fr.ancrage.service.imports.QpvListImport qpvList;
    private final fr.ancrage.service.imports.ReferenceUpdateImport reference;
    private fr.ancrage.ui.imports.SheetFiles files;
    private Runnable onReferenceUpdated = () -> { };

    public TerritoriesView(UiContext ui, TerritoryService territories,
                           fr.ancrage.service.imports.QpvListImport qpvList,
                           fr.ancrage.service.imports.ReferenceUpdateImport reference) {
        this.ui = ui;
        this.qpvList = qpvList;
        this.reference = reference;
        this.files = fr.ancrage.ui.imports.SheetFiles.system(ui.i18n());
        this.vm = new TerritoriesViewModel(ui.tasks(), territories);
        this.qpvTab = new QpvTab(ui, vm.qpvs(), this::window);
        vm.setOnFailure(e -> showError(ui.i18n().get("error.title"), e));
    }

    @Override
    public String id() {
        return "territories";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignM.MAP_MARKER_RADIUS;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(TerritoriesView.class, () -> this);
        }
        return root;
    }

    /** Ctrl+N: a new QPV, on the QPV tab; Ctrl+F: the search or filter field of the tab shown. */
    @Override
    public SectionShortcuts shortcuts() {
        return SectionShortcuts.of(newQpvButton, null, communeSearchField, departmentFilterField,
                epciFilterField, communeFilterField, qpvFilterField);
    }

    @Override
    public void activate() {
        root();
        vm.activate();
    }

    public TerritoriesViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        referenceLabel.textProperty().bind(Bindings.createStringBinding(this::referenceText,
                vm.referenceVersionProperty(), vm.loadedProperty()));
        new CommuneSearchBar(ui.i18n(), vm).bind(communeSearchField, communeSearchStatus, communeMatchList,
                communeTable::requestFocus);
        bindDepartments();
        bindEpcis();
        bindCommunes();
        TableColumns.remember(ui, departmentTable, "territories-departments", departmentNameColumn);
        TableColumns.remember(ui, epciTable, "territories-epcis", epciNameColumn);
        TableColumns.remember(ui, communeTable, "territories-communes", communeNameColumn);
        TableColumns.remember(ui, qpvTable, "territories-qpvs", qpvNameColumn);
        for (TableView<?> table : List.of(departmentTable, epciTable, communeTable)) {
            table.addEventFilter(KeyEvent.KEY_PRESSED, this::tabBetweenLists);
        }
        newQpvButton.setGraphic(new FontIcon(MaterialDesignP.PLUS));
        importQpvListButton.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FILE_IMPORT_OUTLINE));
        Keys.downEntersList(departmentFilterField, departmentTable);
        Keys.downEntersList(epciFilterField, epciTable);
        Keys.downEntersList(communeFilterField, communeTable);
        Keys.downEntersList(qpvFilterField, qpvTable);
        qpvTab.bind(new QpvTab.Controls(qpvFilterField, qpvTable, qpvCodeColumn, qpvNameColumn, qpvVersionColumn,
                qpvDepartmentColumn, qpvEpciColumn, qpvCommunesColumn, editQpvButton, deleteQpvButton, qpvCountLabel));
    }

    @FXML
    private void onNewQpv() {
        qpvTab.create();
    }

    @FXML
    private void onEditQpv() {
        qpvTab.editSelected();
    }

    @FXML
    private void onDeleteQpv() {
        qpvTab.deleteSelected();
    }

    @FXML
    private void onImportQpvList() {
        chooseAndImportQpvList(root.getScene().getWindow());
    }

    /**
     * Asks for the official QPV list (the ANCT's CSV, a spreadsheet of its columns, or its GeoJSON),
     * then shows what it would change; the QPV list is reloaded once it wrote (also from « Importer… »).
     */
    public void chooseAndImportQpvList(Window owner) {
        root();
        files.openQpvList(owner).ifPresent(file -> {
            var model = new fr.ancrage.ui.imports.QpvListImportViewModel(ui.i18n(), qpvList, ui.tasks(), ui.errors(),
                    file, () -> vm.qpvs().load());
            new fr.ancrage.ui.imports.QpvListImportDialog(ui, model, files::saveReport).show(owner);
        });
    }

    /** Asks for the folder of a newer release of the administrative divisions, then shows what it changes. */
    public void chooseAndUpdateReference(Window owner) {
        root();
        files.openReferenceFolder(owner).ifPresent(folder -> {
            var model = new fr.ancrage.ui.imports.ReferenceUpdateViewModel(ui.i18n(), reference, ui.tasks(),
                    ui.errors(), folder, () -> {
                        vm.reload();
                        onReferenceUpdated.run();
                    });
            new fr.ancrage.ui.imports.ReferenceUpdateDialog(ui, model, files::saveReport).show(owner);
        });
    }

    @FXML
    private void onUpdateReference() {
        chooseAndUpdateReference(root.getScene().getWindow());
    }

    /** Called once the reference data was updated: the other screens read their territories again. */
    public void setOnReferenceUpdated(Runnable action) {
        this.onReferenceUpdated = action;
    }

    /** Shows the QPV tab. */
    public void showQpvs() {
        root();
        tabs.getSelectionModel().select(qpvListTab);
    }

    /** Where the QPV list is read from and its report saved; replaced in the tests. */
    public void useFiles(fr.ancrage.ui.imports.SheetFiles files) {
        this.files = files;
    }

    private String referenceText() {
        I18n i18n = ui.i18n();
        ReferenceDataVersion v = vm.referenceVersionProperty().get();
        if (v == null) {
            return i18n.get(vm.loadedProperty().get() ? "territories.reference.missing" : "territories.loading");
        }
        return i18n.format("territories.reference.version", v.label(), Formats.integer(v.departments()),
                Formats.integer(v.epcis()), Formats.integer(v.communes()));
    }

    private void bindDepartments() {
        var list = vm.departments();
        departmentFilterField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        departmentFilterField.textProperty().bindBidirectional(list.filterProperty());
        TableSupport.text(departmentCodeColumn, Department::code);
        TableSupport.text(departmentNameColumn, Department::name);
        TableSupport.link(departmentTable, list.visible(), list.selectedProperty());
        TableSupport.searchLeadsTo(departmentFilterField, departmentTable);
        TableSupport.placeholder(departmentTable, () -> emptyText(!vm.loadedProperty().get(), null,
                        list.filterProperty().get(), list.items().isEmpty(), "territories.departments.empty"),
                vm.loadedProperty(), list.filterProperty(), list.items());
    }

    private void bindEpcis() {
        I18n i18n = ui.i18n();
        var list = vm.epcis();
        epciFilterField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        epciFilterField.textProperty().bindBidirectional(list.filterProperty());
        TableSupport.text(epciNameColumn, e -> TerritoriesViewModel.isNoEpci(e)
                ? i18n.get("territories.epci.none") : e.name());
        TableSupport.text(epciNatureColumn, e -> natureLabel(e.nature()));
        TableSupport.population(epciPopulationColumn, Epci::population);
        TableSupport.link(epciTable, list.visible(), list.selectedProperty());
        TableSupport.searchLeadsTo(epciFilterField, epciTable);
        var department = vm.departments().selectedProperty();
        TableSupport.placeholder(epciTable, () -> emptyText(list.isLoading(),
                        department.get() == null ? "territories.epcis.select" : null, list.filterProperty().get(),
                        list.items().isEmpty(), "territories.epcis.empty"),
                list.loadingProperty(), department, list.filterProperty(), list.items());
    }

    private void bindCommunes() {
        var list = vm.communes();
        communeFilterField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        communeFilterField.textProperty().bindBidirectional(list.filterProperty());
        TableSupport.text(communeNameColumn, Commune::name);
        TableSupport.text(communeCodeColumn, Commune::code);
        TableSupport.text(communePostcodesColumn, c -> c.postcodes().replace(",", ", "));
        TableSupport.population(communePopulationColumn, Commune::population);
        TableSupport.link(communeTable, list.visible(), list.selectedProperty());
        TableSupport.searchLeadsTo(communeFilterField, communeTable);
        var epci = vm.epcis().selectedProperty();
        TableSupport.placeholder(communeTable, () -> emptyText(list.isLoading(),
                        epci.get() == null ? "territories.communes.select" : null, list.filterProperty().get(),
                        list.items().isEmpty(), "territories.communes.empty"),
                list.loadingProperty(), epci, list.filterProperty(), list.items());
    }

    /** The text of an empty list: loading, waiting for a choice upstream, nothing found, or nothing. */
    private String emptyText(boolean loading, String waitingKey, String filter, boolean noItems, String emptyKey) {
        I18n i18n = ui.i18n();
        if (loading) {
            return i18n.get("territories.loading");
        }
        if (waitingKey != null) {
            return i18n.get(waitingKey);
        }
        if (!noItems && filter != null && !filter.isBlank()) {
            return i18n.get("territories.filter.none");
        }
        return i18n.get(emptyKey);
    }

    /** CA, CC, CU, METRO... in words; an unknown nature is shown as stored. */
    private String natureLabel(String nature) {
        String key = NATURES.get(nature == null ? "" : nature);
        return key == null ? Objects.toString(nature, "") : ui.i18n().get(key);
    }

    /** Tab and Shift+Tab jump from list to list, landing on a row so that the arrows work at once. */
    private void tabBetweenLists(KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown()) {
            return;
        }
        List<TableView<?>> order = List.of(departmentTable, epciTable, communeTable);
        int index = order.indexOf(e.getSource());
        int next = index + (e.isShiftDown() ? -1 : 1);
        if (index >= 0 && next >= 0 && next < order.size()) {
            TableSupport.enter(order.get(next));
            e.consume();
        }
    }

    private void showError(String title, Throwable error) {
        ui.dialogs().error(window(), title, ui.errors().describe(error));
    }

    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }
}
