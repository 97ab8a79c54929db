package fr.ancrage.service;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.documents.DocumentService;

import java.time.Clock;

/** The use cases of the application over one store, as the composition root hands them to the interface. */
public record Services(OrganisationService organisations, ConventionService conventions, TerritoryService territories,
                       EngagementService engagements, CatalogueService catalogue, CampaignService campaigns,
                       DashboardService dashboard, DemoDataService demo, DocumentService documents,
                       CeremonyService ceremonies, BaseIdentityService baseIdentity,
                       fr.ancrage.service.exchange.ExchangeService exchange,
                       fr.ancrage.service.imports.SheetImports sheets,
                       fr.ancrage.service.imports.QpvListImport qpvList,
                       fr.ancrage.service.imports.ReferenceUpdateImport reference) {

    /** The services with the documents in French. */
    public static Services over(Store store, Clock clock) {
        return over(store, clock, I18n.forLanguage("fr"));
    }

    /** The services; the documents are written in the language of {@code texts}, with the templates provided. */
    public static Services over(Store store, Clock clock, I18n texts) {
        return over(store, clock, texts, null);
    }

    /** As {@link #over(Store, Clock, I18n)}, the team's own templates kept in {@code templateFolder}. */
    public static Services over(Store store, Clock clock, I18n texts, java.nio.file.Path templateFolder) {
        return new Services(new OrganisationService(store), new ConventionService(store, clock),
                new TerritoryService(store), new EngagementService(store), new CatalogueService(store),
                new CampaignService(store, clock), new DashboardService(store, clock), new DemoDataService(store, clock),
                new DocumentService(store, clock, texts, templateFolder), new CeremonyService(store, clock),
                new BaseIdentityService(store, clock), new fr.ancrage.service.exchange.ExchangeService(store, clock, texts),
                new fr.ancrage.service.imports.SheetImports(store, texts, clock),
                new fr.ancrage.service.imports.QpvListImport(store),
                new fr.ancrage.service.imports.ReferenceUpdateImport(store));
    }
}
