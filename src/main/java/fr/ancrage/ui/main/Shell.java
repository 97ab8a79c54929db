package fr.ancrage.ui.main;

import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.Services;
import fr.ancrage.ui.campaigns.CampaignsView;
import fr.ancrage.ui.catalogue.CatalogueView;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.UiContext;
import fr.ancrage.ui.conventions.ConventionsView;
import fr.ancrage.ui.organisations.OrganisationsView;
import fr.ancrage.ui.territories.TerritoriesView;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Builds the sections and the main window, and offers the demo dataset on a new database. */
public final class Shell implements Navigator {

    private final UiContext ui;
    private final Stage stage;
    private final DemoDataService demo;
    private final OrganisationsView organisationsView;
    private final ConventionsView conventionsView;
    private final MainView main;

    public Shell(UiContext ui, Stage stage, Path dataDirectory, Services services) {
        this.ui = ui;
        this.stage = stage;
        this.demo = services.demo();
        this.organisationsView = new OrganisationsView(ui, services.organisations(), services.conventions(),
                services.territories(), services.engagements(), this);
        this.conventionsView = new ConventionsView(ui, services.conventions(), services.organisations(),
                services.territories(), services.engagements(), services.catalogue(), this);
        CampaignsView campaignsView = new CampaignsView(ui, services.campaigns(), services.conventions(),
                services.engagements(), this);
        CatalogueView catalogueView = new CatalogueView(ui, services.catalogue());
        TerritoriesView territoriesView = new TerritoriesView(ui, services.territories());
        this.main = new MainView(ui.i18n(), List.of(organisationsView, conventionsView, campaignsView, catalogueView,
                territoriesView),
                dataDirectory, ui.tasks().busyProperty());
    }

    public MainView main() {
        return main;
    }

    /** Shows the main window; on a new database, loads or offers the demo dataset first. */
    public void open(boolean newDatabase, boolean demoRequested) {
        stage.getScene().setRoot(main.root());
        if (newDatabase && demoRequested) {
            loadDemo();
            return;
        }
        if (newDatabase) {
            var i18n = ui.i18n();
            boolean wantsDemo = ui.dialogs().choose(stage, i18n.get("demo.offer.title"), i18n.get("demo.offer.message"),
                    i18n.get("demo.offer.load"), i18n.get("demo.offer.empty")).orElse(false);
            if (wantsDemo) {
                loadDemo();
                return;
            }
        }
        main.show("organisations");
    }

    private void loadDemo() {
        ui.tasks().run(demo::load, summary -> main.show("organisations"), error -> {
            ui.dialogs().error(stage, ui.i18n().get("demo.error.title"), ui.errors().describe(error));
            main.show("organisations");
        });
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
    public void newConvention(UUID companyId) {
        conventionsView.newFor(companyId);
        main.show("conventions");
    }
}
