package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.ui.catalogue.CatalogueEntry.CategoryEntry;
import fr.ancrage.ui.catalogue.CatalogueEntry.TypeEntry;
import fr.ancrage.ui.catalogue.CatalogueFormViewModel.Kind;
import fr.ancrage.ui.catalogue.CatalogueViewModel.IndicatorRow;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.DetailSupport;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.SectionShortcuts;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.UUID;

/**
 * The référentiel des engagements: categories and their action types on the left, the form of the
 * selected one on the right with the indicators it asks for. Used entries are deactivated, never
 * deleted; deactivated ones stay here, greyed, to be reactivated.
 */
public final class CatalogueView implements Section {

    private final UiContext ui;
    private final CatalogueViewModel model;
    private final CatalogueFormViewModel form;
    private final DetailSupport support;
    private final IndicatorsPane indicators;
    private CatalogueTree catalogueTree;
    private Parent root;

    @FXML private CustomTextField searchField;
    @FXML private Button newTypeButton;
    @FXML private TreeView<CatalogueEntry> tree;
    @FXML private Label countLabel;
    @FXML private Label emptyDetail;
    @FXML private VBox detail;
    @FXML private Label detailTitle;
    @FXML private Button activeButton;
    @FXML private Button deleteButton;
    @FXML private TextField nameField;
    @FXML private Label nameMessage;
    @FXML private Label categoryCaption;
    @FXML private Label categoryLabel;
    @FXML private Label axisCaption;
    @FXML private ComboBox<PaqteAxis> axisBox;
    @FXML private CheckBox activeCheck;
    @FXML private Label usageLabel;
    @FXML private Label indicatorsTitle;
    @FXML private Button newIndicatorButton;
    @FXML private Button addExistingButton;
    @FXML private Button removeIndicatorButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button editIndicatorButton;
    @FXML private Button indicatorActiveButton;
    @FXML private Button deleteIndicatorButton;
    @FXML private TableView<IndicatorRow> indicatorsTable;
    @FXML private TableColumn<IndicatorRow, String> orderColumn;
    @FXML private TableColumn<IndicatorRow, String> indicatorNameColumn;
    @FXML private TableColumn<IndicatorRow, String> unitColumn;
    @FXML private TableColumn<IndicatorRow, String> summableColumn;
    @FXML private TableColumn<IndicatorRow, String> stateColumn;
    @FXML private TableColumn<IndicatorRow, String> usesColumn;
    @FXML private Label formStatus;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    public CatalogueView(UiContext ui, CatalogueService service) {
        this.ui = ui;
        this.model = new CatalogueViewModel(service, ui.tasks());
        this.form = model.form();
        this.support = new DetailSupport(ui, () -> root, form.dirtyProperty());
        this.indicators = new IndicatorsPane(ui, model, support);
    }

    @Override
    public String id() {
        return "catalogue";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignB.BOOK_OPEN_VARIANT;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(CatalogueView.class, () -> this);
        }
        return root;
    }

    /** Ctrl+N: a new action type (the commonest new entry), as « Nouveau type d’action ». */
    @Override
    public boolean hasUnsavedChanges() {
        return form.dirtyProperty().get();
    }

    @Override
    public SectionShortcuts shortcuts() {
        return SectionShortcuts.of(newTypeButton, saveButton, searchField);
    }

    @Override
    public void activate() {
        boolean first = !model.loadedProperty().get();
        model.load(support::showError, () -> {
            if (first) {
                catalogueTree.focus();
            }
        });
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        searchField.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        catalogueTree = new CatalogueTree(tree, countLabel, model, i18n, this::openId, entry -> {
            if (!support.mayLeaveForm()) {
                return false;
            }
            model.open(entry);
            return true;
        });
        bindForm();
        indicators.bind(indicatorsTable, List.of(orderColumn, indicatorNameColumn, unitColumn, summableColumn,
                stateColumn, usesColumn), List.of(newIndicatorButton, addExistingButton, removeIndicatorButton,
                upButton, downButton, editIndicatorButton, indicatorActiveButton, deleteIndicatorButton));
        form.kindProperty().subscribe(k -> showDetail(k != null));
        form.kindProperty().subscribe(k -> refreshDetail());
        form.originalProperty().subscribe(e -> refreshDetail());
        form.categoryIdProperty().subscribe(e -> refreshDetail());
        model.usageProperty().subscribe(u -> refreshDetail());
        Keys.listAndForm(i18n, searchField, tree, newTypeButton, saveButton, cancelButton);
    }

    private UUID openId() {
        CatalogueEntry open = form.originalProperty().get();
        return open == null ? null : open.id();
    }

    private void bindForm() {
        var i18n = ui.i18n();
        Cells.limit(nameField, TextLimits.TITLE, ui.i18n());
        nameField.textProperty().bindBidirectional(form.nameProperty());
        FieldFeedback.bind(nameField, nameMessage, form.nameIssues(), i18n);
        Cells.choices(axisBox, List.of(PaqteAxis.values()), i18n::label, i18n.get("catalogue.axis.none"));
        axisBox.valueProperty().bindBidirectional(form.axisProperty());
        activeCheck.selectedProperty().bindBidirectional(form.activeProperty());
        var isType = form.kindProperty().isEqualTo(Kind.ACTION_TYPE);
        for (Node n : List.of(categoryCaption, categoryLabel, axisCaption, axisBox)) {
            n.visibleProperty().bind(isType);
            n.managedProperty().bind(isType);
        }
        saveButton.disableProperty().bind(form.dirtyProperty().not().and(form.originalProperty().isNotNull()));
        saveButton.setDefaultButton(true);
        cancelButton.disableProperty().bind(form.dirtyProperty().not().and(form.originalProperty().isNotNull()));
        activeButton.disableProperty().bind(form.originalProperty().isNull());
        deleteButton.disableProperty().bind(form.originalProperty().isNull());
        formStatus.textProperty().bind(Bindings.when(form.dirtyProperty()).then(i18n.get("form.unsaved")).otherwise(""));
    }

    private void showDetail(boolean visible) {
        detail.setVisible(visible);
        emptyDetail.setVisible(!visible);
    }

    private void refreshDetail() {
        var i18n = ui.i18n();
        Kind kind = form.kindProperty().get();
        CatalogueEntry entry = form.originalProperty().get();
        if (kind == null) {
            return;
        }
        boolean type = kind == Kind.ACTION_TYPE;
        if (entry == null) {
            detailTitle.setText(i18n.get(type ? "catalogue.newActionType.title" : "catalogue.newCategory.title"));
        } else {
            detailTitle.setText(entry.name() + (entry.active() ? "" : " " + i18n.get(type
                    ? "catalogue.inactive.masculine" : "catalogue.inactive.feminine")));
        }
        UUID categoryId = form.categoryIdProperty().get();
        categoryLabel.setText(categoryId == null ? "" : model.catalogueProperty().get().category(categoryId)
                .map(c -> c.name()).orElse(""));
        activeCheck.setText(i18n.get(type ? "catalogue.field.active.type" : "catalogue.field.active.category"));
        activeButton.setText(i18n.get(entry == null || entry.active() ? "catalogue.deactivate" : "catalogue.reactivate"));
        indicatorsTitle.setText(i18n.get(type ? "catalogue.indicators.type" : "catalogue.indicators.category"));
        indicatorsTable.setPlaceholder(new Label(i18n.get(type ? "catalogue.indicators.type.empty"
                : entry == null ? "catalogue.indicators.newCategory" : "catalogue.indicators.category.empty")));
        usageLabel.setText(entry == null ? "" : switch (entry) {
            case TypeEntry t -> i18n.format("catalogue.usage.type", model.uses(t));
            case CategoryEntry c -> i18n.format("catalogue.usage.category",
                    model.catalogueProperty().get().actionTypesOf(c.id()).size(),
                    model.catalogueProperty().get().indicatorsOf(c.id()).size(), model.uses(c));
        });
    }

    // ---- actions on the entry

    @FXML
    private void onNewCategory() {
        if (!support.mayLeaveForm()) {
            return;
        }
        catalogueTree.select(null);
        model.newCategory();
        nameField.requestFocus();
    }

    @FXML
    private void onNewActionType() {
        if (!support.mayLeaveForm()) {
            return;
        }
        UUID categoryId = form.categoryIdProperty().get();
        if (categoryId == null) {
            categoryId = model.branches().isEmpty() ? null : model.branches().getFirst().category().id();
        }
        if (categoryId == null) {
            ui.dialogs().info(support.window(), ui.i18n().get("catalogue.newActionType"),
                    ui.i18n().get("catalogue.newActionType.noCategory"));
            return;
        }
        catalogueTree.select(null);
        model.newActionType(categoryId);
        nameField.requestFocus();
    }

    @FXML
    private void onSave() {
        model.save(saved -> catalogueTree.select(saved.id()), support::showError);
        if (Issue.anyError(form.nameIssues().get())) {
            nameField.requestFocus();
        }
    }

    @FXML
    private void onCancel() {
        CatalogueEntry entry = form.originalProperty().get();
        if (entry == null) {
            form.clear();
        } else {
            model.open(entry);
        }
    }

    @FXML
    private void onToggleActive() {
        model.toggleActive(() -> { }, support::showError);
    }

    @FXML
    private void onDelete() {
        CatalogueEntry entry = form.originalProperty().get();
        if (entry == null) {
            return;
        }
        var i18n = ui.i18n();
        boolean type = entry instanceof TypeEntry;
        // a used entry cannot go: no question first, the refusal says what to do instead
        if (model.deletable(entry) && !ui.dialogs().confirm(support.window(),
                i18n.get(type ? "catalogue.delete.type.title" : "catalogue.delete.category.title"),
                i18n.format(type ? "catalogue.delete.type.message" : "catalogue.delete.category.message",
                        entry.name()), i18n.get("action.delete"))) {
            return;
        }
        model.delete(tree::requestFocus, error -> IndicatorsPane.refused(ui, support, error, entry.active(),
                () -> model.toggleActive(() -> { }, support::showError)));
    }

    // ---- actions on the indicators

    @FXML
    private void onNewIndicator() {
        indicators.create();
    }

    @FXML
    private void onEditIndicator() {
        indicators.edit();
    }

    @FXML
    private void onAddExisting() {
        indicators.addExisting();
    }

    @FXML
    private void onRemoveIndicator() {
        indicators.remove();
    }

    @FXML
    private void onMoveUp() {
        indicators.move(-1);
    }

    @FXML
    private void onMoveDown() {
        indicators.move(1);
    }

    @FXML
    private void onToggleIndicator() {
        indicators.toggleActive();
    }

    @FXML
    private void onDeleteIndicator() {
        indicators.delete();
    }
}
