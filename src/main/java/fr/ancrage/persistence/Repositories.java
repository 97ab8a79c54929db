package fr.ancrage.persistence;

import org.jooq.DSLContext;

/** The repositories of one unit of work, all sharing its connection (and transaction). */
public final class Repositories {

    private final DSLContext dsl;

    Repositories(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The identity of this base (its id and the name the team gives it). */
    public BaseIdentityRepository baseIdentity() {
        return new BaseIdentityRepository(dsl);
    }

    public LetterheadRepository letterhead() {
        return new LetterheadRepository(dsl);
    }

    public OrganisationRepository organisations() {
        return new OrganisationRepository(dsl);
    }

    public ContactRepository contacts() {
        return new ContactRepository(dsl);
    }

    public ConventionRepository conventions() {
        return new ConventionRepository(dsl);
    }

    public TerritoryRepository territories() {
        return new TerritoryRepository(dsl);
    }

    public QpvRepository qpvs() {
        return new QpvRepository(dsl);
    }

    public ImportMappingRepository importMappings() {
        return new ImportMappingRepository(dsl);
    }

    public CatalogueRepository catalogue() {
        return new CatalogueRepository(dsl);
    }

    public EngagementRepository engagements() {
        return new EngagementRepository(dsl);
    }

    public CampaignRepository campaigns() {
        return new CampaignRepository(dsl);
    }

    public CeremonyRepository ceremonies() {
        return new CeremonyRepository(dsl);
    }

    public DashboardRepository dashboard() {
        return new DashboardRepository(dsl);
    }

    public ExchangeRepository exchange() {
        return new ExchangeRepository(dsl);
    }

    public ReferenceDataImporter referenceData() {
        return new ReferenceDataImporter(dsl);
    }
}
