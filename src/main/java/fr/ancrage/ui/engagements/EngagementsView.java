package fr.ancrage.ui.engagements;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Target;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The "Engagements" tab of a convention: its engagements (added category by category, edited,
 * duplicated to the next year, deleted) and the counterparts of the public partners. Each change is
 * stored at once, then {@code onChanged} lets the convention refresh its totals.
 */
public final class EngagementsView {

    private final UiContext ui;
    private final EngagementService service;
    private final CatalogueService catalogueService;
    private final Supplier<Window> window;
    private final Runnable onChanged;
    private final Supplier<List<Organisation>> organisationsSupplier;
    private Parent root;
    private Convention convention;
    private List<Qpv> conventionQpvs = List.of();
    private List<Organisation> organisations = List.of();
    private Catalogue catalogue = Catalogue.empty();

    @FXML private Label unsavedHint;
    @FXML private MenuButton addEngagementButton;
    @FXML private Button editEngagementButton;
    @FXML private Button duplicateEngagementButton;
    @FXML private Button deleteEngagementButton;
    @FXML private TableView<EngagementListItem> engagementsTable;
    @FXML private TableColumn<EngagementListItem, String> actionTypeColumn;
    @FXML private TableColumn<EngagementListItem, String> yearsColumn;
    @FXML private TableColumn<EngagementListItem, String> statusColumn;
    @FXML private TableColumn<EngagementListItem, String> targetsColumn;
    @FXML private Button addCounterpartButton;
    @FXML private Button editCounterpartButton;
    @FXML private Button deleteCounterpartButton;
    @FXML private TableView<Counterpart> counterpartsTable;
    @FXML private TableColumn<Counterpart, String> counterpartPartnerColumn;
    @FXML private TableColumn<Counterpart, String> counterpartEngagementColumn;
    @FXML private TableColumn<Counterpart, String> counterpartDescriptionColumn;

    /**
     * @param organisations the organisations that may be partners (blocking: called in background tasks)
     */
    public EngagementsView(UiContext ui, EngagementService service, CatalogueService catalogueService,
                           Supplier<List<Organisation>> organisations, Supplier<Window> window, Runnable onChanged) {
        this.ui = ui;
        this.organisationsSupplier = organisations;
        this.service = service;
        this.catalogueService = catalogueService;
        this.window = window;
        this.onChanged = onChanged;
    }

    public Parent root() {
        if (root == null) {
            root = ui.loader().load(EngagementsView.class, () -> this);
        }
        return root;
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        Cells.text(actionTypeColumn, EngagementListItem::actionTypeName);
        actionTypeColumn.setCellFactory(c -> new TwoLineCell(this::categoryLine));
        Cells.text(yearsColumn, e -> e.engagement().firstYear() == e.engagement().lastYear()
                ? String.valueOf(e.engagement().firstYear())
                : e.engagement().firstYear() + "–" + e.engagement().lastYear());
        Cells.text(statusColumn, e -> i18n.label(e.engagement().status()));
        Cells.text(targetsColumn, this::targetSummary);
        targetsColumn.setCellFactory(c -> new TwoLineCell(item -> null));
        TableColumns.remember(ui, engagementsTable, "engagements", targetsColumn);
        engagementsTable.setPlaceholder(Cells.placeholder(i18n.get("engagements.empty")));
        Cells.onOpen(engagementsTable, e -> onEditEngagement());
        Cells.text(counterpartPartnerColumn, c -> organisations.stream().filter(o -> o.id().equals(c.partnerId()))
                .map(Organisation::legalName).findFirst().orElse(""));
        Cells.text(counterpartEngagementColumn, c -> engagementsTable.getItems().stream()
                .filter(e -> e.id().equals(c.engagementId())).map(EngagementsView::engagementLabel).findFirst()
                .orElse(i18n.get("counterparts.engagement.none")));
        Cells.text(counterpartDescriptionColumn, Counterpart::description);
        TableColumns.remember(ui, counterpartsTable, "counterparts", counterpartDescriptionColumn);
        counterpartsTable.setPlaceholder(Cells.placeholder(i18n.get("counterparts.empty")));
        Cells.onOpen(counterpartsTable, c -> onEditCounterpart());
        var noEngagement = engagementsTable.getSelectionModel().selectedItemProperty().isNull();
        editEngagementButton.disableProperty().bind(noEngagement);
        duplicateEngagementButton.disableProperty().bind(noEngagement);
        deleteEngagementButton.disableProperty().bind(noEngagement);
        var noCounterpart = counterpartsTable.getSelectionModel().selectedItemProperty().isNull();
        editCounterpartButton.disableProperty().bind(noCounterpart);
        deleteCounterpartButton.disableProperty().bind(noCounterpart);
        show(null, List.of());
    }

    /**
     * Shows the engagements of a stored convention ({@code null}: a convention not yet saved).
     * {@code qpvs}: the QPVs known, of which the forms offer those the convention targets.
     */
    public void show(Convention c, List<Qpv> qpvs) {
        convention = c;
        conventionQpvs = qpvs;
        boolean saved = c != null;
        // an ended convention takes no new engagement: said above the list, not left to find out (issue 15)
        boolean ended = saved && (c.status().isTerminal()
                || c.endDate() != null && c.endDate().isBefore(java.time.LocalDate.now(ui.clock())));
        unsavedHint.setText(!saved ? ui.i18n().get("engagements.unsavedConvention") : ended
                ? ui.i18n().format("engagements.endedConvention", c.endDate() == null ? ui.i18n().label(c.status())
                        : Formats.date(c.endDate())) : "");
        unsavedHint.setManaged(!saved || ended);
        unsavedHint.setVisible(!saved || ended);
        addEngagementButton.setDisable(!saved || ended);
        addCounterpartButton.setDisable(!saved || ended);
        engagementsTable.getItems().clear();
        counterpartsTable.getItems().clear();
        if (saved) {
            reload();
        }
    }

    /** Reloads the catalogue (a team may have changed it), the organisations, engagements and counterparts. */
    public void reload() {
        Convention c = convention;
        if (c == null) {
            return;
        }
        ui.tasks().run(() -> new Loaded(catalogueService.catalogue(), service.list(c.id()), service.counterparts(c.id()),
                        partnersOf(c)),
                loaded -> {
                    if (convention == null || !convention.id().equals(c.id())) {
                        return;
                    }
                    catalogue = loaded.catalogue();
                    organisations = loaded.organisations();
                    engagementsTable.getItems().setAll(loaded.engagements());
                    counterpartsTable.getItems().setAll(loaded.counterparts());
                    rebuildAddMenu();
                }, this::showError);
    }

    private record Loaded(Catalogue catalogue, List<EngagementListItem> engagements, List<Counterpart> counterparts,
                          List<Organisation> organisations) {
    }

    /** Every organisation but the convention's company, partners first. */
    private List<Organisation> partnersOf(Convention c) {
        return organisationsSupplier.get().stream()
                .filter(o -> !o.id().equals(c.companyId()))
                .sorted(java.util.Comparator.comparing((Organisation o) -> o.kind().isCompany())
                        .thenComparing(Organisation::legalName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }


    private void rebuildAddMenu() {
        addEngagementButton.getItems().clear();
        for (EngagementCategory category : catalogue.activeCategories()) {
            MenuItem item = new MenuItem(category.name());
            item.setId("add-" + (category.code().isEmpty() ? category.id().toString() : category.code()));
            item.setDisable(catalogue.activeActionTypesOf(category.id()).isEmpty());
            item.setOnAction(e -> openForm(category, null));
            addEngagementButton.getItems().add(item);
        }
    }

    private void openForm(EngagementCategory category, EngagementListItem existing) {
        Organisation partner = existing == null || existing.engagement().partnerId() == null ? null
                : organisations.stream().filter(o -> o.id().equals(existing.engagement().partnerId())).findFirst()
                .orElse(null);
        var form = new EngagementFormViewModel(catalogue, convention, category,
                existing == null ? null : existing.engagement(), partner, ui.clock());
        new EngagementDialog(ui, service, form, conventionQpvs, organisations).showAndWait(window.get())
                .ifPresent(saved -> changed());
    }

    private void changed() {
        reload();
        onChanged.run();
    }

    @FXML
    private void onEditEngagement() {
        EngagementListItem item = engagementsTable.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        catalogue.actionType(item.engagement().actionTypeId()).flatMap(catalogue::categoryOf)
                .ifPresent(category -> openForm(category, item));
    }

    @FXML
    private void onDuplicateEngagement() {
        EngagementListItem item = engagementsTable.getSelectionModel().getSelectedItem();
        if (item != null) {
            ui.tasks().run(() -> service.duplicateToNextYear(item.engagement()), copy -> changed(), this::showError);
        }
    }

    @FXML
    private void onDeleteEngagement() {
        EngagementListItem item = engagementsTable.getSelectionModel().getSelectedItem();
        if (item == null || !ui.dialogs().confirm(window.get(), ui.i18n().get("engagements.delete.title"),
                ui.i18n().format("engagements.delete.message", engagementLabel(item)), ui.i18n().get("action.delete"))) {
            return;
        }
        ui.tasks().run(() -> {
            service.delete(item.engagement());
            return item;
        }, done -> changed(), this::showError);
    }

    @FXML
    private void onAddCounterpart() {
        openCounterpart(null);
    }

    @FXML
    private void onEditCounterpart() {
        Counterpart c = counterpartsTable.getSelectionModel().getSelectedItem();
        if (c != null) {
            openCounterpart(c);
        }
    }

    private void openCounterpart(Counterpart original) {
        List<Organisation> partners = organisations.stream().filter(o -> !o.kind().isCompany()).toList();
        new CounterpartDialog(ui, service, convention.id(), original, partners,
                List.copyOf(engagementsTable.getItems())).showAndWait(window.get()).ifPresent(saved -> changed());
    }

    @FXML
    private void onDeleteCounterpart() {
        Counterpart c = counterpartsTable.getSelectionModel().getSelectedItem();
        if (c == null || !ui.dialogs().confirm(window.get(), ui.i18n().get("counterparts.delete.title"),
                ui.i18n().get("counterparts.delete.message"), ui.i18n().get("action.delete"))) {
            return;
        }
        ui.tasks().run(() -> {
            service.delete(c);
            return c;
        }, done -> changed(), this::showError);
    }

    private String categoryLine(EngagementListItem item) {
        return item.axis() == null ? item.categoryName()
                : item.categoryName() + " · " + ui.i18n().label(item.axis());
    }

    /**
     * A cell with the text on one line (in full in a tooltip) and, below it, an optional second
     * line in grey (the category and PaQte axis under the action type).
     */
    private static final class TwoLineCell extends javafx.scene.control.TableCell<EngagementListItem, String> {

        private final java.util.function.Function<EngagementListItem, String> second;
        private final Label main = new Label();
        private final Label sub = new Label();
        private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, main, sub);

        TwoLineCell(java.util.function.Function<EngagementListItem, String> second) {
            this.second = second;
            sub.getStyleClass().add("cell-subtitle");
            box.setMinWidth(0);
            main.setMinWidth(0);
            sub.setMinWidth(0);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            EngagementListItem row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            main.setText(text);
            String s = second.apply(row);
            sub.setText(s == null ? "" : s);
            sub.setManaged(s != null);
            sub.setVisible(s != null);
            setGraphic(box);
            setTooltip(text == null || text.isEmpty() ? null
                    : new javafx.scene.control.Tooltip(s == null ? text : text + "\n" + s));
        }
    }

    private void showError(Throwable error) {
        ui.dialogs().error(window.get(), ui.i18n().get("error.title"), ui.errors().describe(error));
    }

    /** « Stages de 3e proposés : 22 · Stages de 3e pourvus : 18 » (all years added up). */
    private String targetSummary(EngagementListItem item) {
        Map<java.util.UUID, BigDecimal> sums = new LinkedHashMap<>();
        for (Target t : item.engagement().targets()) {
            sums.merge(t.indicatorId(), t.value(), BigDecimal::add);
        }
        return sums.entrySet().stream().map(e -> {
            Indicator i = catalogue.indicator(e.getKey()).orElse(null);
            if (i == null) {
                return null;
            }
            String value = switch (i.unit()) {
                case YES_NO -> ui.i18n().get("engagements.targets.yes");
                default -> TargetText.format(e.getValue(), i.unit());
            };
            return i.name() + "\u00a0: " + value;
        }).filter(Objects::nonNull).collect(Collectors.joining(" · "));
    }

    /** « Stages de 3e pour les collégiens de REP et REP+ (2026–2028) ». */
    static String engagementLabel(EngagementListItem e) {
        int first = e.engagement().firstYear();
        int last = e.engagement().lastYear();
        return e.actionTypeName() + " (" + (first == last ? String.valueOf(first) : first + "–" + last) + ")";
    }
}
