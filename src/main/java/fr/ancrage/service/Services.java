package fr.ancrage.service;

import fr.ancrage.persistence.Store;

import java.time.Clock;

/** The use cases of the application over one store, as the composition root hands them to the interface. */
public record Services(OrganisationService organisations, ConventionService conventions, TerritoryService territories,
                       EngagementService engagements, CatalogueService catalogue, CampaignService campaigns,
                       DashboardService dashboard, DemoDataService demo) {

    public static Services over(Store store, Clock clock) {
        return new Services(new OrganisationService(store), new ConventionService(store, clock),
                new TerritoryService(store), new EngagementService(store), new CatalogueService(store),
                new CampaignService(store, clock), new DashboardService(store, clock), new DemoDataService(store, clock));
    }
}
