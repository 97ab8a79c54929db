package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static fr.ancrage.service.ServiceFixtures.GRAND_BESANCON;
import static fr.ancrage.service.ServiceFixtures.company;
import static fr.ancrage.service.ServiceFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two people read the same version of a record; the first saves; the second's save or delete is
 * refused with a {@link StaleRecordException} naming the record, and nothing of the second write
 * is kept. One test per aggregate, each on a fresh migrated database.
 */
class StaleWritesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private Store store;
    private OrganisationService organisations;
    private ConventionService conventions;
    private EngagementService engagements;
    private CatalogueService catalogue;
    private TerritoryService territories;
    private CeremonyService ceremonies;
    private CampaignService campaigns;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        organisations = new OrganisationService(store);
        conventions = new ConventionService(store, CLOCK);
        engagements = new EngagementService(store);
        catalogue = new CatalogueService(store);
        territories = new TerritoryService(store);
        ceremonies = new CeremonyService(store, CLOCK);
        campaigns = new CampaignService(store, CLOCK);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static void assertStale(ThrowingCallable write, RecordKind kind, String name) {
        assertThatThrownBy(write).isInstanceOfSatisfying(StaleRecordException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.name()).isEqualTo(name);
        });
    }

    private static Organisation named(Organisation o, String name) {
        return new Organisation(o.meta(), o.kind(), name, o.siren(), o.siret(), o.nafCode(), o.sizeBand(),
                o.addressLine(), o.postcode(), o.communeCode(), o.inQpv(), o.paqteMember(), o.networks(), o.notes());
    }

    private Convention convention(String companyName) {
        Organisation company = organisations.save(company(companyName, ""));
        Convention d = draft(company.id());
        return conventions.save(new Convention(d.meta(), "", d.title(), d.companyId(), d.framework(),
                d.departmentCode(), d.epciSiren(), d.stateReferent(), ConventionStatus.NEGOTIATION, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(), List.of(
                        new Signatory(RecordMeta.fresh(), 0, SignatoryRole.PREFECT, "Jean-François Colombet",
                                "Préfet du Doubs", null, null),
                        new Signatory(RecordMeta.fresh(), 0, SignatoryRole.COMPANY, "Claire Dumont", "Présidente",
                                company.id(), null)), ""));
    }

    private static Convention titled(Convention c, String title, List<Signatory> signatories) {
        return new Convention(c.meta(), c.reference(), title, c.companyId(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(), c.endDate(),
                c.qpvIds(), signatories, c.notes());
    }

    private ActionType stages() {
        return catalogue.catalogue().actionTypes().stream().filter(t -> "STAGES_3E".equals(t.code())).findFirst()
                .orElseThrow();
    }

    private Engagement engagement(Convention c, String description, String target) {
        ActionType stages = stages();
        return engagements.save(new Engagement(RecordMeta.fresh(), c.id(), stages.id(), description, Set.of(), null,
                2026, 2027, EngagementStatus.PLANNED,
                List.of(new Target(stages.indicatorIds().getFirst(), 2026, new BigDecimal(target)))));
    }

    private static Engagement with(Engagement e, String description, List<Target> targets) {
        return new Engagement(e.meta(), e.conventionId(), e.actionTypeId(), description, e.qpvIds(), e.partnerId(),
                e.firstYear(), e.lastYear(), e.status(), targets);
    }

    @Test
    void organisation() {
        Organisation read = organisations.save(company("Dupont SA", ""));
        organisations.save(named(read, "Dupont et fils SA"));
        assertStale(() -> organisations.save(named(read, "Dupont SAS")), RecordKind.ORGANISATION, "Dupont SAS");
        assertStale(() -> organisations.delete(read), RecordKind.ORGANISATION, "Dupont SA");
        assertThat(organisations.get(read.id()).orElseThrow().legalName()).isEqualTo("Dupont et fils SA");
    }

    @Test
    void contact() {
        Organisation o = organisations.save(company("Dupont SA", ""));
        Contact read = organisations.saveContact(new Contact(RecordMeta.fresh(), o.id(), Civility.MADAME, "Claire", "Dupont",
                "Directrice", "", "", true));
        organisations.saveContact(new Contact(read.meta(), o.id(), Civility.MADAME, "Claire", "Dupont", "Présidente", "", "", true));
        assertStale(() -> organisations.saveContact(new Contact(read.meta(), o.id(), Civility.MADAME, "Claire", "Dupont", "Directrice",
                "claire.dupont@example.fr", "", true)), RecordKind.CONTACT, "Claire Dupont");
        assertStale(() -> organisations.deleteContact(read), RecordKind.CONTACT, "Claire Dupont");
        assertThat(organisations.contacts(o.id())).singleElement().satisfies(c -> {
            assertThat(c.jobTitle()).isEqualTo("Présidente");
            assertThat(c.email()).isEmpty();
        });
    }

    @Test
    void conventionWithItsSignatories() {
        Convention read = convention("Horlogerie Vauban");
        conventions.save(titled(read, "Convention PaQte Vauban", read.signatories()));
        List<Signatory> more = new ArrayList<>(read.signatories());
        more.add(new Signatory(RecordMeta.fresh(), 0, SignatoryRole.OTHER, "Marie Curie", "Maire", null, null));
        assertStale(() -> conventions.save(titled(read, "Convention Vauban 2026", more)), RecordKind.CONVENTION,
                read.reference());
        assertStale(() -> conventions.delete(read), RecordKind.CONVENTION, read.reference());
        Convention stored = conventions.get(read.id()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Convention PaQte Vauban");
        assertThat(stored.signatories()).extracting(Signatory::fullName)
                .containsExactly("Jean-François Colombet", "Claire Dumont");
        assertThat(stored.signatories()).extracting(x -> x.meta().id() + "/" + x.meta().version()).isEqualTo(
                read.signatories().stream().map(x -> x.meta().id() + "/" + x.meta().version()).toList());
    }

    @Test
    void engagementWithItsTargets() {
        Convention c = convention("Horlogerie Vauban");
        Engagement read = engagement(c, "Stages de 3e", "10");
        engagements.save(with(read, "Stages de 3e au collège Diderot", read.targets()));
        Target more = new Target(read.targets().getFirst().indicatorId(), 2027, new BigDecimal("12"));
        assertStale(() -> engagements.save(with(read, "Stages", List.of(read.targets().getFirst(), more))),
                RecordKind.ENGAGEMENT, "Stages");
        assertStale(() -> engagements.delete(read), RecordKind.ENGAGEMENT, "Stages de 3e");
        Engagement stored = engagements.list(c.id()).getFirst().engagement();
        assertThat(stored.description()).isEqualTo("Stages de 3e au collège Diderot");
        assertThat(stored.targets()).singleElement().satisfies(t -> {
            assertThat(t.year()).isEqualTo(2026);
            assertThat(t.value()).isEqualByComparingTo("10");
        });
    }

    @Test
    void realisedValue() {
        Convention c = convention("Horlogerie Vauban");
        Engagement e = engagement(c, "Stages de 3e", "10");
        Indicator offered = catalogue.catalogue().indicator(e.targets().getFirst().indicatorId()).orElseThrow();
        RealisedValue read = engagements.saveResult(new RealisedValue(RecordMeta.fresh(), e.id(), offered.id(), 2026,
                new BigDecimal("5"), ResultSource.COMPANY_REPORT, LocalDate.of(2026, 3, 1), ""));
        engagements.saveResult(new RealisedValue(read.meta(), e.id(), offered.id(), 2026, new BigDecimal("6"),
                ResultSource.COMPANY_REPORT, LocalDate.of(2026, 3, 1), "corrigé"));
        String name = offered.name() + ", 2026";
        assertStale(() -> engagements.saveResult(new RealisedValue(read.meta(), e.id(), offered.id(), 2026,
                new BigDecimal("7"), ResultSource.DELEGATE_VISIT, LocalDate.of(2026, 3, 2), "")), RecordKind.RESULT, name);
        assertStale(() -> engagements.deleteResult(read), RecordKind.RESULT, name);
        // entered on another laptop meanwhile: the same indicator and year as a new value
        assertStale(() -> engagements.saveResult(new RealisedValue(RecordMeta.fresh(), e.id(), offered.id(), 2026,
                new BigDecimal("8"), ResultSource.PARTNER, LocalDate.of(2026, 3, 2), "")), RecordKind.RESULT, name);
        List<RealisedValue> stored = store.read(r -> r.engagements().results(c.id()));
        assertThat(stored).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("6"));
    }

    @Test
    void counterpart() {
        Convention c = convention("Horlogerie Vauban");
        Organisation partner = organisations.save(new Organisation(RecordMeta.fresh(), OrganisationKind.ASSOCIATION,
                "Maison de quartier Planoise", "", "", "", null, "", "", "", false, false, Set.of(), ""));
        Counterpart read = engagements.save(new Counterpart(RecordMeta.fresh(), c.id(), partner.id(), null,
                "Prêt de salle"));
        engagements.save(new Counterpart(read.meta(), c.id(), partner.id(), null, "Prêt de salle et de matériel"));
        assertStale(() -> engagements.save(new Counterpart(read.meta(), c.id(), partner.id(), null,
                "Prêt de salle le samedi")), RecordKind.COUNTERPART, "Prêt de salle le samedi");
        assertStale(() -> engagements.delete(read), RecordKind.COUNTERPART, "Prêt de salle");
        assertThat(engagements.counterparts(c.id())).extracting(Counterpart::description)
                .containsExactly("Prêt de salle et de matériel");
    }

    @Test
    void qpv() {
        Qpv read = territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024,
                "25", GRAND_BESANCON, List.of("25056")));
        territories.saveQpv(new Qpv(read.meta(), "QN02501A", "Planoise - Île-de-France", GeographyVersion.QPV_2024,
                "25", GRAND_BESANCON, List.of("25056")));
        assertStale(() -> territories.saveQpv(new Qpv(read.meta(), "QN02501A", "Planoise Nord",
                GeographyVersion.QPV_2024, "25", GRAND_BESANCON, List.of("25056"))), RecordKind.QPV, "QN02501A");
        assertStale(() -> territories.deleteQpv(read), RecordKind.QPV, "QN02501A");
        assertThat(territories.qpvs()).extracting(Qpv::name).containsExactly("Planoise - Île-de-France");
    }

    @Test
    void catalogueEntries() {
        EngagementCategory category = catalogue.save(CatalogueService.newCategory("Sport"));
        catalogue.save(new EngagementCategory(category.meta(), "", "Sport et culture", category.position(), true));
        assertStale(() -> catalogue.save(new EngagementCategory(category.meta(), "", "Sport pour tous",
                category.position(), true)), RecordKind.CATEGORY, "Sport pour tous");
        assertStale(() -> catalogue.deleteCategory(category), RecordKind.CATEGORY, "Sport");

        Indicator clubs = catalogue.save(new Indicator(RecordMeta.fresh(), category.id(), "", "Clubs soutenus",
                IndicatorUnit.COUNT, true, 0, true));
        ActionType type = catalogue.save(new ActionType(RecordMeta.fresh(), category.id(), "", "Soutien aux clubs",
                null, 0, true, List.of(clubs.id())));
        Indicator renamed = catalogue.save(new Indicator(clubs.meta(), category.id(), "", "Clubs sportifs soutenus",
                IndicatorUnit.COUNT, true, clubs.position(), true));
        assertStale(() -> catalogue.deleteIndicator(clubs), RecordKind.INDICATOR, "Clubs soutenus");
        // the indicator leaves the action type's form: the form read before is stale
        catalogue.deleteIndicator(renamed);
        assertStale(() -> catalogue.save(new ActionType(type.meta(), category.id(), "", "Soutien aux clubs sportifs",
                null, type.position(), true, List.of())), RecordKind.ACTION_TYPE, "Soutien aux clubs sportifs");
        assertStale(() -> catalogue.deleteActionType(type), RecordKind.ACTION_TYPE, "Soutien aux clubs");
        Catalogue stored = catalogue.catalogue();
        assertThat(stored.category(category.id()).orElseThrow().name()).isEqualTo("Sport et culture");
        assertThat(stored.actionType(type.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.name()).isEqualTo("Soutien aux clubs");
            assertThat(t.indicatorIds()).isEmpty();
        });
        assertThat(stored.indicator(clubs.id())).isEmpty();
    }

    private Ceremony ceremony() {
        return ceremonies.save(new Ceremony(RecordMeta.fresh(), "Signatures de printemps", LocalDate.of(2026, 3, 17),
                LocalTime.of(10, 30), "Préfecture du Doubs", "Préfet du Doubs", "", "", "", null, List.of(), List.of()));
    }

    private Ceremony placed(Ceremony c, String place, List<ProgrammeItem> programme) {
        return new Ceremony(c.meta(), c.title(), c.date(), c.startTime(), place, c.host(), c.partners(), c.press(),
                c.notes(), c.closedOn(), programme, c.tasks());
    }

    private Convention ready(String companyName) {
        Convention c = convention(companyName);
        engagement(c, "Stages", "12");
        return conventions.changeStatus(c, ConventionStatus.READY_TO_SIGN);
    }

    @Test
    void ceremonyWithItsProgrammeAndTasks() {
        Ceremony read = ceremony();
        ceremonies.save(placed(read, "Préfecture du Doubs, salons", read.programme()));
        assertStale(() -> ceremonies.save(placed(read, "Hôtel de ville", List.of(new ProgrammeItem(RecordMeta.fresh(),
                LocalTime.of(10, 30), "Préfet", "", "Accueil")))), RecordKind.CEREMONY, "Signatures de printemps");
        assertStale(() -> ceremonies.delete(read), RecordKind.CEREMONY, "Signatures de printemps");
        Ceremony stored = ceremonies.get(read.id()).orElseThrow();
        assertThat(stored.place()).isEqualTo("Préfecture du Doubs, salons");
        assertThat(stored.programme()).isEmpty();
        assertThat(stored.tasks()).extracting(t -> t.meta().id() + "/" + t.meta().version())
                .isEqualTo(read.tasks().stream().map(t -> t.meta().id() + "/" + t.meta().version()).toList());
    }

    @Test
    void ceremonySigningOrder() {
        Ceremony c = ceremony();
        Convention amiot = ready("Atelier Amiot");
        Convention vauban = ready("Horlogerie Vauban");
        Convention doubs = ready("Transports Doubs Express");
        Convention comtoise = ready("Boulangeries Comtoises");
        List<CeremonyItem> read = ceremonies.add(c.id(), List.of(amiot.id(), vauban.id(), doubs.id(), comtoise.id()));
        ceremonies.reorder(c.id(), List.of(read.get(1), read.get(0), read.get(2), read.get(3)));
        // the second person, on the order as it was, swaps the last two: the orders would mix
        assertStale(() -> ceremonies.reorder(c.id(), List.of(read.get(0), read.get(1), read.get(3), read.get(2))),
                RecordKind.CEREMONY_CONVENTION, amiot.reference());
        assertThat(ceremonies.items(c.id())).extracting(CeremonyItem::conventionId)
                .containsExactly(vauban.id(), amiot.id(), doubs.id(), comtoise.id());
        // taking out a line someone moved meanwhile is refused too
        assertStale(() -> ceremonies.remove(read.get(0)), RecordKind.CEREMONY_CONVENTION, amiot.reference());
        assertThat(ceremonies.items(c.id())).hasSize(4);
    }

    @Test
    void ceremonyAttendance() {
        Ceremony c = ceremony();
        Convention vauban = ready("Horlogerie Vauban");
        CeremonyItem read = ceremonies.add(c.id(), List.of(vauban.id())).getFirst();
        CeremonySignatory prefect = read.signatories().get(0);
        CeremonySignatory head = read.signatories().get(1);
        ceremonies.setAttendance(c.id(), List.of(prefect), Attendance.PRESENT);
        // the second person, on the list as it was, marks the whole convention as declined
        assertStale(() -> ceremonies.setAttendance(c.id(), List.of(head, prefect), Attendance.DECLINED),
                RecordKind.SIGNATORY, "Jean-François Colombet");
        assertThat(ceremonies.items(c.id()).getFirst().signatories()).extracting(CeremonySignatory::attendance)
                .containsExactly(Attendance.PRESENT, Attendance.INVITED);
        // an answer recorded meanwhile gives the line a new version: a reordering that read it before is refused
        assertStale(() -> ceremonies.reorder(c.id(), List.of(read)), RecordKind.CEREMONY_CONVENTION,
                vauban.reference());
    }

    /**
     * The closing reads the answers, then signs: an answer recorded by someone else in between
     * makes it refuse, rather than sign a convention whose signatory no longer comes.
     */
    @Test
    void ceremonyClosingRacingAnAnswer() {
        Ceremony c = ceremony();
        Convention vauban = ready("Horlogerie Vauban");
        CeremonyItem added = ceremonies.add(c.id(), List.of(vauban.id())).getFirst();
        ceremonies.setAttendance(c.id(), added.signatories(), Attendance.PRESENT);
        assertStale(() -> store.run(r -> {
            CeremonyItem read = r.ceremonies().items(c.id()).getFirst();
            CeremonySignatory head = read.signatories().get(1);
            CompletableFuture.runAsync(() -> ceremonies.setAttendance(c.id(), List.of(head), Attendance.DECLINED))
                    .join();
            r.ceremonies().markSigned(read, true);
        }), RecordKind.CEREMONY_CONVENTION, vauban.reference());
        assertThat(ceremonies.items(c.id()).getFirst().signed()).isFalse();
    }

    @Test
    void defaultChecklist() {
        List<TaskTemplate> read = ceremonies.templates();
        List<TaskTemplate> first = new ArrayList<>(read);
        first.set(0, new TaskTemplate(read.get(0).meta(), "Date arrêtée avec le cabinet", read.get(0).owner(),
                read.get(0).daysBefore()));
        ceremonies.saveTemplates(read, first);
        List<TaskTemplate> second = new ArrayList<>(read);
        second.add(new TaskTemplate(RecordMeta.fresh(), "Photographe réservé", "Service communication", 20));
        assertStale(() -> ceremonies.saveTemplates(read, second), RecordKind.TASK_TEMPLATES, "");
        assertThat(ceremonies.templates()).extracting(TaskTemplate::label)
                .containsExactlyElementsOf(first.stream().map(TaskTemplate::label).toList());
    }

    private List<CampaignReport> reports(ReportingCampaign campaign, Convention... owing) {
        return store.write(r -> {
            List<CampaignReport> saved = new ArrayList<>();
            for (Convention c : owing) {
                saved.add(r.campaigns().save(new CampaignReport(RecordMeta.fresh(), campaign.id(), c.id(),
                        ReportState.TO_REQUEST, null, null, null, null)));
            }
            return saved;
        });
    }

    private List<ReportState> states(ReportingCampaign campaign) {
        return campaigns.reports(campaign).stream().map(i -> i.report().state()).toList();
    }

    @Test
    void campaignAndReport() {
        ReportingCampaign read = campaigns.open(2025, LocalDate.of(2026, 3, 31));
        store.write(r -> r.campaigns().save(new ReportingCampaign(read.meta(), 2025, LocalDate.of(2026, 4, 30))));
        assertStale(() -> store.write(r -> r.campaigns().save(new ReportingCampaign(read.meta(), 2025,
                LocalDate.of(2026, 6, 30)))), RecordKind.CAMPAIGN, "2025");
        assertThat(campaigns.campaigns()).singleElement()
                .satisfies(c -> assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 4, 30)));

        Convention vauban = convention("Horlogerie Vauban");
        CampaignReport report = reports(read, vauban).getFirst();
        campaigns.moveTo(report, ReportState.REQUESTED);
        assertStale(() -> campaigns.moveTo(report, ReportState.RECEIVED), RecordKind.CAMPAIGN_REPORT,
                vauban.reference());
        assertStale(() -> campaigns.remind(report), RecordKind.CAMPAIGN_REPORT, vauban.reference());
        assertThat(states(read)).containsExactly(ReportState.REQUESTED);
    }

    @Test
    void reportsMovedTogetherMoveAllOrNone() {
        ReportingCampaign campaign = campaigns.open(2025, LocalDate.of(2026, 3, 31));
        Convention a = convention("Atelier Amiot");
        Convention b = convention("Boulangeries Comtoises");
        Convention c = convention("Carrosserie Chaprais");
        List<CampaignReport> read = reports(campaign, a, b, c);
        // someone else received the second bilan meanwhile
        campaigns.moveTo(read.get(1), ReportState.VALIDATED);
        assertStale(() -> campaigns.moveAll(read, ReportState.RECEIVED), RecordKind.CAMPAIGN_REPORT, b.reference());
        assertThat(campaigns.reports(campaign)).allSatisfy(i -> assertThat(i.report().state())
                .isEqualTo(i.report().conventionId().equals(b.id()) ? ReportState.VALIDATED : ReportState.TO_REQUEST));

        List<CampaignReport> moved = campaigns.moveAll(List.of(read.get(0), read.get(2)), ReportState.RECEIVED);
        assertThat(moved).allSatisfy(m -> assertThat(m.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 20)));
        assertThat(states(campaign)).containsExactlyInAnyOrder(ReportState.RECEIVED, ReportState.VALIDATED,
                ReportState.RECEIVED);
    }
}
