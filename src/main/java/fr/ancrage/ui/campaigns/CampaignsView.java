package fr.ancrage.ui.campaigns;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.Text;
import fr.ancrage.service.CampaignService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.SectionShortcuts;
import fr.ancrage.ui.common.UiContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * « Campagnes de bilan »: every convention that owes its bilan for a year, with where it stands;
 * the delegate asks, reminds, enters the figures company after company, and validates.
 */
public final class CampaignsView implements Section {

    private final UiContext ui;
    private final CampaignService campaigns;
    private final ConventionService conventions;
    private final EngagementService engagements;
    private final Navigator navigator;
    private final ObservableList<CampaignReportItem> items = FXCollections.observableArrayList();
    private final FilteredList<CampaignReportItem> filtered = new FilteredList<>(items);
    private final SortedList<CampaignReportItem> sorted = new SortedList<>(filtered);
    private Parent root;
    private Integer pendingYear;
    private UUID pendingConvention;

    @FXML private ComboBox<ReportingCampaign> campaignBox;
    @FXML private Label dueLabel;
    @FXML private Button refreshButton;
    @FXML private CustomTextField searchField;
    @FXML private Button newButton;
    @FXML private ComboBox<ReportState> stateFilter;
    @FXML private CheckBox overdueOnly;
    @FXML private Button enterButton;
    @FXML private Button requestButton;
    @FXML private Button remindButton;
    @FXML private Button receiveButton;
    @FXML private Button validateButton;
    @FXML private Button openConventionButton;
    @FXML private TableView<CampaignReportItem> table;
    @FXML private TableColumn<CampaignReportItem, String> companyColumn;
    @FXML private TableColumn<CampaignReportItem, String> referenceColumn;
    @FXML private TableColumn<CampaignReportItem, String> epciColumn;
    @FXML private TableColumn<CampaignReportItem, String> stateColumn;
    @FXML private TableColumn<CampaignReportItem, String> requestedColumn;
    @FXML private TableColumn<CampaignReportItem, String> reminderColumn;
    @FXML private TableColumn<CampaignReportItem, String> progressColumn;
    @FXML private Label countLabel;
    @FXML private Button exportListButton;
    private final fr.ancrage.service.documents.DocumentService documents;

    public CampaignsView(UiContext ui, CampaignService campaigns, ConventionService conventions,
                         EngagementService engagements, fr.ancrage.service.documents.DocumentService documents,
                         Navigator navigator) {
        this.ui = ui;
        this.documents = documents;
        this.campaigns = campaigns;
        this.conventions = conventions;
        this.engagements = engagements;
        this.navigator = navigator;
    }

    @Override
    public String id() {
        return "campaigns";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CLIPBOARD_CHECK_OUTLINE;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(CampaignsView.class, () -> this);
        }
        return root;
    }

    @Override
    public SectionShortcuts shortcuts() {
        return SectionShortcuts.of(newButton, null, searchField);
    }

    @Override
    public void activate() {
        Integer year = pendingYear;
        pendingYear = null;
        loadCampaigns(year);
    }

    /**
     * Prepares the next {@link #activate()} to show the campaign of {@code year}, its overdue reports
     * only, with the report of {@code conventionId} selected (from the dashboard's alerts).
     */
    public void openOverdue(int year, UUID conventionId) {
        root();
        pendingYear = year;
        pendingConvention = conventionId;
        searchField.clear();
        stateFilter.setValue(null);
        overdueOnly.setSelected(true);
    }

    @FXML
    private void onExportList() {
        listExport().offer(table.getScene().getWindow());
    }

    /** The export of the reports as the table shows them (its columns, filters and order). */
    public fr.ancrage.ui.common.ListExport<CampaignReportItem> listExport() {
        var i18n = ui.i18n();
        ReportingCampaign campaign = campaignBox.getValue();
        // the same columns as the table, typed: dates as dates, the progress as two numbers
        List<fr.ancrage.service.documents.ListExports.ListColumn<CampaignReportItem>> columns = List.of(
                column("companyColumn", "campaigns.column.company", fr.ancrage.documents.Workbook.Kind.TEXT,
                        CampaignReportItem::companyName),
                column("referenceColumn", "campaigns.column.reference", fr.ancrage.documents.Workbook.Kind.CODE,
                        CampaignReportItem::conventionReference),
                column("epciColumn", "campaigns.column.epci", fr.ancrage.documents.Workbook.Kind.TEXT,
                        CampaignReportItem::epciName),
                column("stateColumn", "campaigns.column.state", fr.ancrage.documents.Workbook.Kind.TEXT,
                        it -> overdue(it) ? i18n.format("campaigns.state.overdue", i18n.label(it.report().state()))
                                : i18n.label(it.report().state())),
                column("requestedColumn", "campaigns.column.requested", fr.ancrage.documents.Workbook.Kind.DATE,
                        it -> it.report().requestedOn()),
                column("reminderColumn", "campaigns.column.reminder", fr.ancrage.documents.Workbook.Kind.DATE,
                        it -> it.report().lastReminderOn()),
                column("progressColumn", "campaigns.column.progress", fr.ancrage.documents.Workbook.Kind.TEXT,
                        it -> i18n.format("campaigns.progress", it.resultsOfYear(), it.targetsOfYear())));
        var listExport = new fr.ancrage.ui.common.ListExport<>(ui, documents, table, columns,
                campaign == null ? i18n.get("nav.campaigns") : i18n.format("campaigns.name", campaign.year()))
                .search(searchField).filter(i18n.get("campaigns.column.state"), stateFilter)
                .filter(i18n.get("campaigns.overdueOnly"), overdueOnly);
        return listExport;
    }

    private fr.ancrage.service.documents.ListExports.ListColumn<CampaignReportItem> column(String id, String key,
            fr.ancrage.documents.Workbook.Kind kind, java.util.function.Function<CampaignReportItem, Object> value) {
        return new fr.ancrage.service.documents.ListExports.ListColumn<>(id, ui.i18n().get(key), kind, value);
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        searchField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        campaignBox.setConverter(Cells.converter(c -> i18n.format("campaigns.name", c.year())));
        campaignBox.setPromptText(i18n.get("campaigns.none"));
        campaignBox.valueProperty().subscribe(c -> {
            dueLabel.setText(c == null ? "" : i18n.format("campaigns.due", Formats.date(c.dueDate())));
            loadReports();
        });
        Cells.choices(stateFilter, List.of(ReportState.values()), i18n::label, i18n.get("campaigns.allStates"));
        searchField.textProperty().subscribe(t -> refilter());
        stateFilter.valueProperty().subscribe(s -> refilter());
        overdueOnly.selectedProperty().subscribe(s -> refilter());

        Cells.text(companyColumn, CampaignReportItem::companyName);
        Cells.text(referenceColumn, CampaignReportItem::conventionReference);
        Cells.text(epciColumn, CampaignReportItem::epciName);
        Cells.text(stateColumn, i -> overdue(i) ? i18n.format("campaigns.state.overdue", i18n.label(i.report().state()))
                : i18n.label(i.report().state()));
        Cells.text(requestedColumn, i -> Formats.date(i.report().requestedOn()));
        Cells.text(reminderColumn, i -> Formats.date(i.report().lastReminderOn()));
        Cells.text(progressColumn, i -> i18n.format("campaigns.progress", i.resultsOfYear(), i.targetsOfYear()));
        TableColumns.remember(ui, table, "campaigns", companyColumn);
        fr.ancrage.ui.common.ListExport.disableWhenEmpty(exportListButton, table);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(Cells.placeholder(i18n.get("campaigns.empty")));
        Cells.onOpen(table, i -> onEnter(), "overdue", this::overdue);
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        enterButton.disableProperty().bind(none);
        requestButton.disableProperty().bind(none);
        remindButton.disableProperty().bind(none);
        receiveButton.disableProperty().bind(none);
        validateButton.disableProperty().bind(none);
        openConventionButton.disableProperty().bind(none);
        refreshButton.disableProperty().bind(campaignBox.valueProperty().isNull());
        Keys.listAndForm(i18n, searchField, table, newButton, null, null);
    }

    private boolean overdue(CampaignReportItem i) {
        ReportingCampaign c = campaignBox.getValue();
        return c != null && i.report().overdue(c.dueDate(), campaigns.today());
    }

    private void loadCampaigns(Integer select) {
        ui.tasks().run(campaigns::campaigns, list -> {
            ReportingCampaign current = campaignBox.getValue();
            Integer wanted = select != null ? select : current == null ? null : current.year();
            campaignBox.getItems().setAll(list);
            campaignBox.setValue(list.stream().filter(c -> wanted != null && c.year() == wanted).findFirst()
                    .orElse(list.isEmpty() ? null : list.getFirst()));
            if (campaignBox.getValue() != null && campaignBox.getValue().equals(current)) {
                loadReports();
            }
        }, this::showError);
    }

    private void loadReports() {
        ReportingCampaign campaign = campaignBox.getValue();
        if (campaign == null) {
            items.clear();
            updateCount();
            return;
        }
        UUID selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().id();
        ui.tasks().run(() -> campaigns.reports(campaign), reports -> {
            if (!campaign.equals(campaignBox.getValue())) {
                return;
            }
            items.setAll(reports);
            refilter();
            UUID convention = pendingConvention;
            pendingConvention = null;
            sorted.stream().filter(i -> convention != null ? i.report().conventionId().equals(convention)
                            : i.id().equals(selected)).findFirst()
                    .ifPresent(i -> {
                        table.getSelectionModel().select(i);
                        table.scrollTo(i);
                    });
        }, this::showError);
    }

    private void refilter() {
        String key = Text.searchKey(searchField.getText());
        ReportState state = stateFilter.getValue();
        boolean late = overdueOnly.isSelected();
        filtered.setPredicate(i -> (state == null || i.report().state() == state) && (!late || overdue(i))
                && (key.isEmpty() || Text.searchKey(i.companyName() + " " + i.conventionReference() + " "
                + i.epciName()).contains(key)));
        updateCount();
    }

    private void updateCount() {
        long awaited = items.stream().filter(i -> i.report().state().awaited()).count();
        long late = items.stream().filter(this::overdue).count();
        countLabel.setText(ui.i18n().format("campaigns.count", filtered.size(), items.size(), awaited, late));
    }

    @FXML
    private void onNew() {
        new NewCampaignDialog(ui, campaigns).showAndWait(window()).ifPresent(c -> loadCampaigns(c.year()));
    }

    @FXML
    private void onRefresh() {
        ReportingCampaign campaign = campaignBox.getValue();
        if (campaign != null) {
            ui.tasks().run(() -> campaigns.refresh(campaign), added -> {
                ui.dialogs().info(window(), ui.i18n().get("campaigns.refresh"),
                        ui.i18n().format("campaigns.refresh.done", added));
                loadReports();
            }, this::showError);
        }
    }

    @FXML
    private void onEnter() {
        CampaignReportItem item = table.getSelectionModel().getSelectedItem();
        ReportingCampaign campaign = campaignBox.getValue();
        if (item == null || campaign == null) {
            return;
        }
        List<CampaignReportItem> order = List.copyOf(sorted);
        List<CampaignReport> received = new BilanDialog(ui, conventions, engagements, campaign, order,
                order.indexOf(item)).showAndWait(window());
        run(() -> campaigns.moveAll(received, ReportState.RECEIVED));
    }

    @FXML
    private void onRequest() {
        change(r -> campaigns.moveTo(r, ReportState.REQUESTED));
    }

    @FXML
    private void onRemind() {
        change(campaigns::remind);
    }

    @FXML
    private void onReceive() {
        change(r -> campaigns.moveTo(r, ReportState.RECEIVED));
    }

    @FXML
    private void onValidate() {
        change(r -> campaigns.moveTo(r, ReportState.VALIDATED));
    }

    @FXML
    private void onOpenConvention() {
        CampaignReportItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            navigator.openConvention(item.report().conventionId());
        }
    }

    private void change(java.util.function.Function<CampaignReport, CampaignReport> action) {
        CampaignReportItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            run(() -> action.apply(item.report()));
        }
    }

    private void run(Callable<?> work) {
        ui.tasks().run(work, done -> loadReports(), this::showError);
    }

    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void showError(Throwable error) {
        ui.dialogs().error(window(), ui.i18n().get("error.title"), ui.errors().describe(error));
    }
}
