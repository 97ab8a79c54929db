package fr.ancrage.ui.conventions;

import fr.ancrage.ui.common.Layouts;
import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Signatory;
import fr.ancrage.service.CatalogueService;
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
import fr.ancrage.ui.engagements.BilanPane;
import fr.ancrage.ui.engagements.EngagementsView;
import fr.ancrage.ui.engagements.TotalsPane;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conventions: list with search and filters, detail form, targeted QPVs, signatories, status. */
public final class ConventionsView implements Section {

    private final UiContext ui;
    private final ConventionService service;
    private final OrganisationService organisations;
    private final Navigator navigator;
    private final ConventionsViewModel list;
    private final ConventionFormViewModel form = new ConventionFormViewModel();
    private final SignatoriesPane signatoriesPane;
    private Parent root;
    private UUID pendingSelection;
    private UUID pendingNewCompany;
    /** The last convention asked for the form; a result for an older request is dropped. */
    private long detailRequest;
    private boolean syncingQpvs;
    private final DetailSupport support;
    private final EngagementService engagements;
    private final DocumentService documents;
    private ListExport<ConventionListItem> listExport;
    private final EngagementsView engagementsView;
    private final TotalsPane totalsPane;
    private final BilanPane bilanPane;

    @FXML private CustomTextField searchField;
    @FXML private Button newButton;
    @FXML private Button clearFiltersButton;
    @FXML private ComboBox<ConventionStatus> statusFilter;
    @FXML private ComboBox<Framework> frameworkFilter;
    @FXML private ComboBox<Department> departmentFilter;
    @FXML private ComboBox<Epci> epciFilter;
    @FXML private ComboBox<EngagementCategory> categoryFilter;
    @FXML private ComboBox<ActionType> actionTypeFilter;
    @FXML private ComboBox<PaqteAxis> axisFilter;
    @FXML private Tab engagementsTab;
    @FXML private Tab totalsTab;
    @FXML private Tab bilanTab;
    @FXML private TableView<ConventionListItem> table;
    @FXML private TableColumn<ConventionListItem, String> referenceColumn;
    @FXML private TableColumn<ConventionListItem, String> companyColumn;
    @FXML private TableColumn<ConventionListItem, String> statusColumn;
    @FXML private TableColumn<ConventionListItem, String> epciColumn;
    @FXML private TableColumn<ConventionListItem, String> endColumn;
    @FXML private TableColumn<ConventionListItem, String> titleColumn;
    @FXML private TableColumn<ConventionListItem, String> frameworkColumn;
    @FXML private TableColumn<ConventionListItem, String> departmentColumn;
    @FXML private TableColumn<ConventionListItem, String> referentColumn;
    @FXML private TableColumn<ConventionListItem, String> signatureColumn;
    @FXML private TableColumn<ConventionListItem, String> startColumn;
    @FXML private Button exportListButton;
    @FXML private MenuButton documentsMenu;
    @FXML private Button exportSignatoriesButton;
    private ListExport<Signatory> signatoriesExport;
    @FXML private Label countLabel;
    @FXML private Label emptyDetail;
    @FXML private VBox detail;
    @FXML private Label detailTitle;
    @FXML private Label statusBadge;
    @FXML private MenuButton statusMenu;
    @FXML private TabPane tabs;
    @FXML private Tab formTab;
    @FXML private Label referenceLabel;
    @FXML private SearchableComboBox<Organisation> companyBox;
    @FXML private Label companyMessage;
    @FXML private TextField titleField;
    @FXML private ComboBox<Framework> frameworkBox;
    @FXML private SearchableComboBox<Department> departmentBox;
    @FXML private Label departmentMessage;
    @FXML private SearchableComboBox<Epci> epciBox;
    @FXML private TextField referentField;
    @FXML private DatePicker signaturePicker;
    @FXML private Label signatureMessage;
    @FXML private DatePicker startPicker;
    @FXML private Label startMessage;
    @FXML private DatePicker endPicker;
    @FXML private Label endMessage;
    @FXML private TextArea notesArea;
    @FXML private Label qpvHint;
    @FXML private CheckListView<Qpv> qpvList;
    @FXML private TableView<Signatory> signatoriesTable;
    @FXML private TableColumn<Signatory, String> signatoryOrderColumn;
    @FXML private TableColumn<Signatory, String> signatoryRoleColumn;
    @FXML private TableColumn<Signatory, String> signatoryNameColumn;
    @FXML private TableColumn<Signatory, String> signatoryTitleColumn;
    @FXML private Button editSignatoryButton;
    @FXML private Button removeSignatoryButton;
    @FXML private Button upSignatoryButton;
    @FXML private Button downSignatoryButton;
    @FXML private Label formStatus;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private Button deleteButton;
    @FXML private Button companyButton;
    @FXML private javafx.scene.layout.VBox signedBanner;
    @FXML private Label signedLabel;
    @FXML private Button unlockSignedButton;
    @FXML private javafx.scene.layout.Pane signatoryTools;

    public ConventionsView(UiContext ui, ConventionService service, OrganisationService organisations,
                           TerritoryService territories, EngagementService engagements, CatalogueService catalogues,
                           DocumentService documents, Navigator navigator) {
        this.ui = ui;
        this.documents = documents;
        this.service = service;
        this.organisations = organisations;
        this.navigator = navigator;
        this.engagements = engagements;
        this.list = new ConventionsViewModel(service, organisations, territories, engagements, catalogues, ui.tasks());
        this.support = new DetailSupport(ui, () -> root, form.dirtyProperty());
        this.engagementsView = new EngagementsView(ui, engagements, catalogues,
                () -> organisations.list().stream().map(i -> i.organisation()).toList(), support::window,
                this::engagementsChanged);
        this.totalsPane = new TotalsPane(ui, "convention", "totals.intro.convention");
        this.bilanPane = new BilanPane(ui, engagements, support::window, this::engagementsChanged);
        this.signatoriesPane = new SignatoriesPane(ui, form.signatories(), organisations);
    }

    @Override
    public String id() {
        return "conventions";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignF.FILE_SIGN;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(ConventionsView.class, () -> this);
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
        if (pendingSelection == null && form.originalProperty().get() != null) {
            pendingSelection = form.originalProperty().get().id();
        }
        list.load(support::showError, this::afterLoad);
    }

    public void open(UUID conventionId) {
        pendingSelection = conventionId;
    }

    /** Like {@link #open}, on the convention's Engagements tab. */
    public void openOnEngagements(UUID conventionId) {
        root();
        pendingSelection = conventionId;
        tabs.getSelectionModel().select(engagementsTab);
    }

    public void newFor(UUID companyId) {
        pendingNewCompany = companyId;
    }

    public ConventionsViewModel listModel() {
        return list;
    }

    public ConventionFormViewModel formModel() {
        return form;
    }

    private void afterLoad() {
        updateCount();
        if (pendingNewCompany != null) {
            UUID company = pendingNewCompany;
            pendingNewCompany = null;
            // the company goes into a new, empty form only: when the user keeps the convention open
            // (unsaved changes), it must not slip into that convention (issue 15, defect 2)
            if (startNew()) {
                companyBox.getItems().stream().filter(o -> o.id().equals(company)).findFirst()
                        .ifPresent(form.companyProperty()::set);
            }
        } else if (pendingSelection != null) {
            UUID wanted = pendingSelection;
            pendingSelection = null;
            if (list.rows().stream().noneMatch(i -> i.id().equals(wanted))) {
                list.clearFilters();
            }
            list.rows().stream().filter(i -> i.id().equals(wanted)).findFirst().ifPresent(item -> {
                ConventionListItem selected = table.getSelectionModel().getSelectedItem();
                if (selected == null || !selected.id().equals(wanted)) {
                    // the selection asks about unsaved changes, then loads it or stays
                    table.getSelectionModel().select(item);
                } else if (!form.dirtyProperty().get()) {
                    loadDetail(item); // the convention shown, up to date; not over the user's changes
                }
                table.scrollTo(item);
            });
        }
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        TableColumns.remember(ui, table, "conventions", companyColumn);
        Layouts.fullTextTooltip(detailTitle);
        searchField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        clearFiltersButton.setGraphic(new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clearFiltersButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("filters.clear")));
        clearFiltersButton.setAccessibleText(i18n.get("filters.clear"));
        searchField.textProperty().bindBidirectional(list.searchTextProperty());
        Cells.choices(statusFilter, List.of(ConventionStatus.values()), i18n::label, i18n.get("filters.allStatuses"));
        statusFilter.valueProperty().bindBidirectional(list.statusFilterProperty());
        Cells.choices(frameworkFilter, List.of(Framework.values()), i18n::label, i18n.get("filters.allFrameworks"));
        frameworkFilter.valueProperty().bindBidirectional(list.frameworkFilterProperty());
        Cells.choices(departmentFilter, list.departments(), Department::label, i18n.get("filters.allDepartments"));
        departmentFilter.valueProperty().bindBidirectional(list.departmentFilterProperty());
        Cells.choices(epciFilter, list.epciChoices(), Epci::name, i18n.get("filters.allEpcis"));
        epciFilter.valueProperty().bindBidirectional(list.epciFilterProperty());
        Cells.choices(categoryFilter, list.categories(), EngagementCategory::name, i18n.get("filters.allCategories"));
        categoryFilter.valueProperty().bindBidirectional(list.categoryFilterProperty());
        Cells.choices(actionTypeFilter, list.actionTypeChoices(), ActionType::name, i18n.get("filters.allActionTypes"));
        actionTypeFilter.valueProperty().bindBidirectional(list.actionTypeFilterProperty());
        Cells.choices(axisFilter, List.of(PaqteAxis.values()), i18n::label, i18n.get("filters.allAxes"));
        axisFilter.valueProperty().bindBidirectional(list.axisFilterProperty());
        engagementsTab.setContent(engagementsView.root());
        totalsTab.setContent(totalsPane.root());
        bilanTab.setContent(bilanPane.root());

        Cells.text(referenceColumn, ConventionListItem::reference);
        Cells.text(companyColumn, ConventionListItem::companyName);
        Cells.text(statusColumn, c -> i18n.label(c.status()));
        Cells.text(epciColumn, ConventionListItem::epciName);
        Cells.text(endColumn, c -> Formats.date(c.endDate()));
        Cells.text(titleColumn, ConventionListItem::title);
        Cells.text(frameworkColumn, c -> i18n.label(c.framework()));
        Cells.text(departmentColumn, ConventionListItem::departmentCode);
        Cells.text(referentColumn, ConventionListItem::stateReferent);
        Cells.text(signatureColumn, c -> Formats.date(c.signatureDate()));
        Cells.text(startColumn, c -> Formats.date(c.startDate()));
        listExport = new ListExport<>(ui, documents, table, ListExports.conventionColumns(i18n), i18n.get("doc.list.conventions"))
                .search(searchField)
                .filter(i18n.get("conventions.column.status"), statusFilter)
                .filter(i18n.get("conventions.column.framework"), frameworkFilter)
                .filter(i18n.get("conventions.column.department"), departmentFilter)
                .filter(i18n.get("conventions.column.epci"), epciFilter)
                .filter(i18n.get("list.filter.category"), categoryFilter)
                .filter(i18n.get("list.filter.actionType"), actionTypeFilter)
                .filter(i18n.get("list.filter.axis"), axisFilter);
        ListExport.disableWhenEmpty(exportListButton, table);
        documentsMenu.disableProperty().bind(form.originalProperty().isNull());
        ListExport.disableWhenEmpty(exportSignatoriesButton, signatoriesTable);
        endColumn.setComparator((a, b) -> a.isEmpty() || b.isEmpty() ? a.compareTo(b)
                : java.time.LocalDate.parse(a, Formats.DATE).compareTo(java.time.LocalDate.parse(b, Formats.DATE)));
        list.rows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(list.rows());
        table.setPlaceholder(new Label(i18n.get("conventions.list.empty")));
        list.rows().addListener((ListChangeListener<ConventionListItem>) c -> updateCount());
        support.followSelection(table, this::onSelected);
        bindForm();
        Keys.listAndForm(i18n, searchField, table, newButton, saveButton, cancelButton);
        Keys.spaceToggles(qpvList);
        signatoriesPane.bind(signatoriesTable, signatoryOrderColumn, signatoryRoleColumn, signatoryNameColumn,
                signatoryTitleColumn, editSignatoryButton, removeSignatoryButton, upSignatoryButton, downSignatoryButton,
                form.companyProperty());
        showDetail(false);
    }

    private void bindForm() {
        var i18n = ui.i18n();
        list.companies().subscribe(() -> Cells.offer(companyBox,
                list.companies().stream().map(i -> i.organisation()).toList()));
        companyBox.setConverter(Cells.converter(Organisation::legalName));
        companyBox.valueProperty().bindBidirectional(form.companyProperty());
        Cells.choices(frameworkBox, List.of(Framework.values()), i18n::label, null);
        frameworkBox.valueProperty().bindBidirectional(form.frameworkProperty());
        list.departments().subscribe(() -> Cells.offer(departmentBox, list.departments()));
        departmentBox.setConverter(Cells.converter(Department::label));
        departmentBox.valueProperty().bindBidirectional(form.departmentProperty());
        epciBox.setConverter(Cells.converter(Epci::name));
        form.departmentProperty().subscribe(d -> Cells.offer(epciBox, d == null ? List.of()
                : list.allEpcis().stream().filter(e -> e.departmentCode().equals(d.code())).toList()));
        epciBox.valueProperty().bindBidirectional(form.epciProperty());
        Cells.limit(titleField, 300, ui.i18n());
        Cells.limit(referentField, 200, ui.i18n());
        Cells.limit(notesArea, 4000, ui.i18n());
        titleField.textProperty().bindBidirectional(form.titleProperty());
        referentField.textProperty().bindBidirectional(form.stateReferentProperty());
        signaturePicker.setConverter(Formats.dateConverter(t -> form.unreadableDate(ConventionRules.SIGNATURE_DATE, t)));
        startPicker.setConverter(Formats.dateConverter(t -> form.unreadableDate(ConventionRules.START_DATE, t)));
        endPicker.setConverter(Formats.dateConverter(t -> form.unreadableDate(ConventionRules.END_DATE, t)));
        signaturePicker.valueProperty().bindBidirectional(form.signatureDateProperty());
        startPicker.valueProperty().bindBidirectional(form.startDateProperty());
        endPicker.valueProperty().bindBidirectional(form.endDateProperty());
        startPicker.valueProperty().subscribe(v -> form.proposeEndDate());
        notesArea.textProperty().bindBidirectional(form.notesProperty());
        FieldFeedback.bind(companyBox, companyMessage, form.issues(ConventionRules.COMPANY), i18n);
        FieldFeedback.bind(departmentBox, departmentMessage, form.issues(ConventionRules.DEPARTMENT), i18n);
        FieldFeedback.bind(signaturePicker, signatureMessage, form.issues(ConventionRules.SIGNATURE_DATE), i18n);
        FieldFeedback.bind(startPicker, startMessage, form.issues(ConventionRules.START_DATE), i18n);
        FieldFeedback.bind(endPicker, endMessage, form.issues(ConventionRules.END_DATE), i18n);

        qpvList.setCellFactory(lv -> new javafx.scene.control.cell.CheckBoxListCell<>(
                qpvList::getItemBooleanProperty, Cells.converter(Qpv::label)));
        form.epciProperty().subscribe(this::refreshQpvChoices);
        form.departmentProperty().subscribe(d -> refreshQpvChoices(form.epciProperty().get()));
        list.qpvs().subscribe(() -> refreshQpvChoices(form.epciProperty().get()));
        qpvList.getCheckModel().getCheckedItems().addListener((ListChangeListener<Qpv>) c -> {
            if (!syncingQpvs) {
                form.targetedQpvs().setAll(qpvList.getCheckModel().getCheckedItems().stream()
                        .filter(java.util.Objects::nonNull).toList());
            }
        });
        form.targetedQpvs().subscribe(this::syncQpvChecks);

        form.statusProperty().subscribe(s -> {
            statusBadge.setText(i18n.label(s));
            statusBadge.getStyleClass().removeIf(c -> c.startsWith("status-"));
            statusBadge.getStyleClass().addAll("status-badge", "status-" + s.name().toLowerCase(java.util.Locale.ROOT));
            refreshStatusMenu(s);
        });
        saveButton.setDefaultButton(true);
        saveButton.disableProperty().bind(form.dirtyProperty().not().and(form.originalProperty().isNotNull()));
        cancelButton.disableProperty().bind(form.dirtyProperty().not());
        deleteButton.disableProperty().bind(form.originalProperty().isNull());
        companyButton.disableProperty().bind(form.companyProperty().isNull());
        formStatus.textProperty().bind(Bindings.when(form.dirtyProperty()).then(i18n.get("form.unsaved")).otherwise(""));
        form.originalProperty().subscribe(c -> referenceLabel.setText(c == null
                ? i18n.get("convention.reference.pending") : c.reference()));
        bindSignedLock();
    }

    /**
     * A signed convention keeps its company, signature date and signatories read-only until the
     * user asks to change them and confirms (decision 0013); the banner says why.
     */
    private void bindSignedLock() {
        var locked = form.signedLockedBinding();
        companyBox.disableProperty().bind(locked);
        signaturePicker.disableProperty().bind(locked);
        signatoryTools.disableProperty().bind(locked);
        signatoriesPane.lockWhile(locked);
        signedBanner.visibleProperty().bind(form.originalProperty().map(c -> c.status().isSignedOrLater()).orElse(false));
        signedBanner.managedProperty().bind(signedBanner.visibleProperty());
        unlockSignedButton.visibleProperty().bind(locked);
        unlockSignedButton.managedProperty().bind(locked);
        signedLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Convention c = form.originalProperty().get();
            if (c == null) {
                return "";
            }
            return locked.get() ? ui.i18n().format("conventions.signed.locked", c.reference())
                    : ui.i18n().format("conventions.signed.unlocked", c.reference());
        }, form.originalProperty(), locked));
    }

    @FXML
    private void onUnlockSigned() {
        Convention c = form.originalProperty().get();
        if (c != null && ui.dialogs().confirm(support.window(), ui.i18n().get("conventions.signed.unlock.title"),
                ui.i18n().format("conventions.signed.unlock.message", c.reference()),
                ui.i18n().get("conventions.signed.unlock.confirm"))) {
            form.allowSignedChange();
            companyBox.requestFocus();
        }
    }

    private void refreshQpvChoices(Epci epci) {
        Department dept = form.departmentProperty().get();
        List<Qpv> choices = list.qpvs().stream()
                .filter(q -> epci != null ? epci.siren().equals(q.epciSiren())
                        : dept != null && dept.code().equals(q.departmentCode()))
                .toList();
        syncingQpvs = true;
        // CheckListView keeps checks by index: clear them before the items change, or they go stale
        qpvList.getCheckModel().clearChecks();
        qpvList.getItems().setAll(choices);
        syncingQpvs = false;
        syncQpvChecks();
        qpvHint.setText(ui.i18n().get(choices.isEmpty() ? "conventions.qpv.none" : "conventions.qpv.hint"));
    }

    private void syncQpvChecks() {
        var wanted = form.targetedQpvs().stream().map(Qpv::id).collect(java.util.stream.Collectors.toSet());
        // after the items are replaced, CheckListView may briefly report checked items that are gone (null)
        var checked = qpvList.getCheckModel().getCheckedItems().stream().filter(java.util.Objects::nonNull)
                .map(Qpv::id).collect(java.util.stream.Collectors.toSet());
        if (syncingQpvs || wanted.equals(checked)) {
            return;
        }
        syncingQpvs = true;
        qpvList.getCheckModel().clearChecks();
        form.targetedQpvs().forEach(q -> qpvList.getItems().stream().filter(i -> i.id().equals(q.id())).findFirst()
                .ifPresent(qpvList.getCheckModel()::check));
        syncingQpvs = false;
    }

    private void refreshStatusMenu(ConventionStatus current) {
        statusMenu.getItems().clear();
        for (ConventionStatus next : current.next()) {
            MenuItem item = new MenuItem(ui.i18n().format("conventions.status.moveTo", ui.i18n().label(next)));
            item.setId("status-" + next.name());
            item.setOnAction(e -> form.statusProperty().set(next));
            statusMenu.getItems().add(item);
        }
        statusMenu.setDisable(statusMenu.getItems().isEmpty());
    }

    private void updateCount() {
        countLabel.setText(ui.i18n().format("conventions.count", list.rows().size(), list.allItems().size()));
    }

    private void onSelected(ConventionListItem old, ConventionListItem now) {
        if (now != null) {
            Convention shown = form.originalProperty().get();
            if (shown != null && shown.id().equals(now.id()) && form.dirtyProperty().get()) {
                return; // the convention being edited, selected again after a reload: its changes stay
            }
            loadDetail(now);
        } else if (!form.isNew()) {
            detailRequest++;
            form.clear();
            showDetail(false);
        }
    }

    private void loadDetail(ConventionListItem item) {
        long request = ++detailRequest;
        ui.tasks().run(() -> service.get(item.id()).orElseThrow(), c -> {
            // a convention read in the background is shown only if nothing else was asked since
            // (a new form, another row): a late result once overwrote the new form (issue 15)
            if (request == detailRequest) {
                showConvention(c);
            }
        }, support::showError);
    }

    private void showConvention(Convention c) {
        Organisation company = companyBox.getItems().stream().filter(o -> o.id().equals(c.companyId())).findFirst()
                .orElse(null);
        Department dept = list.departments().stream().filter(d -> d.code().equals(c.departmentCode())).findFirst()
                .orElse(null);
        Epci epci = list.allEpcis().stream().filter(e -> e.siren().equals(c.epciSiren())).findFirst().orElse(null);
        List<Qpv> qpvs = list.qpvs().stream().filter(q -> c.qpvIds().contains(q.id())).toList();
        form.load(c, company, dept, epci, qpvs);
        detailTitle.setText(c.reference() + (company == null ? "" : " – " + company.legalName()));
        showDetail(true);
        engagementsView.show(c, List.copyOf(list.qpvs()));
        bilanPane.show(c);
        refreshTotals(c);
    }

    private void refreshTotals(Convention c) {
        if (c == null) {
            totalsPane.show(null);
            return;
        }
        ui.tasks().run(() -> engagements.conventionTotals(c.id()), totals -> {
            Convention shown = form.originalProperty().get();
            if (shown != null && shown.id().equals(c.id())) {
                totalsPane.show(totals);
            }
        }, support::showError);
    }

    /** An engagement or counterpart was stored: totals and the engagement filters follow. */
    private void engagementsChanged() {
        refreshTotals(form.originalProperty().get());
        bilanPane.show(form.originalProperty().get());
        list.reloadFacets(support::showError);
    }

    private void showDetail(boolean visible) {
        detail.setVisible(visible);
        emptyDetail.setVisible(!visible);
    }

    @FXML
    private void onExportList() {
        listExport.offer(support.window());
    }

    @FXML
    private void onFiche() {
        toDocuments(navigator::exportConventionFiche);
    }

    @FXML
    private void onExportSignatories() {
        Convention shown = form.originalProperty().get();
        String title = ui.i18n().format("list.signatories", shown == null || shown.reference().isEmpty()
                ? ui.i18n().get("list.signatories.new") : shown.reference());
        signatoriesExport = new ListExport<>(ui, documents, signatoriesTable, ListExports.signatoryColumns(ui.i18n()), title);
        signatoriesExport.offer(support.window());
    }

    @FXML
    private void onToSign() {
        toDocuments(navigator::exportConventionToSign);
    }

    /** To the Documents section with the convention shown, once its unsaved changes are dealt with. */
    private void toDocuments(java.util.function.Consumer<UUID> open) {
        Convention shown = form.originalProperty().get();
        if (shown != null && support.mayLeaveForm()) {
            open.accept(shown.id());
        }
    }

    /** The list export of this screen (what the table shows, with its filters). */
    public ListExport<ConventionListItem> listExport() {
        root();
        return listExport;
    }

    @FXML
    private void onNew() {
        startNew();
    }

    /** Opens an empty form, once the unsaved changes are dealt with; false when the user keeps them. */
    private boolean startNew() {
        if (!support.mayLeaveForm()) {
            return false;
        }
        detailRequest++; // a convention still being read must not replace the new form
        table.getSelectionModel().clearSelection();
        form.clear();
        engagementsView.show(null, List.of());
        totalsPane.show(null);
        bilanPane.show(null);
        detailTitle.setText(ui.i18n().get("conventions.new.title"));
        showDetail(true);
        tabs.getSelectionModel().select(formTab);
        companyBox.requestFocus();
        return true;
    }

    @FXML
    private void onClearFilters() {
        list.clearFilters();
    }

    @FXML
    private void onCancel() {
        Convention c = form.originalProperty().get();
        if (c == null) {
            form.clear();
            showDetail(false);
        } else {
            showConvention(c);
        }
    }

    @FXML
    private void onSave() {
        if (!form.validateAll()) {
            focusField(form.firstErrorField());
            return;
        }
        Convention candidate = form.toConvention();
        boolean signedChange = form.signedChangeAllowed();
        support.save(() -> signedChange ? service.saveSignedChange(candidate) : service.save(candidate),
                saved -> ui.i18n().format("error.unexpected.convention", saved.reference()), saved -> {
            form.dirtyProperty().set(false);
            pendingSelection = saved.id();
            list.load(support::showError, this::afterLoad);
        }, form::showIssues, this::focusField);
    }

    @FXML
    private void onDelete() {
        Convention c = form.originalProperty().get();
        if (c != null) {
            support.delete(ui.i18n().get("conventions.delete.title"),
                    ui.i18n().format("conventions.delete.message", c.reference()), () -> service.deletionRefusal(c),
                    () -> service.delete(c), () -> {
                        form.clear();
                        showDetail(false);
                        list.load(support::showError, this::afterLoad);
                    });
        }
    }

    @FXML
    private void onOpenCompany() {
        if (form.companyProperty().get() != null) {
            navigator.openOrganisation(form.companyProperty().get().id());
        }
    }

    @FXML
    private void onAddSignatory() {
        signatoriesPane.add(support.window());
    }

    @FXML
    private void onEditSignatory() {
        signatoriesPane.edit(support.window());
    }

    @FXML
    private void onRemoveSignatory() {
        signatoriesPane.remove();
    }

    @FXML
    private void onUpSignatory() {
        signatoriesPane.move(-1);
    }

    @FXML
    private void onDownSignatory() {
        signatoriesPane.move(1);
    }

    private void focusField(String field) {
        Map<String, Control> controls = Map.of(ConventionRules.COMPANY, companyBox,
                ConventionRules.DEPARTMENT, departmentBox, ConventionRules.SIGNATURE_DATE, signaturePicker,
                ConventionRules.START_DATE, startPicker, ConventionRules.END_DATE, endPicker);
        Control control = field == null ? null : controls.get(field);
        if (control != null) {
            tabs.getSelectionModel().select(formTab);
            control.requestFocus();
        }
    }

}
