package fr.ancrage.ui.main;

import fr.ancrage.domain.DashboardAlerts;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.service.BaseIdentityService;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.Services;
import fr.ancrage.ui.campaigns.CampaignsView;
import fr.ancrage.ui.ceremonies.CeremoniesView;
import fr.ancrage.ui.documents.DocumentsView;
import fr.ancrage.ui.catalogue.CatalogueView;
import fr.ancrage.ui.common.FolderOpener;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.TaskRunner;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.conventions.ConventionsView;
import fr.ancrage.ui.dashboard.DashboardView;
import fr.ancrage.ui.organisations.OrganisationsView;
import fr.ancrage.ui.territories.TerritoriesView;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Builds the sections and the main window. */
public final class Shell implements Navigator {

    private final UiContext ui;
    private final Stage stage;
    private final OrganisationsView organisationsView;
    private final ConventionsView conventionsView;
    private final CampaignsView campaignsView;
    private final DocumentsView documentsView;
    private final CeremoniesView ceremoniesView;
    private final TerritoriesView territoriesView;
    private final DashboardService dashboard;
    private final BaseIdentityService identities;
    private final MainView main;
    private TaskRunner.Cancellable badgeTask;
    private boolean identityOpening;

    public Shell(UiContext ui, Stage stage, Path dataDirectory, Services services) {
        this(ui, stage, dataDirectory, services, null, backup -> { });
    }

    /**
     * With the data folder's backups: « Sauvegardes… » (Ctrl+Maj+S) lists them; {@code restore}
     * closes the base, puts a backup in its place and opens it again.
     */
    public Shell(UiContext ui, Stage stage, Path dataDirectory, Services services,
                 fr.ancrage.service.BackupService backups, java.util.function.Consumer<Path> restore) {
        this.ui = ui;
        this.stage = stage;
        this.organisationsView = new OrganisationsView(ui, services.organisations(), services.conventions(),
                services.territories(), services.engagements(), services.documents(), services.sheets(), this);
        this.conventionsView = new ConventionsView(ui, services.conventions(), services.organisations(),
                services.territories(), services.engagements(), services.catalogue(), services.documents(), this);
        this.campaignsView = new CampaignsView(ui, services.campaigns(), services.conventions(),
                services.engagements(), services.documents(), this);
        this.dashboard = services.dashboard();
        DashboardView dashboardView = new DashboardView(ui, services.dashboard(), services.territories(), this,
                this::showBadge);
        CatalogueView catalogueView = new CatalogueView(ui, services.catalogue());
        this.territoriesView = new TerritoriesView(ui, services.territories(), services.qpvList(), services.reference());
        // a merged commune or a dissolved EPCI must not stay offered by the forms of the other screens
        territoriesView.setOnReferenceUpdated(() -> {
            organisationsView.listModel().forgetTerritories();
            conventionsView.listModel().forgetTerritories();
        });
        this.documentsView = new DocumentsView(ui, services.documents(), services.conventions(), services.territories(),
                services.dashboard(), services.ceremonies(), services.exchange(), services.catalogue());
        this.ceremoniesView = new CeremoniesView(ui, services.ceremonies(), this, this::exportCeremonyDocument);
        this.main = new MainView(ui.i18n(), List.of(dashboardView, organisationsView, conventionsView, ceremoniesView,
                campaignsView, catalogueView, territoriesView, documentsView),
                dataDirectory, ui.tasks().busyProperty());
        if (backups != null) {
            main.addSidebarAction("backups", ui.i18n().get("backups.action"),
                    org.kordamp.ikonli.materialdesign2.MaterialDesignB.BACKUP_RESTORE,
                    new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
                            javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                    () -> new BackupsDialog(ui, backups, restore).show(stage));
        }
        this.identities = services.baseIdentity();
        main.addSidebarAction("baseIdentityAction", ui.i18n().get("baseIdentity.action"),
                org.kordamp.ikonli.materialdesign2.MaterialDesignD.DATABASE_COG_OUTLINE,
                new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.B,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                this::editBaseIdentity);
        main.addSidebarAction("importAction", ui.i18n().get("import.choice.action"),
                org.kordamp.ikonli.materialdesign2.MaterialDesignF.FILE_IMPORT_OUTLINE,
                new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.O,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                this::chooseImport);
        main.setOnBaseIdentity(this::editBaseIdentity);
        main.setOnAbout(() -> about(dataDirectory).show(stage));
        // a package is imported from the Documents screen, by Ctrl+Maj+I anywhere, or dropped on the window
        documentsView.setOnImported(this::refreshBadge);
        main.root().sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.I,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                        () -> documentsView.chooseAndImport(stage));
            }
        });
        main.root().setOnDragOver(e -> {
            if (droppedPackage(e.getDragboard()) != null) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        main.root().setOnDragDropped(e -> {
            Path file = droppedPackage(e.getDragboard());
            e.setDropCompleted(file != null);
            e.consume();
            if (file != null) {
                // once the drop is over: the import's dialog waits for the user
                javafx.application.Platform.runLater(() -> documentsView.openImport(stage, file));
            }
        });
        // the badge follows every change made in any section; the dashboard refreshes it itself
        main.setOnSectionShown(id -> {
            if (!id.equals("dashboard")) {
                refreshBadge();
            }
        });
    }

    /** The one .zip file dragged over the window, or null (several files, another kind of file). */
    static Path droppedPackage(javafx.scene.input.Dragboard board) {
        return board == null || !board.hasFiles() ? null : droppedPackage(board.getFiles());
    }

    /** The one .zip file among {@code files}, or null. */
    static Path droppedPackage(List<java.io.File> files) {
        if (files.size() != 1) {
            return null;
        }
        java.io.File f = files.getFirst();
        return f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && f.isFile() ? f.toPath() : null;
    }

    /** The « À propos » dialog of this data folder; a failure to open the log folder is said in a dialog. */
    private AboutDialog about(Path dataDirectory) {
        return new AboutDialog(ui, AboutDialog.Info.of(dataDirectory), folder -> FolderOpener.open(folder,
                error -> ui.dialogs().error(stage, ui.i18n().get("error.title"),
                        ui.i18n().format("documents.openFolder.failed", String.valueOf(error.getMessage())))));
    }

    /** Reads the identity of the base in the background and shows its name in the status bar. */
    public void refreshBaseIdentity() {
        ui.tasks().run(identities::identity, main::showBaseIdentity,
                error -> LoggerFactory.getLogger(Shell.class).warn("Identity of the base not read", error));
    }

    /**
     * « Importer… » (the sidebar's button, Ctrl+Maj+O): what to import, then its own steps, on the
     * screen where what it brings is shown.
     */
    public void chooseImport() {
        new fr.ancrage.ui.imports.ImportChoiceDialog(ui.i18n()).show(stage).ifPresent(choice -> {
            switch (choice) {
                case ORGANISATIONS -> {
                    main.show(organisationsView.id());
                    organisationsView.chooseAndImportSheet(stage);
                }
                case QPV_LIST -> {
                    main.show(territoriesView.id());
                    territoriesView.showQpvs();
                    territoriesView.chooseAndImportQpvList(stage);
                }
                case REFERENCE -> {
                    main.show(territoriesView.id());
                    territoriesView.chooseAndUpdateReference(stage);
                }
                case PACKAGE -> documentsView.chooseAndImport(stage);
            }
        });
    }

    /**
     * « Identité de cette base » (the name in the status bar, the sidebar's button, Ctrl+Maj+B): reads
     * the identity, then lets the team name the base; the status bar follows a rename.
     */
    public void editBaseIdentity() {
        if (identityOpening) {
            return; // already being read or shown
        }
        identityOpening = true;
        ui.tasks().run(identities::identity, current -> {
            try {
                main.showBaseIdentity(current);
                new BaseIdentityDialog(ui, identities).show(stage, current, main::showBaseIdentity);
            } finally {
                identityOpening = false;
            }
        }, error -> {
            identityOpening = false;
            ui.dialogs().error(stage, ui.i18n().get("error.title"), ui.errors().describe(error));
        });
    }

    /** Counts the alerts of the whole base in the background and shows them on the dashboard's button. */
    public void refreshBadge() {
        if (badgeTask != null) {
            badgeTask.cancel();
        }
        badgeTask = ui.tasks().run(() -> dashboard.alerts(DashboardFilter.all()), this::showBadge,
                error -> LoggerFactory.getLogger(Shell.class).warn("Alerts not counted", error));
    }

    private void showBadge(DashboardAlerts alerts) {
        main.setBadge("dashboard", alerts.total(), ui.i18n().format("dashboard.badge", alerts.total()));
    }

    public MainView main() {
        return main;
    }

    /** The Organisations section (tests set its file choosers). */
    public OrganisationsView organisationsView() {
        return organisationsView;
    }

    /** The Territories section (tests set its file choosers). */
    public TerritoriesView territoriesView() {
        return territoriesView;
    }

    public DocumentsView documentsView() {
        return documentsView;
    }

    /**
     * Shows the main window on the dashboard. On a new base the demo question and the long first
     * work came before ({@link FirstStart}): the window opens on what is there.
     */
    public void open() {
        stage.getScene().setRoot(main.root());
        main.show("dashboard");
        refreshBaseIdentity();
    }

    /**
     * Asked when the window is about to close: true when nothing is unsaved, or when the user
     * chooses to quit without saving. Escape and Enter pick « Revenir à la fiche ».
     */
    public boolean mayClose() {
        List<String> unsaved = main.sectionsWithUnsavedChanges();
        if (unsaved.isEmpty()) {
            return true;
        }
        var i18n = ui.i18n();
        return ui.dialogs().chooseAmong(stage, i18n.get("close.unsaved.title"),
                i18n.format("close.unsaved.message", String.join(", ", unsaved)),
                List.of(i18n.get("close.unsaved.quit"), i18n.get("close.unsaved.back")), 1).orElse(1) == 0;
    }

    @Override
    public void exportConventionFiche(UUID conventionId) {
        documentsView.prepareFiche(conventionId);
        main.show("documents");
    }

    /** The list export of the campaigns screen (tests drive it without the file chooser). */
    public fr.ancrage.ui.common.ListExport<fr.ancrage.domain.CampaignReportItem> campaignsListExport() {
        return campaignsView.listExport();
    }

    private void exportCeremonyDocument(UUID ceremonyId, fr.ancrage.service.documents.DocumentService.CeremonyDocument document) {
        documentsView.prepareCeremony(ceremonyId, document);
        main.show("documents");
    }

    /** The convention form (tests read what it holds). */
    public fr.ancrage.ui.conventions.ConventionFormViewModel conventionsForm() {
        return conventionsView.formModel();
    }

    /** The ceremonies screen (tests reach its state). */
    public CeremoniesView ceremoniesView() {
        return ceremoniesView;
    }

    /** The list export of the conventions screen (tests drive it without the file chooser). */
    public fr.ancrage.ui.common.ListExport<fr.ancrage.domain.ConventionListItem> conventionsListExport() {
        return conventionsView.listExport();
    }

    @Override
    public void exportConventionToSign(UUID conventionId) {
        documentsView.prepareToSign(conventionId);
        main.show("documents");
    }

    @Override
    public void openOrganisation(UUID organisationId) {
        organisationsView.open(organisationId);
        main.show("organisations");
    }

    @Override
    public void openConvention(UUID conventionId) {
        conventionsView.open(conventionId);
        main.show("conventions");
    }

    @Override
    public void openConventionEngagements(UUID conventionId) {
        conventionsView.openOnEngagements(conventionId);
        main.show("conventions");
    }

    @Override
    public void openOverdueReport(int year, UUID conventionId) {
        campaignsView.openOverdue(year, conventionId);
        main.show("campaigns");
    }

    @Override
    public void newConvention(UUID companyId) {
        conventionsView.newFor(companyId);
        main.show("conventions");
    }
}
