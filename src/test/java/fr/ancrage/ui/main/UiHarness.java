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
import fr.ancrage.ui.common.UiPreferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    /**
     * The day the tests run on, whatever the real date: references, overdue reports and « today »
     * do not change at midnight or on New Year's Eve.
     */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Paris"));

    public final Clock clock = CLOCK;
    public final FxTaskRunner tasks = new FxTaskRunner();
    /** What the screens run their work with: {@link #tasks}, held back when a test asks. */
    public final DelayableTaskRunner slowTasks = new DelayableTaskRunner(tasks);
    public Shell shell;
    /** What the screens remember between sessions; kept when {@link #start} runs again (a new session). */
    public final UiPreferences preferences = UiPreferences.inMemory();
    private Stage stage;
    private double width = 1000;
    private double height = 760;

    public UiHarness() {
        database = TestStores.withReference();
        Store store = new Store(database.dsl());
        organisations = new OrganisationService(store);
        conventions = new ConventionService(store, clock);
        territories = new TerritoryService(store);
        engagements = new EngagementService(store);
        catalogue = new CatalogueService(store);
        campaigns = new CampaignService(store, clock);
        dashboard = new DashboardService(store, clock);
        ceremonies = new CeremonyService(store, clock);
    }

    /** The window's size at the next {@link #start} (1000 × 760 unless told), e.g. 1024 × 700 for a small screen. */
    public UiHarness size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Call from TestFX's {@code @Start}: shows the window as the application opens, on the dashboard. */
    public void start(Stage stage) {
        this.stage = stage;
        // a dialog left open by an earlier test class would catch the robot's clicks
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                UiHarness.class.getResource("/fr/ancrage/ui/ancrage.css")).toExternalForm());
        stage.setScene(scene);
        UiContext ui = UiContext.create(I18n.forLanguage("fr"), slowTasks, CLOCK, preferences);
        Store store = new Store(database.dsl());
        shell = new Shell(ui, stage, java.nio.file.Path.of("mémoire"), new Services(organisations, conventions,
                territories, engagements, catalogue, campaigns, dashboard, new DemoDataService(store, clock),
                new fr.ancrage.service.documents.DocumentService(store, clock, ui.i18n()), ceremonies,
                new fr.ancrage.service.BaseIdentityService(store, CLOCK),
                new fr.ancrage.service.exchange.ExchangeService(store, clock, ui.i18n()),
                new fr.ancrage.service.imports.SheetImports(store, ui.i18n(), clock),
                new fr.ancrage.service.imports.QpvListImport(store),
                new fr.ancrage.service.imports.ReferenceUpdateImport(store)));
        shell.open();
        // the headless screen is 1000 px wide: an earlier, wider test stage would put buttons off-screen
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Today on {@link #CLOCK}. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Takes the window off the screens first (a late event on them would start work on a closed
     * runner), lets the running work end, then drops the base.
     */
    @Override
    public void close() {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
                stage.getScene().setRoot(new StackPane());
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        tasks.close();
        WaitForAsyncUtils.waitForFxEvents();
        TestStores.shutdown(database);
    }
}
