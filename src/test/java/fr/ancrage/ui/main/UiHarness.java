package fr.ancrage.ui.main;

import atlantafx.base.theme.PrimerLight;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.CampaignService;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.Services;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.UiContext;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

import java.time.Clock;
import java.util.Objects;

/** The real main window on a fresh in-memory database, for UI tests. */
public final class UiHarness implements AutoCloseable {

    public final Database database;
    public final OrganisationService organisations;
    public final ConventionService conventions;
    public final TerritoryService territories;
    public final EngagementService engagements;
    public final CatalogueService catalogue;
    public final CampaignService campaigns;
    public final DashboardService dashboard;
    public final CeremonyService ceremonies;
    public final FxTaskRunner tasks = new FxTaskRunner();
    /** What the screens run their work with: {@link #tasks}, held back when a test asks. */
    public final DelayableTaskRunner slowTasks = new DelayableTaskRunner(tasks);
    public Shell shell;

    public UiHarness() {
        database = TestStores.withReference();
        Store store = new Store(database.dsl());
        organisations = new OrganisationService(store);
        conventions = new ConventionService(store, Clock.systemDefaultZone());
        territories = new TerritoryService(store);
        engagements = new EngagementService(store);
        catalogue = new CatalogueService(store);
        campaigns = new CampaignService(store, Clock.systemDefaultZone());
        dashboard = new DashboardService(store, Clock.systemDefaultZone());
        ceremonies = new CeremonyService(store, Clock.systemDefaultZone());
    }

    /** Call from TestFX's {@code @Start}: shows the window as the application opens, on the dashboard. */
    public void start(Stage stage) {
        // a dialog left open by an earlier test class would catch the robot's clicks
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(), 1000, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
                UiHarness.class.getResource("/fr/ancrage/ui/ancrage.css")).toExternalForm());
        stage.setScene(scene);
        UiContext ui = UiContext.create(I18n.forLanguage("fr"), slowTasks);
        Store store = new Store(database.dsl());
        shell = new Shell(ui, stage, java.nio.file.Path.of("mémoire"), new Services(organisations, conventions,
                territories, engagements, catalogue, campaigns, dashboard, new DemoDataService(store, Clock.systemDefaultZone()),
                new fr.ancrage.service.documents.DocumentService(store, Clock.systemDefaultZone(), ui.i18n()), ceremonies));
        shell.open(false, false);
        // the headless screen is 1000 px wide: an earlier, wider test stage would put buttons off-screen
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Override
    public void close() {
        tasks.close();
        database.close();
    }
}
