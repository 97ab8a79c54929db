package fr.ancrage.ui.documents;

import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.ui.common.FolderOpener;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.exchange.ExportDialog;
import fr.ancrage.ui.exchange.FileChoice;
import fr.ancrage.ui.exchange.HistoryDialog;
import fr.ancrage.ui.exchange.ImportDialog;
import fr.ancrage.ui.exchange.ImportViewModel;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * « Documents »: the fiche of a convention, the bilan annuel of a territory, or its package, in the
 * formats chosen, into a folder; in the background, with its progress, cancellable; the folder can
 * be opened at the end.
 */
public final class DocumentsView implements Section {

    private final UiContext ui;
    private final ConventionService conventionService;
    private final TerritoryService territories;
    private final DashboardService dashboard;
    private final DocumentsViewModel vm;
    private final Map<Format, CheckBox> formatBoxes = new java.util.EnumMap<>(Format.class);
    private List<Epci> allEpcis = List.of();
    private UUID pendingConvention;
    private Parent root;

    @FXML private RadioButton ficheChoice;
    @FXML private RadioButton toSignChoice;
    @FXML private Label templateLabel;
    @FXML private VBox templateBox;
    @FXML private Label templateState;
    @FXML private Button editTemplateButton;
    @FXML private Button providedTemplateButton;
    @FXML private RadioButton bilanChoice;
    @FXML private RadioButton packageChoice;
    @FXML private RadioButton ceremonyChoice;
    @FXML private Label ceremonyLabel;
    @FXML private ComboBox<fr.ancrage.domain.CeremonyListItem> ceremonyBox;
    @FXML private Label ceremonyDocsLabel;
    @FXML private VBox ceremonyDocsBox;
    @FXML private CheckBox dossierCheck;
    @FXML private CheckBox tentsCheck;
    @FXML private CheckBox printCheck;
    @FXML private javafx.scene.control.Spinner<Integer> originalsSpinner;
    @FXML private CheckBox pressCheck;
    @FXML private Label kindHint;
    @FXML private Label conventionLabel;
    @FXML private SearchableComboBox<ConventionListItem> conventionBox;
    @FXML private Label departmentLabel;
    @FXML private SearchableComboBox<Department> departmentBox;
    @FXML private Label epciLabel;
    @FXML private ComboBox<Epci> epciBox;
    @FXML private Label yearLabel;
    @FXML private ComboBox<Integer> yearBox;
    @FXML private FlowPane formatsPane;
    @FXML private Label formatsHint;
    @FXML private TextField folderField;
    @FXML private Button chooseFolderButton;
    @FXML private Label problemLabel;
    @FXML private Button exportButton;
    @FXML private Button cancelButton;
    @FXML private VBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label stepLabel;
    @FXML private VBox resultBox;
    @FXML private Label outcomeLabel;
    @FXML private ListView<Path> filesList;
    @FXML private Button openFolderButton;
    @FXML private Button letterheadButton;
    @FXML private Label letterheadState;
    @FXML private Button exchangeExportButton;
    @FXML private Button importPackageButton;
    @FXML private Button exchangeHistoryButton;

    private final fr.ancrage.service.CeremonyService ceremonies;
    private final DocumentService documents;
    private java.util.function.Function<javafx.stage.Window, java.util.Optional<Path>> imageChooser;
    private UUID pendingCeremony;
    private final ExchangeService exchange;
    private final CatalogueService catalogue;
    private FileChoice files;
    private Runnable onImported = () -> { };
    private boolean exchangeOpening;

    public DocumentsView(UiContext ui, DocumentService documents, ConventionService conventions,
                         TerritoryService territories, DashboardService dashboard,
                         fr.ancrage.service.CeremonyService ceremonies, ExchangeService exchange,
                         CatalogueService catalogue) {
        this.ui = ui;
        this.exchange = exchange;
        this.catalogue = catalogue;
        this.files = FileChoice.system(ui.i18n());
        this.documents = documents;
        this.imageChooser = owner -> LetterheadDialog.fileChooser(owner, ui.i18n().get("letterhead.logo.chooserTitle"));
        this.ceremonies = ceremonies;
        this.conventionService = conventions;
        this.territories = territories;
        this.dashboard = dashboard;
        this.vm = new DocumentsViewModel(ui.i18n(), documents, ui.tasks(), ui.errors());
        vm.folder.set(fr.ancrage.ui.common.Folders.documents().toString());
    }

    public DocumentsViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "documents";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignF.FILE_DOCUMENT_MULTIPLE_OUTLINE;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(DocumentsView.class, () -> this);
        }
        return root;
    }

    /** Prepares the next {@link #activate()} to offer the convention to sign of this convention. */
    public void prepareToSign(UUID conventionId) {
        prepareFiche(conventionId);
        vm.kind.set(DocumentsViewModel.Kind.TO_SIGN);
    }

    /** Prepares the next {@link #activate()} to offer this document of this ceremony. */
    public void prepareCeremony(UUID ceremonyId, DocumentService.CeremonyDocument document) {
        root();
        pendingCeremony = ceremonyId;
        vm.prepareCeremony(document);
    }

    /** Prepares the next {@link #activate()} to offer the fiche of this convention. */
    public void prepareFiche(UUID conventionId) {
        root();
        pendingConvention = conventionId;
        vm.kind.set(DocumentsViewModel.Kind.FICHE);
    }

    @Override
    public void activate() {
        vm.refreshTemplate();
        refreshLetterhead();
        record Choices(List<ConventionListItem> conventions, List<Department> departments, List<Epci> epcis,
                       List<Integer> years, Integer latestReported, LocalDate today,
                       List<fr.ancrage.domain.CeremonyListItem> ceremonies) {
        }
        ui.tasks().run(() -> new Choices(conventionService.list(), territories.departments(), territories.epcis(),
                dashboard.years(), dashboard.latestReportedYear().orElse(null), dashboard.today(), ceremonies.list()),
                c -> {
            var keptCeremony = pendingCeremony != null ? pendingCeremony
                    : vm.ceremony.get() == null ? null : vm.ceremony.get().id();
            pendingCeremony = null;
            vm.ceremonies.setAll(c.ceremonies());
            vm.ceremony.set(c.ceremonies().stream().filter(x -> x.id().equals(keptCeremony)).findFirst()
                    .orElse(c.ceremonies().stream().filter(x -> !x.closed()).reduce((a, b) -> b)
                            .orElse(c.ceremonies().isEmpty() ? null : c.ceremonies().getFirst())));
            allEpcis = c.epcis();
            ConventionListItem kept = vm.convention.get();
            vm.conventions.setAll(c.conventions());
            if (pendingConvention != null) {
                c.conventions().stream().filter(i -> i.id().equals(pendingConvention)).findFirst()
                        .ifPresent(vm.convention::set);
                pendingConvention = null;
            } else if (kept != null) {
                c.conventions().stream().filter(i -> i.id().equals(kept.id())).findFirst().ifPresentOrElse(
                        vm.convention::set, () -> vm.convention.set(null));
            }
            departmentBox.getItems().setAll(c.departments());
            vm.years.setAll(c.years());
            if (vm.year.get() == null) {
                vm.year.set(DocumentsViewModel.proposedYear(c.years(), c.latestReported(), c.today()));
            }
            if (vm.department.get() == null) {
                proposeTerritory(c.conventions(), c.departments());
            }
        }, error -> ui.dialogs().error(root.getScene().getWindow(), ui.i18n().get("error.title"),
                ui.errors().describe(error)));
    }

    /** How the letterhead's logo is chosen (tests answer without the system's file chooser). */
    public void useImageChooser(java.util.function.Function<javafx.stage.Window, java.util.Optional<Path>> chooser) {
        this.imageChooser = chooser;
    }

    /** How packages and reports are chosen (tests answer without the system's file chooser). */
    public void useFileChoice(FileChoice chooser) {
        this.files = chooser;
    }

    /** Called once an import has written to the base (the dashboard's badge follows). */
    public void setOnImported(Runnable listener) {
        this.onImported = listener;
    }

    /** « Paquet d'échange… »: reads the territories and the known bases, then asks what to send. */
    @FXML
    private void onExchangeExport() {
        if (exchangeOpening) {
            return;
        }
        exchangeOpening = true;
        Window owner = root.getScene().getWindow();
        ui.tasks().run(() -> new ExportDialog.Choices(territories.departments(), territories.epcis(), exchange.peers()),
                choices -> {
                    exchangeOpening = false;
                    new ExportDialog(ui, exchange, documents, files).show(owner, choices);
                }, error -> {
                    exchangeOpening = false;
                    ui.dialogs().error(owner, ui.i18n().get("error.title"), ui.errors().describe(error));
                });
    }

    /** « Importer un paquet… » (and Ctrl+Maj+I anywhere): the file, then the import's preview. */
    @FXML
    private void onImportPackage() {
        chooseAndImport(root.getScene().getWindow());
    }

    /** Asks for a package file, then opens its import. */
    public void chooseAndImport(Window owner) {
        files.choose(owner, FileChoice.Purpose.OPEN_PACKAGE, "").ifPresent(file -> openImport(owner, file));
    }

    /**
     * Opens the import of {@code file} (chosen, or dropped on the window): read and previewed in the
     * background, nothing written before « Importer ».
     */
    public void openImport(Window owner, Path file) {
        if (exchangeOpening) {
            return;
        }
        exchangeOpening = true;
        try {
            ImportViewModel model = new ImportViewModel(ui.i18n(), exchange, ui.tasks(), ui.errors(),
                    this::indicatorNames, file, onImported);
            new ImportDialog(ui, model, documents, files).show(owner);
        } finally {
            exchangeOpening = false;
        }
    }

    private Map<UUID, String> indicatorNames() {
        Map<UUID, String> names = new java.util.HashMap<>();
        catalogue.catalogue().indicators().forEach(i -> names.put(i.id(), i.name()));
        return names;
    }

    /** « Historique des échanges »: the packages made and imported, the bases and their last exchange. */
    @FXML
    private void onExchangeHistory() {
        if (exchangeOpening) {
            return;
        }
        exchangeOpening = true;
        Window owner = root.getScene().getWindow();
        ui.tasks().run(() -> HistoryDialog.read(exchange), content -> {
            exchangeOpening = false;
            new HistoryDialog(ui, documents, files).show(owner, content);
        }, error -> {
            exchangeOpening = false;
            ui.dialogs().error(owner, ui.i18n().get("error.title"), ui.errors().describe(error));
        });
    }

    /** Says whether the documents carry a letterhead, and whose. */
    private void refreshLetterhead() {
        ui.tasks().run(documents.letterheads()::get, this::showLetterhead,
                error -> letterheadState.setText(ui.errors().describe(error)));
    }

    private void showLetterhead(fr.ancrage.domain.Letterhead l) {
        letterheadState.setText(l.configured() ? ui.i18n().format("documents.letterhead.set", l.authority())
                : ui.i18n().get("documents.letterhead.none"));
    }

    /** « En-tête des documents… »: reads the letterhead, then lets the team edit it. */
    @FXML
    private void onLetterhead() {
        letterheadButton.setDisable(true);
        ui.tasks().run(documents.letterheads()::get, current -> {
            letterheadButton.setDisable(false);
            new LetterheadDialog(ui, documents.letterheads(), imageChooser).show(root.getScene().getWindow(), current,
                    this::showLetterhead);
        }, error -> {
            letterheadButton.setDisable(false);
            ui.dialogs().error(root.getScene().getWindow(), ui.i18n().get("error.title"), ui.errors().describe(error));
        });
    }

    /** The territory most conventions belong to, so that the usual bilan is one click away. */
    private void proposeTerritory(List<ConventionListItem> conventions, List<Department> departments) {
        conventions.stream().filter(c -> c.epciSiren() != null && !c.epciSiren().isEmpty())
                .collect(Collectors.groupingBy(ConventionListItem::epciSiren, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> {
                    Epci epci = allEpcis.stream().filter(e -> e.siren().equals(top.getKey())).findFirst().orElse(null);
                    if (epci != null) {
                        departments.stream().filter(d -> d.code().equals(epci.departmentCode())).findFirst()
                                .ifPresent(vm.department::set);
                        vm.epci.set(epci);
                    }
                });
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        fr.ancrage.ui.common.Keys.hint(importPackageButton, i18n, "keys.importPackage");
        ToggleGroup kinds = new ToggleGroup();
        for (RadioButton r : List.of(ficheChoice, toSignChoice, bilanChoice, packageChoice, ceremonyChoice)) {
            r.setToggleGroup(kinds);
        }
        Map<RadioButton, DocumentsViewModel.Kind> kindOf = Map.of(ficheChoice, DocumentsViewModel.Kind.FICHE,
                toSignChoice, DocumentsViewModel.Kind.TO_SIGN, bilanChoice, DocumentsViewModel.Kind.BILAN,
                packageChoice, DocumentsViewModel.Kind.PACKAGE, ceremonyChoice, DocumentsViewModel.Kind.CEREMONY);
        kinds.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.kind.set(kindOf.get((RadioButton) t));
            }
        });
        vm.kind.subscribe(k -> {
            kindOf.forEach((r, kind) -> r.setSelected(kind == k));
            kindHint.setText(i18n.get(switch (k) {
                case FICHE -> "documents.kind.fiche.hint";
                case TO_SIGN -> "documents.kind.toSign.hint";
                case BILAN -> "documents.kind.bilan.hint";
                case PACKAGE -> "documents.kind.package.hint";
                case CEREMONY -> "documents.kind.ceremony.hint";
            }));
            show(k.needsConvention(), conventionLabel, conventionBox);
            show(k.needsTerritory(), departmentLabel, departmentBox, epciLabel, epciBox, yearLabel, yearBox);
            show(k == DocumentsViewModel.Kind.CEREMONY, ceremonyLabel, ceremonyBox, ceremonyDocsLabel, ceremonyDocsBox);
            show(k == DocumentsViewModel.Kind.TO_SIGN, templateLabel, templateBox);
            formatBoxes.forEach((f, box) -> box.setDisable(!k.allows(f)));
            formatsHint.setText(k == DocumentsViewModel.Kind.PACKAGE ? i18n.get("documents.formats.packageHint")
                    : k == DocumentsViewModel.Kind.CEREMONY ? i18n.get("documents.formats.ceremonyHint") : "");
        });

        conventionBox.setItems(vm.conventions);
        conventionBox.setConverter(Cells.converter(c -> c.reference() + " – " + c.companyName()));
        conventionBox.setPromptText(i18n.get("documents.convention.prompt"));
        bindBoth(conventionBox.valueProperty(), vm.convention);

        ceremonyBox.setItems(vm.ceremonies);
        ceremonyBox.setConverter(Cells.converter(c -> i18n.format("ceremonies.name",
                fr.ancrage.ui.common.Formats.date(c.date()), c.title())));
        ceremonyBox.setPromptText(i18n.get("documents.ceremony.prompt"));
        bindBoth(ceremonyBox.valueProperty(), vm.ceremony);
        Map<CheckBox, DocumentService.CeremonyDocument> docOf = Map.of(dossierCheck,
                DocumentService.CeremonyDocument.DOSSIER, tentsCheck, DocumentService.CeremonyDocument.TENTS,
                printCheck, DocumentService.CeremonyDocument.PRINT, pressCheck, DocumentService.CeremonyDocument.PRESS);
        docOf.forEach((box, doc) -> box.selectedProperty().bindBidirectional(vm.ceremonyDocuments.get(doc)));
        originalsSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                20, vm.originals.get()));
        originalsSpinner.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,2}") ? change : null));
        originalsSpinner.valueProperty().subscribe(v -> vm.originals.set(v == null ? 1 : v));
        originalsSpinner.disableProperty().bind(printCheck.selectedProperty().not());

        departmentBox.setConverter(Cells.converter(d -> d.code() + " – " + d.name()));
        departmentBox.setPromptText(i18n.get("documents.department.prompt"));
        bindBoth(departmentBox.valueProperty(), vm.department);
        epciBox.setConverter(Cells.converter(e -> e == null ? i18n.get("documents.epci.all") : e.name()));
        epciBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Epci item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? i18n.get("documents.epci.all") : item.name());
            }
        });
        vm.department.subscribe(d -> {
            Epci kept = vm.epci.get();
            List<Epci> ofDepartment = new ArrayList<>();
            ofDepartment.add(null);
            if (d != null) {
                allEpcis.stream().filter(e -> d.code().equals(e.departmentCode()))
                        .sorted(Comparator.comparing(Epci::name)).forEach(ofDepartment::add);
            }
            epciBox.getItems().setAll(ofDepartment);
            vm.epci.set(kept != null && ofDepartment.contains(kept) ? kept : null);
            epciBox.setValue(vm.epci.get());
        });
        bindBoth(epciBox.valueProperty(), vm.epci);
        yearBox.setItems(vm.years);
        yearBox.setPromptText(i18n.get("documents.year.prompt"));
        bindBoth(yearBox.valueProperty(), vm.year);

        for (Format f : Format.values()) {
            CheckBox box = new CheckBox(i18n.get(switch (f) {
                case PDF -> "documents.format.pdf";
                case ODT -> "documents.format.odt";
                case ODS -> "documents.format.ods";
                case XLSX -> "documents.format.xlsx";
                case CSV -> "documents.format.csv";
            }));
            box.setId("format-" + f.extension());
            box.selectedProperty().bindBidirectional(vm.formats.get(f));
            box.setDisable(!vm.kind.get().allows(f));
            formatBoxes.put(f, box);
            formatsPane.getChildren().add(box);
        }
        folderField.textProperty().bindBidirectional(vm.folder);
        formatsHint.managedProperty().bind(formatsHint.textProperty().isNotEmpty());
        formatsHint.visibleProperty().bind(formatsHint.textProperty().isNotEmpty());
        vm.customTemplate.subscribe(custom -> {
            templateState.setText(custom.map(p -> i18n.format("documents.template.custom", p.toString()))
                    .orElse(i18n.get("documents.template.providedInUse")));
            providedTemplateButton.setDisable(custom.isEmpty());
        });
        editTemplateButton.disableProperty().bind(vm.running);

        problemLabel.textProperty().bind(vm.problemProperty());
        show(problemLabel, vm.problemProperty().isNotEmpty());
        exportButton.disableProperty().bind(vm.canExport().not());
        cancelButton.visibleProperty().bind(vm.running);
        cancelButton.managedProperty().bind(vm.running);
        progressBox.visibleProperty().bind(vm.running);
        progressBox.managedProperty().bind(vm.running);
        progressBar.progressProperty().bind(vm.progress);
        stepLabel.textProperty().bind(vm.step);
        chooseFolderButton.disableProperty().bind(vm.running);
        outcomeLabel.textProperty().bind(vm.outcome);
        vm.failed.subscribe(f -> {
            outcomeLabel.getStyleClass().removeAll("field-message", "error", "export-done");
            outcomeLabel.getStyleClass().addAll(f ? List.of("field-message", "error") : List.of("export-done"));
        });
        resultBox.visibleProperty().bind(vm.outcome.isNotEmpty());
        resultBox.managedProperty().bind(vm.outcome.isNotEmpty());
        filesList.setItems(vm.written);
        filesList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        filesList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.written));
        filesList.managedProperty().bind(filesList.visibleProperty());
        openFolderButton.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.written));
        openFolderButton.managedProperty().bind(openFolderButton.visibleProperty());
    }

    private static <T> void bindBoth(javafx.beans.property.ObjectProperty<T> control,
                                     javafx.beans.property.ObjectProperty<T> model) {
        control.set(model.get());
        control.subscribe(v -> {
            if (!Objects.equals(model.get(), v)) {
                model.set(v);
            }
        });
        model.subscribe(v -> {
            if (!Objects.equals(control.get(), v)) {
                control.set(v);
            }
        });
    }

    private static void show(boolean visible, Node... nodes) {
        for (Node n : nodes) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    @FXML
    private void onEditTemplate() {
        vm.editTemplate(this::openInSystem);
    }

    @FXML
    private void onProvidedTemplate() {
        var i18n = ui.i18n();
        if (ui.dialogs().confirm(root.getScene().getWindow(), i18n.get("documents.template.provided"),
                i18n.get("documents.template.provided.confirm"), i18n.get("documents.template.provided"))) {
            vm.useProvidedTemplate();
        }
    }

    @FXML
    private void onExport() {
        vm.export();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onChooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(ui.i18n().get("documents.chooseFolder.title"));
        Path current = DocumentsViewModel.folderPath(vm.folder.get());
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            vm.folder.set(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void onOpenFolder() {
        if (!vm.written.isEmpty()) {
            openInSystem(vm.written.getFirst().toAbsolutePath().getParent());
        }
    }

    /** Opens a folder or a file with the system's application, or says why it could not. */
    private void openInSystem(Path path) {
        FolderOpener.open(path, error -> ui.dialogs().error(root.getScene().getWindow(), ui.i18n().get("error.title"),
                ui.i18n().format("documents.openFolder.failed", String.valueOf(error.getMessage()))));
    }

}
