package fr.ancrage.service;

import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionRules;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationRules;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.validation.ContactRules;
import fr.ancrage.domain.validation.QpvCode;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        loadedDb.close();
    }

    @BeforeEach
    void freshDatabase() {
        db = Database.inMemory("demo-" + UUID.randomUUID());
        store = new Store(db.dsl());
        demo = new DemoDataService(store, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
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
        assertThat(summary.conventions()).isBetween(40, 48).isEqualTo(conventionCount());
        assertThat(summary.contacts()).isEqualTo(organisations.stream()
                .mapToInt(o -> contactsOf(o).size()).sum());
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
    void importsTheReferenceDataWhenMissingAndIsDeterministic() {
        DemoDataService.DemoSummary summary = demo.load();

        assertThat(new TerritoryService(store).referenceVersion()).isPresent();
        assertThat(summary).isEqualTo(loadedSummary);
        assertThat(sirets(store)).isEqualTo(sirets(new Store(loadedDb.dsl())));
    }

    // Typed helpers: AssertJ cannot pick an assertThat overload for a generic Store.read result.
    private List<Contact> contactsOf(Organisation o) {
        return store.read(r -> r.contacts().listByOrganisation(o.id()));
    }

    private List<Qpv> qpvs() {
        return store.read(r -> r.qpvs().list());
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

    private static List<String> sirets(Store s) {
        return s.read(r -> r.organisations().findAll()).stream().map(o -> o.legalName() + " " + o.siret()).toList();
    }
}
