package fr.ancrage.ui.organisations;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.DuplicateCandidate;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.ListExport;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.documents.ListExports;
import fr.ancrage.ui.common.DetailSupport;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.SectionShortcuts;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.engagements.TotalsPane;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Organisations: list with search and filters, and the detail (form, contacts, conventions). */
public final class OrganisationsView implements Section {

    private final UiContext ui;
    private final OrganisationService service;
    private final ConventionService conventions;
    private final Navigator navigator;
    private final OrganisationsViewModel list;
    private final OrganisationFormViewModel form = new OrganisationFormViewModel();
    private final ContactsPane contacts;
    private Parent root;
    private UUID pendingSelection;
    private final DetailSupport support;

    @FXML private CustomTextField searchField;
    @FXML private Button newButton;
    @FXML private Button clearFiltersButton;
    @FXML private ComboBox<OrganisationKind> kindFilter;
    @FXML private ComboBox<Department> departmentFilter;
    @FXML private ComboBox<Epci> epciFilter;
    @FXML private TableView<OrganisationListItem> table;
    @FXML private TableColumn<OrganisationListItem, String> nameColumn;
    @FXML private TableColumn<OrganisationListItem, String> kindColumn;
    @FXML private TableColumn<OrganisationListItem, String> siretColumn;
    @FXML private TableColumn<OrganisationListItem, String> communeColumn;
    @FXML private TableColumn<OrganisationListItem, Number> conventionsColumn;
    @FXML private Label countLabel;
    @FXML private TableColumn<OrganisationListItem, String> epciColumn;
    @FXML private Button exportListButton;
    private final DocumentService documents;
    private ListExport<OrganisationListItem> listExport;
    @FXML private Label emptyDetail;
    @FXML private VBox detail;
    @FXML private Label detailTitle;
    @FXML private TabPane tabs;
    @FXML private Tab formTab;
    @FXML private Tab contactsTab;
    @FXML private Tab conventionsTab;
    @FXML private ComboBox<OrganisationKind> kindBox;
    @FXML private TextField legalNameField;
    @FXML private Label legalNameMessage;
    @FXML private TextField siretField;
    @FXML private Label siretMessage;
    @FXML private TextField sirenField;
    @FXML private Label sirenMessage;
    @FXML private TextField nafField;
    @FXML private Label nafMessage;
    @FXML private ComboBox<SizeBand> sizeBandBox;
    @FXML private TextField addressField;
    @FXML private TextField communeField;
    @FXML private Label communeMessage;
    @FXML private TextField postcodeField;
    @FXML private Label postcodeMessage;
    @FXML private CheckBox inQpvCheck;
    @FXML private CheckBox paqteCheck;
    @FXML private TextField networksField;
    @FXML private TextArea notesArea;
    @FXML private Label formStatus;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private Button deleteButton;
    @FXML private TableView<fr.ancrage.domain.Contact> contactsTable;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactCivilityColumn;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactNameColumn;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactTitleColumn;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactEmailColumn;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactPhoneColumn;
    @FXML private TableColumn<fr.ancrage.domain.Contact, String> contactSignColumn;
    @FXML private Button editContactButton;
    @FXML private Button deleteContactButton;
    @FXML private TableView<ConventionListItem> conventionsTable;
    @FXML private TableColumn<ConventionListItem, String> conventionRefColumn;
    @FXML private TableColumn<ConventionListItem, String> conventionStatusColumn;
    @FXML private TableColumn<ConventionListItem, String> conventionFrameworkColumn;
    @FXML private TableColumn<ConventionListItem, String> conventionEndColumn;
    @FXML private Button newConventionButton;
    @FXML private Button openConventionButton;
    @FXML private Tab totalsTab;
    private final EngagementService engagements;
    private final fr.ancrage.service.imports.SheetImports sheets;
    private fr.ancrage.ui.imports.SheetFiles sheetFiles;
    private final TotalsPane totalsPane;

    public OrganisationsView(UiContext ui, OrganisationService service, ConventionService conventions,
                             TerritoryService territories, EngagementService engagements, DocumentService documents,
                             fr.ancrage.service.imports.SheetImports sheets, Navigator navigator) {
        this.ui = ui;
        this.sheets = sheets;
        this.documents = documents;
        this.engagements = engagements;
        this.totalsPane = new TotalsPane(ui, "company", "totals.intro.company");
        this.service = service;
        this.conventions = conventions;
        this.navigator = navigator;
        this.list = new OrganisationsViewModel(service, territories, ui.tasks());
        this.support = new DetailSupport(ui, () -> root, form.dirtyProperty());
        this.contacts = new ContactsPane(ui, service);
        this.sheetFiles = fr.ancrage.ui.imports.SheetFiles.system(ui.i18n());
    }

    @Override
    public String id() {
        return "organisations";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignD.DOMAIN;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(OrganisationsView.class, () -> this);
        }
        return root;
    }

    @Override
    public boolean hasUnsavedChanges() {
        return form.dirtyProperty().get();
    }

    @Override
    public SectionShortcuts shortcuts() {
        return SectionShortcuts.of(newButton, saveButton, searchField);
    }

    @Override
    public void activate() {
        reload(null);
    }

    public OrganisationsViewModel listModel() {
        return list;
    }

    public OrganisationFormViewModel formModel() {
        return form;
    }

    /** Shows the organisation, after the list is loaded if needed. */
    public void open(UUID id) {
        pendingSelection = id;
        if (list.loadedProperty().get()) {
            list.clearFilters();
            selectPending();
        }
    }

    /** « Importer un tableur… »: the file, then the import's steps; the list reloaded after it wrote. */
    @FXML
    private void onImportSheet() {
        chooseAndImportSheet(root.getScene().getWindow());
    }

    /** Asks for an organisations spreadsheet, then opens its import (also from « Importer… »). */
    public void chooseAndImportSheet(javafx.stage.Window owner) {
        root();
        sheetFiles.open(owner).ifPresent(file -> {
            var model = new fr.ancrage.ui.imports.SheetImportViewModel(ui.i18n(), sheets, ui.tasks(), ui.errors(), file,
                    () -> reload(null));
            new fr.ancrage.ui.imports.SheetImportDialog(ui, model, sheetFiles::saveReport).show(owner);
        });
    }

    /** Where the spreadsheet is read from and its report saved; replaced in the tests. */
    public void useSheetFiles(fr.ancrage.ui.imports.SheetFiles files) {
        this.sheetFiles = files;
    }

    @FXML
    private void onExportList() {
        listExport.offer(support.window());
    }

    /** The list export of this screen (what the table shows, with its filters). */
    public ListExport<OrganisationListItem> listExport() {
        root();
        return listExport;
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        TableColumns.remember(ui, table, "organisations", nameColumn);
        Layouts.fullTextTooltip(detailTitle);
        TableColumns.remember(ui, conventionsTable, "organisations-conventions");
        totalsTab.setContent(totalsPane.root());
        searchField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        clearFiltersButton.setGraphic(new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clearFiltersButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("filters.clear")));
        clearFiltersButton.setAccessibleText(i18n.get("filters.clear"));
        searchField.textProperty().bindBidirectional(list.searchTextProperty());
        Cells.choices(kindFilter, List.of(OrganisationKind.values()), i18n::label, i18n.get("filters.allKinds"));
        kindFilter.valueProperty().bindBidirectional(list.kindFilterProperty());
        Cells.choices(departmentFilter, list.departments(), Department::label, i18n.get("filters.allDepartments"));
        departmentFilter.valueProperty().bindBidirectional(list.departmentFilterProperty());
        Cells.choices(epciFilter, list.epciChoices(), Epci::name, i18n.get("filters.allEpcis"));
        epciFilter.valueProperty().bindBidirectional(list.epciFilterProperty());

        Cells.text(nameColumn, item -> item.organisation().legalName());
        Cells.text(kindColumn, item -> i18n.label(item.organisation().kind()));
        Cells.text(siretColumn, item -> Siret.format(item.organisation().siret()));
        Cells.text(communeColumn, OrganisationListItem::communeName);
        Cells.text(epciColumn, OrganisationListItem::epciName);
        listExport = new ListExport<>(ui, documents, table, ListExports.organisationColumns(i18n),
                i18n.get("doc.list.organisations"))
                .search(searchField)
                .filter(i18n.get("organisations.column.kind"), kindFilter)
                .filter(i18n.get("conventions.column.department"), departmentFilter)
                .filter(i18n.get("organisations.column.epci"), epciFilter);
        ListExport.disableWhenEmpty(exportListButton, table);
        conventionsColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleIntegerProperty(
                c.getValue().conventionCount()));
        list.rows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(list.rows());
        table.setPlaceholder(new Label(i18n.get("organisations.list.empty")));
        table.getSortOrder().add(nameColumn);
        list.rows().addListener((javafx.collections.ListChangeListener<OrganisationListItem>) c -> updateCount());
        support.followSelection(table, this::onSelected);

        bindForm();
        contacts.bind(contactsTable, contactCivilityColumn, contactNameColumn, contactTitleColumn, contactEmailColumn,
                contactPhoneColumn, contactSignColumn, editContactButton, deleteContactButton);
        Cells.text(conventionRefColumn, ConventionListItem::reference);
        Cells.text(conventionStatusColumn, c -> i18n.label(c.status()));
        Cells.text(conventionFrameworkColumn, c -> i18n.label(c.framework()));
        Cells.text(conventionEndColumn, c -> Formats.date(c.endDate()));
        conventionsTable.setPlaceholder(new Label(i18n.get("organisations.conventions.empty")));
        openConventionButton.disableProperty().bind(conventionsTable.getSelectionModel().selectedItemProperty().isNull());
        Cells.onOpen(conventionsTable, item -> navigator.openConvention(item.id()));
        showDetail(false);
    }

    private void bindForm() {
        var i18n = ui.i18n();
        Cells.choices(kindBox, List.of(OrganisationKind.values()), i18n::label, null);
        kindBox.valueProperty().bindBidirectional(form.kindProperty());
        Cells.choices(sizeBandBox, List.of(SizeBand.values()), i18n::label, i18n.get("organisation.sizeBand.none"));
        sizeBandBox.valueProperty().bindBidirectional(form.sizeBandProperty());
        Cells.limit(legalNameField, OrganisationRules.MAX_NAME, ui.i18n());
        Cells.digits(siretField, 20, ui.i18n());
        Cells.digits(sirenField, 12, ui.i18n());
        Cells.limit(nafField, 7, ui.i18n());
        Cells.limit(addressField, 300, ui.i18n());
        Cells.digits(postcodeField, 5, ui.i18n());
        Cells.limit(networksField, 500, ui.i18n());
        Cells.limit(notesArea, 4000, ui.i18n());
        legalNameField.textProperty().bindBidirectional(form.legalNameProperty());
        siretField.textProperty().bindBidirectional(form.siretProperty());
        sirenField.textProperty().bindBidirectional(form.sirenProperty());
        nafField.textProperty().bindBidirectional(form.nafProperty());
        addressField.textProperty().bindBidirectional(form.addressProperty());
        postcodeField.textProperty().bindBidirectional(form.postcodeProperty());
        communeField.textProperty().bindBidirectional(form.communeTextProperty());
        inQpvCheck.selectedProperty().bindBidirectional(form.inQpvProperty());
        paqteCheck.selectedProperty().bindBidirectional(form.paqteMemberProperty());
        networksField.textProperty().bindBidirectional(form.networksProperty());
        notesArea.textProperty().bindBidirectional(form.notesProperty());
        FieldFeedback.bind(legalNameField, legalNameMessage, form.issues(OrganisationRules.LEGAL_NAME), i18n);
        FieldFeedback.bind(siretField, siretMessage, form.issues(OrganisationRules.SIRET), i18n);
        FieldFeedback.bind(sirenField, sirenMessage, form.issues(OrganisationRules.SIREN), i18n);
        FieldFeedback.bind(nafField, nafMessage, form.issues(OrganisationRules.NAF), i18n);
        FieldFeedback.bind(postcodeField, postcodeMessage, form.issues(OrganisationRules.POSTCODE), i18n);
        FieldFeedback.bind(communeField, communeMessage, form.issues(OrganisationFormViewModel.COMMUNE), i18n);
        form.setCommuneLookup(this::findCommune);
        // suggestions read « Besançon (25056) », the text the field takes and the form reads back (without a
        // converter they showed Commune[code=…] and filled the field with it, issue 15)
        var completion = TextFields.bindAutoCompletion(communeField, request -> suggestCommunes(request.getUserText()),
                Cells.converter(Commune::label));
        completion.setVisibleRowCount(8);
        completion.getAutoCompletionPopup().getStyleClass().add("commune-suggestions");
        // a click elsewhere closes the suggestions and still reaches what was clicked
        completion.getAutoCompletionPopup().setConsumeAutoHidingEvents(false);
        // leaving the field (Tab, a click) closes them too
        communeField.focusedProperty().subscribe(focused -> {
            if (!focused) {
                completion.getAutoCompletionPopup().hide();
            }
        });
        saveButton.disableProperty().bind(form.dirtyProperty().not().and(form.originalProperty().isNotNull()));
        saveButton.setDefaultButton(true);
        cancelButton.disableProperty().bind(form.dirtyProperty().not());
        deleteButton.disableProperty().bind(form.originalProperty().isNull());
        formStatus.textProperty().bind(javafx.beans.binding.Bindings.when(form.dirtyProperty())
                .then(i18n.get("form.unsaved")).otherwise(""));
        contactsTab.disableProperty().bind(form.originalProperty().isNull());
        conventionsTab.disableProperty().bind(form.originalProperty().isNull());
        Keys.listAndForm(i18n, searchField, table, newButton, saveButton, cancelButton);
    }

    private List<Commune> suggestCommunes(String typed) {
        String key = Text.searchKey(typed);
        if (key.length() < 2) {
            return List.of();
        }
        return list.communes().stream()
                .filter(c -> Text.searchKey(c.name()).startsWith(key) || c.postcodes().contains(key)
                        || c.code().equals(key))
                .limit(15).toList();
    }

    private Commune findCommune(String text) {
        String key = Text.searchKey(text);
        return list.communes().stream()
                .filter(c -> c.label().equals(text) || Text.searchKey(c.label()).equals(key) || c.code().equals(text))
                .findFirst()
                .orElseGet(() -> {
                    var byName = list.communes().stream().filter(c -> Text.searchKey(c.name()).equals(key)).toList();
                    return byName.size() == 1 ? byName.getFirst() : null;
                });
    }

    private void reload(UUID select) {
        if (select != null) {
            pendingSelection = select;
        } else if (pendingSelection == null && form.originalProperty().get() != null) {
            pendingSelection = form.originalProperty().get().id();
        }
        list.load(support::showError, this::selectPending);
    }

    private void selectPending() {
        if (pendingSelection == null) {
            updateCount();
            return;
        }
        UUID wanted = pendingSelection;
        pendingSelection = null;
        list.rows().stream().filter(i -> i.organisation().id().equals(wanted)).findFirst().ifPresent(item -> {
            table.getSelectionModel().select(item);
            table.scrollTo(item);
        });
        updateCount();
    }

    private void updateCount() {
        countLabel.setText(ui.i18n().format("organisations.count", list.rows().size(), list.allItems().size()));
    }

    private void onSelected(OrganisationListItem old, OrganisationListItem now) {
        if (now == null) {
            if (!form.isNew() || !detail.isVisible()) {
                form.clear();
                showDetail(false);
            }
            return;
        }
        Organisation o = now.organisation();
        form.load(o, findCommune(o.communeCode()));
        detailTitle.setText(o.legalName());
        showDetail(true);
        contacts.show(o.id());
        ui.tasks().run(() -> conventions.listByCompany(o.id()), conventionsTable.getItems()::setAll, support::showError);
        totalsTab.setDisable(!o.kind().isCompany());
        totalsPane.show(null);
        if (o.kind().isCompany()) {
            ui.tasks().run(() -> engagements.companyTotals(o.id()), totalsPane::show, support::showError);
        }
    }

    private void showDetail(boolean visible) {
        detail.setVisible(visible);
        emptyDetail.setVisible(!visible);
    }

    @FXML
    private void onNew() {
        if (!support.mayLeaveForm()) {
            return;
        }
        table.getSelectionModel().clearSelection();
        form.clear();
        conventionsTable.getItems().clear();
        totalsPane.show(null);
        contacts.clear();
        detailTitle.setText(ui.i18n().get("organisations.new.title"));
        showDetail(true);
        tabs.getSelectionModel().select(formTab);
        legalNameField.requestFocus();
    }

    @FXML
    private void onClearFilters() {
        list.clearFilters();
    }

    @FXML
    private void onCancel() {
        Organisation o = form.originalProperty().get();
        if (o == null) {
            form.clear();
            showDetail(false);
        } else {
            form.load(o, findCommune(o.communeCode()));
        }
    }

    @FXML
    private void onSave() {
        if (!form.validateAll()) {
            focusField(form.firstErrorField());
            return;
        }
        Organisation candidate = form.toOrganisation();
        if (!form.isNew()) {
            save(candidate);
            return;
        }
        ui.tasks().run(() -> service.findPossibleDuplicates(candidate), found -> {
            if (found.isEmpty()) {
                save(candidate);
            } else {
                askAboutDuplicates(candidate, found);
            }
        }, support::showError);
    }

    private void askAboutDuplicates(Organisation candidate, List<DuplicateCandidate> found) {
        var i18n = ui.i18n();
        DuplicateCandidate first = found.getFirst();
        String lines = found.stream().limit(5).map(d -> "• " + d.existing().legalName()
                        + (d.existing().siret().isEmpty() ? "" : " (SIRET " + Siret.format(d.existing().siret()) + ")")
                        + " – " + i18n.label(d.reason()))
                .collect(Collectors.joining("\n"));
        // Escape and Enter go back to the form: creating the duplicate takes a click of its own
        int choice = ui.dialogs().chooseAmong(support.window(), i18n.get("organisations.duplicate.title"),
                i18n.format("organisations.duplicate.message", lines), List.of(i18n.get("organisations.duplicate.open"),
                        i18n.get("organisations.duplicate.createAnyway"), i18n.get("organisations.duplicate.back")), 2)
                .orElse(2);
        if (choice == 0) {
            form.clear();
            open(first.existing().id());
        } else if (choice == 1) {
            save(candidate);
        }
    }

    private void save(Organisation candidate) {
        support.save(() -> service.save(candidate), saved -> {
            form.dirtyProperty().set(false);
            reload(saved.id());
        }, form::showIssues, this::focusField);
    }

    @FXML
    private void onDelete() {
        Organisation o = form.originalProperty().get();
        if (o != null) {
            support.delete(ui.i18n().get("organisations.delete.title"),
                    ui.i18n().format("organisations.delete.message", o.legalName()), () -> service.deletionRefusal(o),
                    () -> service.delete(o), () -> {
                        form.clear();
                        showDetail(false);
                        reload(null);
                    });
        }
    }

    @FXML
    private void onAddContact() {
        contacts.add(support.window());
    }

    @FXML
    private void onEditContact() {
        contacts.edit(support.window());
    }

    @FXML
    private void onDeleteContact() {
        contacts.delete(support.window());
    }

    @FXML
    private void onNewConvention() {
        Organisation o = form.originalProperty().get();
        if (o != null) {
            navigator.newConvention(o.id());
        }
    }

    @FXML
    private void onOpenConvention() {
        ConventionListItem item = conventionsTable.getSelectionModel().getSelectedItem();
        if (item != null) {
            navigator.openConvention(item.id());
        }
    }

    private void focusField(String field) {
        Map<String, Control> controls = Map.of(OrganisationRules.LEGAL_NAME, legalNameField,
                OrganisationRules.SIRET, siretField, OrganisationRules.SIREN, sirenField,
                OrganisationRules.NAF, nafField, OrganisationRules.POSTCODE, postcodeField,
                OrganisationFormViewModel.COMMUNE, communeField);
        Control control = field == null ? null : controls.get(field);
        if (control != null) {
            tabs.getSelectionModel().select(formTab);
            control.requestFocus();
        }
    }

}
