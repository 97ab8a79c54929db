package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.validation.ContactRules;
import fr.ancrage.domain.validation.QpvCode;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DemoDataServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    // The read-only checks share one loaded database: the territory import dominates the run time.
    private static Database loadedDb;
    private static DemoDataService.DemoSummary loadedSummary;

    private Database db;
    private Store store;
    private DemoDataService demo;

    @BeforeAll
    static void loadOnce() {
        loadedDb = Database.inMemory("demo-" + UUID.randomUUID());
        Store loaded = new Store(loadedDb.dsl());
        new TerritoryService(loaded).ensureReferenceData();
        loadedSummary = new DemoDataService(loaded, CLOCK).load();
    }

    @AfterAll
    static void closeLoaded() {
        TestStores.shutdown(loadedDb);
    }

    @BeforeEach
    void freshDatabase() {
        db = Database.inMemory("demo-" + UUID.randomUUID());
        store = new Store(db.dsl());
        demo = new DemoDataService(store, CLOCK);
    }

    @AfterEach
    void close() {
        TestStores.shutdown(db);
    }

    /** Points the helpers at the shared, already loaded database. */
    private void useLoadedDatabase() {
        store = new Store(loadedDb.dsl());
        demo = new DemoDataService(store, CLOCK);
    }

    @Test
    void loadsAboutFortyCompaniesWithTheirConventions() {
        useLoadedDatabase();
        DemoDataService.DemoSummary summary = loadedSummary;

        assertThat(demo.isEmpty()).isFalse();
        List<Organisation> organisations = store.read(r -> r.organisations().findAll());
        List<Organisation> companies = organisations.stream().filter(o -> o.kind().isCompany()).toList();
        assertThat(companies).hasSizeBetween(38, 45);
        assertThat(organisations.size() - companies.size()).isBetween(8, 10);
        assertThat(summary.organisations()).isEqualTo(organisations.size());
        assertThat(summary.qpvs()).isEqualTo(6);
        assertThat(summary.conventions()).isBetween(50, 60).isEqualTo(conventionCount());
        assertThat(summary.contacts()).isEqualTo(organisations.stream()
                .mapToInt(o -> contactsOf(o).size()).sum());
        List<Convention> conventions = conventions();
        assertThat(summary.engagements()).isBetween(150, 220)
                .isEqualTo(conventions.stream().mapToInt(c -> engagementsOf(c).size()).sum());
        assertThat(summary.counterparts()).isBetween(30, 80)
                .isEqualTo(conventions.stream().mapToInt(c -> counterpartsOf(c).size()).sum());
    }

    @Test
    void everyOrganisationAndContactIsValid() {
        useLoadedDatabase();

        List<Organisation> organisations = store.read(r -> r.organisations().findAll());
        assertThat(organisations).allSatisfy(o -> {
            assertThat(OrganisationRules.errorsOnly(OrganisationRules.check(o))).as(o.legalName()).isEmpty();
            assertThat(o.communeCode()).isNotEmpty();
            List<Contact> people = contactsOf(o);
            assertThat(people).as(o.legalName()).hasSizeBetween(1, 4);
            assertThat(people).allSatisfy(c -> {
                assertThat(ContactRules.checkEmail(c.email())).isEmpty();
                assertThat(c.email()).endsWith("exemple.fr");
                assertThat(ContactRules.checkPhone(c.phone())).isEmpty();
                assertThat(c.phone()).startsWith("03 81 ");
            });
        });
        List<Organisation> companies = organisations.stream().filter(o -> o.kind().isCompany()).toList();
        assertThat(companies).allSatisfy(o -> {
            assertThat(Siret.isValidSiret(o.siret())).as(o.siret()).isTrue();
            assertThat(Siret.checkSiret(o.siret())).as("no warning either").isEmpty();
            assertThat(o.siren()).isEqualTo(o.siret().substring(0, 9));
            assertThat(o.nafCode()).matches("\\d{2}\\.\\d{2}[A-Z]");
            assertThat(o.sizeBand()).isNotNull();
            assertThat(contactsOf(o)).filteredOn(Contact::maySign)
                    .hasSize(1);
        });
        assertThat(companies).extracting(Organisation::siret).doesNotHaveDuplicates();
        assertThat(companies).filteredOn(Organisation::inQpv).hasSizeGreaterThan(5);
        assertThat(companies).filteredOn(Organisation::paqteMember).isNotEmpty();
        assertThat(qpvs()).allSatisfy(q -> {
            assertThat(QpvCode.versionOf(q.code())).contains(GeographyVersion.QPV_2024);
            assertThat(q.epciSiren()).isEqualTo("242500361");
        });
    }

    /**
     * Every demo contact has a civilité (issue 16), decided from the demo's explicit lists of women's
     * first names; it agrees with the job titles, which the demo writes in the feminine or the
     * masculine by hand (« Déléguée du préfet », « Gérant »).
     */
    @Test
    void everyDemoContactHasACivilityAgreeingWithItsJobTitle() {
        useLoadedDatabase();
        List<Contact> all = store.read(r -> r.organisations().findAll()).stream()
                .flatMap(o -> contactsOf(o).stream()).toList();
        assertThat(all).hasSizeGreaterThan(80).allSatisfy(c -> assertThat(c.civility()).as(c.fullName()).isNotNull());
        java.util.regex.Pattern feminine = java.util.regex.Pattern.compile(
                "\\b(Gérante|Directrice|Présidente|Déléguée|Chargée|Conseillère|Référente)\\b",
                java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
        java.util.regex.Pattern masculine = java.util.regex.Pattern.compile(
                "\\b(Gérant|Directeur|Président|Délégué|Chargé|Conseiller|Sous-préfet|Principal)\\b",
                java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
        int checked = 0;
        for (Contact c : all) {
            if (feminine.matcher(c.jobTitle()).find()) {
                assertThat(c.civility()).as(c.fullName() + ", " + c.jobTitle()).isEqualTo(Civility.MADAME);
                checked++;
            } else if (masculine.matcher(c.jobTitle()).find()) {
                assertThat(c.civility()).as(c.fullName() + ", " + c.jobTitle()).isEqualTo(Civility.MONSIEUR);
                checked++;
            }
        }
        assertThat(checked).as("contacts with a gendered job title").isGreaterThan(40);
        assertThat(all).extracting(Contact::civility).contains(Civility.MADAME, Civility.MONSIEUR);
        assertThat(all).filteredOn(c -> c.fullName().equals("Françoise Mercier")).singleElement()
                .extracting(Contact::civility).isEqualTo(Civility.MADAME);
        assertThat(all).filteredOn(c -> c.fullName().equals("Yannick Billod")).singleElement()
                .extracting(Contact::civility).isEqualTo(Civility.MONSIEUR);
    }

    /** The lists are explicit: each woman's first name of the partners is one of theirs, no man's name is a woman's. */
    @Test
    void theDemoCivilitiesComeFromExplicitLists() {
        Set<String> partnerFirstNames = DemoData.PARTNER_PEOPLE.stream().map(DemoData.PersonRow::firstName)
                .collect(Collectors.toSet());
        assertThat(partnerFirstNames).containsAll(DemoData.PARTNER_WOMEN);
        assertThat(DemoData.WOMEN).allSatisfy(n -> assertThat(DemoData.civilityOf(n)).isEqualTo(Civility.MADAME));
        assertThat(DemoData.MEN).allSatisfy(n -> assertThat(DemoData.civilityOf(n)).isEqualTo(Civility.MONSIEUR));
        assertThat(DemoData.MEN).doesNotContainAnyElementsOf(DemoData.PARTNER_WOMEN);
        assertThat(DemoData.civilityOf("Camille")).isEqualTo(Civility.MADAME); // in the demo's list of women
        assertThat(DemoData.civilityOf("Yannick")).isEqualTo(Civility.MONSIEUR);
    }

    @Test
    void everyConventionFollowsTheRules() {
        useLoadedDatabase();

        List<ConventionListItem> items = store.read(r -> r.conventions().list());
        List<Convention> conventions = items.stream()
                .map(i -> store.read(r -> r.conventions().findById(i.id())).orElseThrow()).toList();
        assertThat(conventions).allSatisfy(c -> {
            assertThat(ConventionRules.check(c)).as(c.reference()).isEmpty();
            assertThat(c.qpvIds()).hasSizeBetween(c.status() == ConventionStatus.DRAFT ? 0 : 1, 3);
            assertThat(c.stateReferent()).isNotEmpty();
            assertThat(c.signatories().get(0).role()).isEqualTo(SignatoryRole.PREFECT);
            assertThat(c.signatories().get(1).role()).isEqualTo(SignatoryRole.COMPANY);
            assertThat(c.signatories().get(1).organisationId()).isEqualTo(c.companyId());
            assertThat(c.signatories().get(1).contactId()).isNotNull();
        });
        List<Convention> of2017 = conventions.stream()
                .filter(c -> c.signatureDate() != null && c.signatureDate().getYear() == 2017).toList();
        assertThat(of2017).hasSizeGreaterThan(15).allSatisfy(c -> {
            assertThat(c.reference()).startsWith("25-2017-");
            assertThat(c.signatureDate()).isEqualTo(LocalDate.of(2017, 3, 17));
            assertThat(c.endDate()).isEqualTo(LocalDate.of(2020, 3, 16));
            assertThat(c.status()).isIn(ConventionStatus.EXPIRED, ConventionStatus.RENEWED);
        });
        assertThat(conventions).extracting(Convention::reference).doesNotHaveDuplicates();
        List<Convention> active = conventions.stream().filter(c -> c.status() == ConventionStatus.ACTIVE).toList();
        assertThat(active).anySatisfy(c ->
                assertThat(ChronoUnit.DAYS.between(TODAY, c.endDate())).isBetween(30L, 40L));
        assertThat(active).allSatisfy(c -> {
            assertThat(c.startDate()).isBeforeOrEqualTo(TODAY);
            assertThat(c.endDate()).isAfter(TODAY);
        });
        assertThat(conventions).extracting(Convention::status).contains(ConventionStatus.values());
    }

    @Test
    void everyCategoryAndEveryActionTypeHasEngagements() {
        useLoadedDatabase();

        Catalogue catalogue = catalogue();
        Map<UUID, Integer> use = new CatalogueService(store).usage().actionTypes();
        assertThat(catalogue.actionTypes()).allSatisfy(t ->
                assertThat(use.getOrDefault(t.id(), 0)).as(t.code()).isPositive());
        Map<UUID, Integer> byCategory = catalogue.actionTypes().stream().collect(Collectors.groupingBy(
                ActionType::categoryId, Collectors.summingInt(t -> use.getOrDefault(t.id(), 0))));
        assertThat(catalogue.categories()).hasSize(6).allSatisfy(c ->
                assertThat(byCategory.getOrDefault(c.id(), 0)).as(c.code()).isGreaterThanOrEqualTo(5));
        assertThat(use.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(loadedSummary.engagements());
    }

    @Test
    void everyEngagementFollowsTheRulesOfItsConventionAndTheCatalogue() {
        useLoadedDatabase();

        Catalogue catalogue = catalogue();
        Map<UUID, Organisation> organisations = organisationsById();
        for (Convention c : conventions()) {
            for (Engagement e : engagementsOf(c)) {
                String label = c.reference() + " " + e.description();
                assertThat(EngagementRules.check(e, c, catalogue, null)).as(label).isEmpty();
                assertThat(e.description()).as(label).isNotBlank().doesNotContain("{", "}", "'");
                assertThat(c.qpvIds()).as(label).containsAll(e.qpvIds());
                if (e.partnerId() != null) {
                    assertThat(organisations.get(e.partnerId()).kind()).as(label).isNotEqualTo(OrganisationKind.COMPANY);
                }
                // A target for each indicator of the form and each year of the engagement.
                ActionType type = catalogue.actionType(e.actionTypeId()).orElseThrow();
                List<Indicator> form = catalogue.formIndicators(type);
                assertThat(e.targets()).as(label).hasSize(form.size() * (e.lastYear() - e.firstYear() + 1));
                for (Target t : e.targets()) {
                    IndicatorUnit unit = catalogue.indicator(t.indicatorId()).orElseThrow().unit();
                    assertThat(EngagementRules.checkValue(t.value(), unit)).as(label).isEmpty();
                    switch (unit) {
                        case EUROS -> assertThat(t.value().scale()).as(label).isEqualTo(2);
                        case YES_NO -> assertThat(t.value().stripTrailingZeros()).as(label)
                                .isIn(BigDecimal.ZERO, BigDecimal.ONE);
                        default -> assertThat(t.value().stripTrailingZeros().scale()).as(label).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void twelveConventionsAreReadyToSignAndTwoOfThemShowTheCeremonyWarnings() {
        useLoadedDatabase();

        Map<UUID, Organisation> organisations = organisationsById();
        List<Convention> conventions = conventions();
        List<Convention> ready = conventions.stream().filter(c -> c.status() == ConventionStatus.READY_TO_SIGN).toList();
        assertThat(ready).hasSize(12).allSatisfy(c -> {
            assertThat(c.signatureDate()).as(c.reference()).isNull();
            assertThat(c.reference()).startsWith("25-" + TODAY.getYear() + "-");
            assertThat(c.framework()).as(c.reference()).isIn(Framework.LOCAL_CONVENTION, Framework.PAQTE);
            assertThat(c.notes()).isEqualTo("Signature prévue lors de la prochaine cérémonie à la préfecture.");
            // Signing order: the prefect, the company's head, the EPCI president (some), a partner (some).
            List<SignatoryRole> roles = c.signatories().stream().map(Signatory::role).toList();
            assertThat(roles).as(c.reference()).isIn(
                    List.of(SignatoryRole.PREFECT, SignatoryRole.COMPANY),
                    List.of(SignatoryRole.PREFECT, SignatoryRole.COMPANY, SignatoryRole.EPCI),
                    List.of(SignatoryRole.PREFECT, SignatoryRole.COMPANY, SignatoryRole.PARTNER),
                    List.of(SignatoryRole.PREFECT, SignatoryRole.COMPANY, SignatoryRole.EPCI, SignatoryRole.PARTNER));
            Signatory company = c.signatories().get(1);
            Contact signer = contactsOf(organisations.get(c.companyId())).stream()
                    .filter(x -> x.id().equals(company.contactId())).findFirst().orElseThrow();
            assertThat(signer.maySign()).as(c.reference()).isTrue();
            assertThat(company.fullName()).isEqualTo(signer.fullName());
            assertThat(signer.jobTitle()).as(c.reference()).isNotBlank();
            // Targets on the three coming calendar years (from next year after September).
            assertThat(engagementsOf(c)).as(c.reference()).allSatisfy(e -> {
                assertThat(e.firstYear()).isEqualTo(TODAY.getYear() + 1);
                assertThat(e.lastYear()).isEqualTo(TODAY.getYear() + 3);
            });
        });
        assertThat(ready).filteredOn(c -> c.signatories().stream().anyMatch(s -> s.jobTitle().isBlank()))
                .singleElement().satisfies(c -> {
                    assertThat(organisations.get(c.companyId()).legalName()).isEqualTo("Hôtel des Remparts Bisontins");
                    assertThat(c.signatories()).filteredOn(s -> s.jobTitle().isBlank()).extracting(Signatory::role)
                            .containsExactly(SignatoryRole.COMPANY);
                    assertThat(engagementsOf(c)).isNotEmpty();
                });
        assertThat(ready).filteredOn(c -> engagementsOf(c).isEmpty()).singleElement().satisfies(c -> {
            assertThat(organisations.get(c.companyId()).legalName()).isEqualTo("Sécurité Gardiennage Bisontine");
            assertThat(c.signatories()).allSatisfy(s -> assertThat(s.jobTitle()).isNotBlank());
        });
        // Ten of them follow the company's convention of 2017, expired.
        Set<UUID> expired2017 = conventions.stream().filter(c -> c.status() == ConventionStatus.EXPIRED
                && c.framework() == Framework.CHARTE_ENTREPRISES_QUARTIERS).map(Convention::companyId)
                .collect(Collectors.toSet());
        assertThat(ready).filteredOn(c -> expired2017.contains(c.companyId())).hasSize(10);
        // The two warnings are the only ones among the conventions ready to sign.
        assertThat(ready).filteredOn(c -> !engagementsOf(c).isEmpty()
                && c.signatories().stream().noneMatch(s -> s.jobTitle().isBlank())).hasSize(10);
    }

    @Test
    void engagementsMatchTheStatusOfTheirConvention() {
        useLoadedDatabase();

        Map<ConventionStatus, List<Convention>> byStatus = conventions().stream()
                .collect(Collectors.groupingBy(Convention::status));
        for (ConventionStatus status : ConventionStatus.values()) {
            for (Convention c : byStatus.getOrDefault(status, List.of())) {
                List<EngagementStatus> statuses = engagementsOf(c).stream().map(Engagement::status).toList();
                if (status.isSignedOrLater()) {
                    assertThat(statuses).as(c.reference()).hasSizeBetween(2, 6);
                }
                Set<EngagementStatus> allowed = switch (status) {
                    case EXPIRED, RENEWED -> EnumSet.of(EngagementStatus.DONE, EngagementStatus.ABANDONED);
                    case TERMINATED -> EnumSet.of(EngagementStatus.DONE, EngagementStatus.ABANDONED);
                    case ACTIVE -> EnumSet.allOf(EngagementStatus.class);
                    default -> EnumSet.of(EngagementStatus.PLANNED);
                };
                assertThat(statuses).as(c.reference()).allSatisfy(s -> assertThat(allowed).contains(s));
            }
        }
        List<Convention> unsigned = conventions().stream().filter(c ->
                c.status() == ConventionStatus.NEGOTIATION || c.status() == ConventionStatus.READY_TO_SIGN).toList();
        assertThat(unsigned.stream().filter(c -> !engagementsOf(c).isEmpty()).count())
                .isGreaterThan(unsigned.size() / 2L);
        List<Convention> expired = byStatus.get(ConventionStatus.EXPIRED);
        assertThat(expired.stream().flatMap(c -> engagementsOf(c).stream()).map(Engagement::status))
                .filteredOn(s -> s == EngagementStatus.DONE).hasSizeGreaterThan(50);
        List<EngagementStatus> ofActive = byStatus.get(ConventionStatus.ACTIVE).stream()
                .flatMap(c -> engagementsOf(c).stream()).map(Engagement::status).toList();
        assertThat(ofActive).contains(EngagementStatus.IN_PROGRESS, EngagementStatus.PLANNED);
        assertThat(conventions().stream().flatMap(c -> engagementsOf(c).stream()).map(Engagement::status))
                .contains(EngagementStatus.ABANDONED);
    }

    @Test
    void counterpartsComeFromPublicPartners() {
        useLoadedDatabase();

        Map<UUID, Organisation> organisations = organisationsById();
        List<Convention> conventions = conventions();
        int withCounterparts = 0;
        int linked = 0;
        int unlinked = 0;
        for (Convention c : conventions) {
            List<Counterpart> counterparts = counterpartsOf(c);
            if (counterparts.isEmpty()) {
                continue;
            }
            withCounterparts++;
            assertThat(counterparts).as(c.reference()).hasSizeBetween(1, 3);
            Set<UUID> engagements = engagementsOf(c).stream().map(Engagement::id).collect(Collectors.toSet());
            for (Counterpart cp : counterparts) {
                assertThat(EngagementRules.checkCounterpart(cp)).isEmpty();
                assertThat(organisations.get(cp.partnerId()).kind()).as(cp.description()).isNotEqualTo(OrganisationKind.COMPANY);
                assertThat(cp.description()).doesNotContain("{", "}", "'");
                if (cp.engagementId() != null) {
                    assertThat(engagements).as(cp.description()).contains(cp.engagementId());
                    linked++;
                } else {
                    unlinked++;
                }
            }
        }
        assertThat(withCounterparts).isGreaterThan(conventions.size() / 2);
        assertThat(linked).isGreaterThan(unlinked).isPositive();
        assertThat(unlinked).isPositive();
    }

    @Test
    void realisedValuesCoverTheYearsBeforeLastYearOfTheSignedConventions() {
        useLoadedDatabase();

        Catalogue catalogue = catalogue();
        int lastYear = TODAY.getYear() - 1;
        Set<UUID> awaited = campaignReports().stream().filter(i -> i.report().state().awaited())
                .map(i -> i.report().conventionId()).collect(Collectors.toSet());
        int count = 0;
        int withTarget = 0;
        int usual = 0;
        int below = 0;
        int above = 0;
        Map<ResultSource, Integer> sources = new EnumMap<>(ResultSource.class);
        Set<Integer> years = new TreeSet<>();
        List<String> comments = new ArrayList<>();
        for (Convention c : conventions()) {
            Map<UUID, Engagement> engagements = engagementsOf(c).stream()
                    .collect(Collectors.toMap(Engagement::id, Function.identity()));
            List<RealisedValue> results = resultsOf(c);
            if (!c.status().isSignedOrLater()) {
                assertThat(results).as(c.reference()).isEmpty();
            }
            for (RealisedValue v : results) {
                Engagement e = engagements.get(v.engagementId());
                String label = c.reference() + " " + e.description() + " " + v.year();
                assertThat(e.status()).as(label).isNotEqualTo(EngagementStatus.ABANDONED);
                assertThat(v.year()).as(label).isLessThan(lastYear);
                assertThat(EngagementRules.checkResult(v, e, c, catalogue)).as(label).isEmpty();
                IndicatorUnit unit = catalogue.indicator(v.indicatorId()).orElseThrow().unit();
                if (unit.wholeNumbers()) {
                    assertThat(v.value().stripTrailingZeros().scale()).as(label).isLessThanOrEqualTo(0);
                }
                assertThat(v.receivedOn()).as(label).isBetween(LocalDate.of(v.year() + 1, 1, 1),
                        LocalDate.of(v.year() + 1, 3, 31));
                if (v.source() == ResultSource.PARTNER) {
                    assertThat(e.partnerId()).as(label).isNotNull();
                }
                sources.merge(v.source(), 1, Integer::sum);
                years.add(v.year());
                if (!v.comment().isEmpty()) {
                    comments.add(v.comment());
                }
                BigDecimal target = e.target(v.indicatorId(), v.year()).orElseThrow().value();
                if (target.signum() > 0 && unit != IndicatorUnit.YES_NO) {
                    withTarget++;
                    double ratio = v.value().doubleValue() / target.doubleValue();
                    if (ratio < 0.7) {
                        below++;
                    } else if (ratio > 1.15) {
                        above++;
                    } else {
                        usual++;
                    }
                }
                count++;
            }
            if (!c.status().isSignedOrLater()) {
                continue;
            }
            // Every target of a reported year has its realised value, but when the report is awaited.
            Set<String> reported = results.stream().map(v -> v.engagementId() + "/" + v.indicatorId() + "/" + v.year())
                    .collect(Collectors.toSet());
            for (Engagement e : engagements.values()) {
                for (Target t : e.targets()) {
                    boolean owed = e.status() != EngagementStatus.ABANDONED && t.year() < lastYear
                            && !(t.year() == lastYear - 1 && awaited.contains(c.id()));
                    assertThat(reported.contains(e.id() + "/" + t.indicatorId() + "/" + t.year()))
                            .as(c.reference() + " " + e.description() + " " + t.year()).isEqualTo(owed);
                }
            }
        }
        assertThat(count).isEqualTo(loadedSummary.realisedValues()).isGreaterThan(300);
        assertThat(years).containsExactly(2017, 2018, 2019, 2023, 2024);
        assertThat(usual).isGreaterThan(withTarget * 7 / 10);
        assertThat(below).isPositive().isLessThan(withTarget / 5);
        assertThat(above).isPositive().isLessThan(withTarget / 5);
        assertThat(sources.get(ResultSource.COMPANY_REPORT)).isGreaterThan(count * 2 / 3);
        assertThat(sources.get(ResultSource.PARTNER)).isPositive();
        assertThat(sources.get(ResultSource.DELEGATE_VISIT)).isPositive().isLessThan(count / 10);
        assertThat(comments).hasSizeBetween(5, 20).contains("Recrutements reportés : fermeture d’un atelier.")
                .allSatisfy(text -> assertThat(text).doesNotContain("'"));
    }

    @Test
    void theCampaignOfTheYearBeforeLastIsMostlyClosedAndTwoReportsAreOverdue() {
        useLoadedDatabase();

        int year = TODAY.getYear() - 2;
        CampaignService service = new CampaignService(store, CLOCK);
        assertThat(service.campaigns()).singleElement().satisfies(c -> {
            assertThat(c.year()).isEqualTo(year);
            assertThat(c.dueDate()).isEqualTo(LocalDate.of(year + 1, 3, 31));
        });
        ReportingCampaign campaign = service.campaigns().getFirst();
        List<CampaignReportItem> reports = service.reports(campaign);

        // One report for each signed convention with an engagement, not abandoned, covering the year.
        List<String> owing = conventions().stream().filter(c -> c.status().isSignedOrLater())
                .filter(c -> engagementsOf(c).stream().anyMatch(e -> e.firstYear() <= year && e.lastYear() >= year
                        && e.status() != EngagementStatus.ABANDONED))
                .map(Convention::reference).toList();
        assertThat(reports).extracting(CampaignReportItem::conventionReference)
                .containsExactlyInAnyOrderElementsOf(owing);
        assertThat(reports).hasSize(loadedSummary.campaignReports());
        Map<ReportState, List<CampaignReportItem>> byState = reports.stream()
                .collect(Collectors.groupingBy(i -> i.report().state()));
        assertThat(byState).doesNotContainKey(ReportState.TO_REQUEST);
        assertThat(byState.get(ReportState.VALIDATED)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(byState.get(ReportState.RECEIVED)).hasSizeBetween(1, 2);
        assertThat(byState.get(ReportState.REQUESTED)).extracting(CampaignReportItem::companyName)
                .containsExactlyInAnyOrder("Transports Doubs Express", "Imprimerie Granvelle");

        LocalDate due = campaign.dueDate();
        for (CampaignReportItem item : reports) {
            CampaignReport r = item.report();
            String label = item.conventionReference() + " " + r.state();
            assertThat(r.requestedOn()).as(label).isBetween(LocalDate.of(year + 1, 1, 15), LocalDate.of(year + 1, 1, 17));
            assertThat(item.targetsOfYear()).as(label).isPositive();
            if (r.state().awaited()) {
                // Asked, reminded twice after the due date, never received: overdue, and no figure.
                assertThat(r.overdue(due, TODAY)).as(label).isTrue();
                assertThat(r.lastReminderOn()).as(label).isAfter(due.plusDays(30)).isBefore(TODAY);
                assertThat(r.receivedOn()).as(label).isNull();
                assertThat(r.validatedOn()).as(label).isNull();
                assertThat(item.resultsOfYear()).as(label).isZero();
                Convention c = conventions().stream().filter(x -> x.id().equals(r.conventionId())).findFirst().orElseThrow();
                assertThat(resultsOf(c)).as(label).extracting(RealisedValue::year).doesNotContain(year);
            } else {
                assertThat(r.overdue(due, TODAY)).as(label).isFalse();
                assertThat(r.lastReminderOn()).as(label).isNull();
                assertThat(r.receivedOn()).as(label).isAfter(r.requestedOn()).isBeforeOrEqualTo(due);
                assertThat(item.resultsOfYear()).as(label).isEqualTo(item.targetsOfYear());
                Convention c = conventions().stream().filter(x -> x.id().equals(r.conventionId())).findFirst().orElseThrow();
                assertThat(resultsOf(c)).as(label).filteredOn(v -> v.year() == year
                        && v.source() == ResultSource.COMPANY_REPORT)
                        .isNotEmpty().allSatisfy(v -> assertThat(v.receivedOn()).isEqualTo(r.receivedOn()));
                if (r.state() == ReportState.VALIDATED) {
                    assertThat(r.validatedOn()).as(label).isAfter(r.receivedOn()).isBefore(TODAY);
                } else {
                    assertThat(r.validatedOn()).as(label).isNull();
                }
            }
        }
    }

    @Test
    void lastYearIsLeftForTheUserToReport() {
        useLoadedDatabase();

        int lastYear = TODAY.getYear() - 1;
        assertThat(new CampaignService(store, CLOCK).campaigns()).extracting(ReportingCampaign::year)
                .doesNotContain(lastYear);
        assertThat(conventions().stream().flatMap(c -> resultsOf(c).stream()).map(RealisedValue::year))
                .isNotEmpty().doesNotContain(lastYear, TODAY.getYear());
        // Enough companies owe last year's bilan to run its campaign.
        assertThat(store.read(r -> r.campaigns().conventionsOwing(lastYear)).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theTotalsOfThe2017BakeryConventionAreKnown() {
        useLoadedDatabase();

        UUID bakery = store.read(r -> r.organisations().findAll()).stream()
                .filter(o -> o.legalName().equals("Boulangeries Comtoises Réunies")).findFirst().orElseThrow().id();
        Convention of2017 = conventions().stream()
                .filter(c -> c.companyId().equals(bakery) && c.startDate() != null && c.startDate().getYear() == 2017)
                .findFirst().orElseThrow();
        List<EngagementListItem> items = new EngagementService(store).list(of2017.id());
        assertThat(items).extracting(i -> i.engagement().firstYear(), i -> i.engagement().lastYear(),
                i -> i.engagement().status()).containsOnly(tuple(2017, 2019, EngagementStatus.DONE));
        assertThat(items).extracting(EngagementListItem::partnerName).contains("Collège Diderot (REP+)",
                "France Travail – agence de Besançon Planoise", "Mission locale du Grand Besançon");

        // 3 years: 4 stages, 3 hires (no emplois francs before 2020), 2 apprentices a year, purchases
        // of 8 500 € growing by 5 % a year, 3 650,40 € of unsold bread given each year.
        EngagementService.Totals totals = new EngagementService(store).conventionTotals(of2017.id());
        assertThat(totals.byIndicator()).extracting(IndicatorTotal::indicatorName, t -> t.total().stripTrailingZeros(),
                IndicatorTotal::engagements).containsExactly(
                tuple("Stages de 3e proposés", new BigDecimal("12"), 1),
                tuple("Stages de 3e pourvus", new BigDecimal("12"), 1),
                tuple("Embauches de résidents des QPV", new BigDecimal("9"), 1),
                tuple("dont emplois francs", BigDecimal.ZERO, 1),
                tuple("Apprentis et alternants", new BigDecimal("6"), 1),
                tuple("Achats auprès des entreprises des quartiers et des SIAE", new BigDecimal("26796.25"), 1),
                tuple("Dons en nature (valeur)", new BigDecimal("10951.2"), 1));
        assertThat(totals.byAxis()).extracting(IndicatorTotal::axis).containsExactly(PaqteAxis.AWARENESS,
                PaqteAxis.AWARENESS, PaqteAxis.TRAINING, PaqteAxis.RECRUITMENT, PaqteAxis.RECRUITMENT,
                PaqteAxis.PURCHASING, null);

        // Realised values, the same at every load: every line of the bilan has one.
        List<BilanLine> bilan = new EngagementService(store).bilan(of2017.id());
        assertThat(bilan).hasSize(21).allSatisfy(l -> assertThat(l.result()).isNotNull());
        assertThat(bilan).filteredOn(l -> l.indicator().code().startsWith("STAGES_")).extracting(
                l -> l.indicator().code(), BilanLine::year, l -> l.result().value().stripTrailingZeros(),
                l -> l.result().source(), l -> l.result().receivedOn()).containsExactly(
                tuple("STAGES_OFFERED", 2017, new BigDecimal("2"), ResultSource.PARTNER, LocalDate.of(2018, 2, 2)),
                tuple("STAGES_FILLED", 2017, new BigDecimal("2"), ResultSource.PARTNER, LocalDate.of(2018, 2, 2)),
                tuple("STAGES_OFFERED", 2018, new BigDecimal("2"), ResultSource.PARTNER, LocalDate.of(2019, 1, 15)),
                tuple("STAGES_FILLED", 2018, new BigDecimal("2"), ResultSource.PARTNER, LocalDate.of(2019, 1, 15)),
                tuple("STAGES_OFFERED", 2019, new BigDecimal("4"), ResultSource.COMPANY_REPORT, LocalDate.of(2020, 2, 6)),
                tuple("STAGES_FILLED", 2019, new BigDecimal("4"), ResultSource.COMPANY_REPORT, LocalDate.of(2020, 2, 6)));
        assertThat(bilan).filteredOn(l -> l.indicator().code().equals("STAGES_OFFERED") && l.year() == 2017)
                .singleElement().extracting(l -> l.result().comment())
                .isEqualTo("Stages en décembre, en pleine saison des fêtes : deux élèves seulement.");
        // Purchases: 7 140,00 €, 11 307,98 € and 4 910,54 € for 8 500,00 €, 8 925,00 € and 9 371,25 €.
        assertThat(bilan).filteredOn(l -> l.indicator().code().equals("PURCHASES"))
                .extracting(l -> l.result().value()).containsExactly(new BigDecimal("7140.00"),
                        new BigDecimal("11307.98"), new BigDecimal("4910.54"));
    }

    @Test
    void aSecondLoadFailsAndChangesNothing() {
        new TerritoryService(store).ensureReferenceData();
        assertThat(demo.isEmpty()).isTrue();
        DemoDataService.DemoSummary first = demo.load();
        assertThat(demo.isEmpty()).isFalse();

        assertThatThrownBy(demo::load)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("uq_qpv_code"));

        assertThat(organisationCount()).isEqualTo(first.organisations());
        assertThat(conventionCount()).isEqualTo(first.conventions());
        assertThat(qpvs()).hasSize(first.qpvs());
    }

    @Test
    void aFailureHalfwayRollsEverythingBack() {
        TerritoryService territories = new TerritoryService(store);
        territories.ensureReferenceData();
        // The last demo QPV code is taken: the load fails after organisations, contacts and the
        // first five QPVs were written.
        Qpv taken = territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02506A", "Quartier déjà saisi",
                GeographyVersion.QPV_2024, "25", "242500361", List.of("25056")));

        assertThatThrownBy(demo::load).isInstanceOf(RuntimeException.class);

        assertThat(demo.isEmpty()).isTrue();
        assertThat(qpvs()).extracting(Qpv::id).containsExactly(taken.id());
        assertThat(nextReference2017()).isEqualTo("25-2017-001");
    }

    @Test
    void aFailureAmongTheEngagementsRollsEverythingBack() {
        new TerritoryService(store).ensureReferenceData();
        // A deactivated action type is refused to new engagements: the load fails after the
        // organisations, QPVs, conventions and the engagements before the first label were written.
        CatalogueService catalogueService = new CatalogueService(store);
        ActionType labels = catalogueService.catalogue().actionTypes().stream()
                .filter(t -> "LABELS".equals(t.code())).findFirst().orElseThrow();
        catalogueService.save(labels.withActive(false));

        assertThatThrownBy(demo::load).isInstanceOf(IllegalStateException.class).hasMessageContaining("Charte");

        assertThat(demo.isEmpty()).isTrue();
        assertThat(qpvs()).isEmpty();
        assertThat(catalogueService.usage().actionTypes()).isEmpty();
        assertThat(nextReference2017()).isEqualTo("25-2017-001");
    }

    @Test
    void aFailureAtTheCampaignRollsBackTheRealisedValuesAndEverythingElse() {
        new TerritoryService(store).ensureReferenceData();
        // The campaign of the year before last exists already: the load fails at the very end, after
        // every realised value was written.
        int year = TODAY.getYear() - 2;
        ReportingCampaign existing = new CampaignService(store, CLOCK).open(year, LocalDate.of(year + 1, 3, 31));

        assertThatThrownBy(demo::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("campaign " + year);

        assertThat(demo.isEmpty()).isTrue();
        assertThat(qpvs()).isEmpty();
        assertThat(db.dsl().fetchCount(ENGAGEMENT_RESULT)).isZero();
        assertThat(db.dsl().fetchCount(ENGAGEMENT)).isZero();
        assertThat(db.dsl().fetchCount(CAMPAIGN_REPORT)).isZero();
        assertThat(new CampaignService(store, CLOCK).campaigns()).extracting(ReportingCampaign::id)
                .containsExactly(existing.id());
    }

    @Test
    void importsTheReferenceDataWhenMissingAndIsDeterministic() {
        DemoDataService.DemoSummary summary = demo.load();

        assertThat(new TerritoryService(store).referenceVersion()).isPresent();
        assertThat(summary).isEqualTo(loadedSummary);
        assertThat(sirets(store)).isEqualTo(sirets(new Store(loadedDb.dsl())));
        assertThat(bilans(store)).hasSize(loadedSummary.realisedValues() + loadedSummary.campaignReports())
                .isEqualTo(bilans(new Store(loadedDb.dsl())));
    }

    // Typed helpers: AssertJ cannot pick an assertThat overload for a generic Store.read result.
    private List<Contact> contactsOf(Organisation o) {
        return store.read(r -> r.contacts().listByOrganisation(o.id()));
    }

    private List<Qpv> qpvs() {
        return store.read(r -> r.qpvs().list());
    }

    private Catalogue catalogue() {
        return store.read(r -> r.catalogue().load());
    }

    private List<Convention> conventions() {
        return store.read(r -> r.conventions().list().stream()
                .map(i -> r.conventions().findById(i.id()).orElseThrow()).toList());
    }

    private List<Engagement> engagementsOf(Convention c) {
        return store.read(r -> r.engagements().listByConvention(c.id())).stream()
                .map(EngagementListItem::engagement).toList();
    }

    private List<Counterpart> counterpartsOf(Convention c) {
        return store.read(r -> r.engagements().counterparts(c.id()));
    }

    private Map<UUID, Organisation> organisationsById() {
        return store.read(r -> r.organisations().findAll()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    private int organisationCount() {
        return store.read(r -> r.organisations().count());
    }

    private int conventionCount() {
        return store.read(r -> r.conventions().count());
    }

    private String nextReference2017() {
        return store.read(r -> r.conventions().nextReference("25", 2017));
    }

    private List<RealisedValue> resultsOf(Convention c) {
        return store.read(r -> r.engagements().results(c.id()));
    }

    private List<CampaignReportItem> campaignReports() {
        return store.read(r -> r.campaigns().campaigns().stream()
                .flatMap(c -> r.campaigns().items(c).stream()).toList());
    }

    /** Realised values and campaign reports by convention reference, without the generated ids. */
    private static List<String> bilans(Store s) {
        return s.read(r -> {
            List<String> lines = new ArrayList<>();
            Catalogue catalogue = r.catalogue().load();
            for (ConventionListItem c : r.conventions().list()) {
                Map<UUID, String> types = r.engagements().listByConvention(c.id()).stream().collect(Collectors.toMap(
                        i -> i.engagement().id(), EngagementListItem::actionTypeName));
                r.engagements().results(c.id()).forEach(v -> lines.add(c.reference() + " " + types.get(v.engagementId())
                        + " " + catalogue.indicator(v.indicatorId()).orElseThrow().code() + " " + v.year() + " = "
                        + v.value() + " " + v.source() + " " + v.receivedOn() + " " + v.comment()));
            }
            for (ReportingCampaign campaign : r.campaigns().campaigns()) {
                r.campaigns().items(campaign).forEach(i -> lines.add(campaign.year() + " " + i.conventionReference()
                        + " " + i.report().state() + " " + i.report().requestedOn() + " " + i.report().lastReminderOn()
                        + " " + i.report().receivedOn() + " " + i.report().validatedOn()));
            }
            return lines.stream().sorted().toList();
        });
    }

    private static List<String> sirets(Store s) {
        return s.read(r -> r.organisations().findAll()).stream().map(o -> o.legalName() + " " + o.siret()).toList();
    }
}
