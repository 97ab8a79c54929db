package fr.ancrage.service;

import fr.ancrage.i18n.I18n;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static fr.ancrage.service.ServiceFixtures.company;
import static fr.ancrage.service.ServiceFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConventionServiceTest {

    private Database db;
    private ConventionService service;
    private OrganisationService organisations;
    private TerritoryService territories;
    private Organisation company;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        Store store = new Store(db.dsl());
        service = new ConventionService(store, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        organisations = new OrganisationService(store);
        territories = new TerritoryService(store);
        company = organisations.save(company("Horlogerie Vauban", ""));
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    @Test
    void referencesAreNumberedPerDepartmentAndYear() {
        Convention a = service.save(draft(company.id()));
        Convention b = service.save(draft(company.id()));
        Convention other = draft(company.id());
        Convention c = service.save(new Convention(other.meta(), "", "", company.id(), other.framework(), "2A", "",
                "", ConventionStatus.DRAFT, null, null, null, Set.of(), List.of(), ""));
        assertThat(List.of(a.reference(), b.reference(), c.reference()))
                .containsExactly("25-2026-001", "25-2026-002", "2A-2026-001");
    }

    @Test
    void savesQpvsAndSignatoriesInOrder() {
        Qpv planoise = territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501Z", "Planoise",
                GeographyVersion.QPV_2024, "25", ServiceFixtures.GRAND_BESANCON, List.of("25056")));
        Convention d = draft(company.id());
        Convention withParts = new Convention(d.meta(), "", d.title(), company.id(), d.framework(), "25",
                ServiceFixtures.GRAND_BESANCON, "", ConventionStatus.DRAFT, null, null, null, Set.of(planoise.id()),
                List.of(signatory(SignatoryRole.PREFECT, "Préfet"), signatory(SignatoryRole.COMPANY, "Directrice")), "");
        Convention saved = service.save(withParts);
        Convention read = service.get(saved.id()).orElseThrow();
        assertThat(read.qpvIds()).containsExactly(planoise.id());
        assertThat(read.signatories()).extracting(Signatory::role)
                .containsExactly(SignatoryRole.PREFECT, SignatoryRole.COMPANY);
        assertThat(read.signatories()).extracting(Signatory::position).containsExactly(1, 2);
        // saved again unchanged: the signatories keep their versions (a package sees nothing changed)
        Convention again = service.save(read);
        assertThat(again.signatories()).extracting(Signatory::meta)
                .containsExactlyElementsOf(read.signatories().stream().map(Signatory::meta).toList());
        read = service.get(saved.id()).orElseThrow();
        // reorder: the company signs first
        Convention reordered = new Convention(read.meta(), read.reference(), read.title(), read.companyId(),
                read.framework(), read.departmentCode(), read.epciSiren(), read.stateReferent(), read.status(),
                null, null, null, read.qpvIds(), List.of(read.signatories().get(1), read.signatories().get(0)), "");
        service.save(reordered);
        Convention after = service.get(saved.id()).orElseThrow();
        assertThat(after.signatories()).extracting(Signatory::role)
                .containsExactly(SignatoryRole.COMPANY, SignatoryRole.PREFECT);
        assertThat(after.signatories()).extracting(x -> x.meta().version()).containsExactly(2, 2);
    }

    @Test
    void statusFollowsTheLifeCycleOnly() {
        Convention saved = service.save(draft(company.id()));
        assertThatThrownBy(() -> service.changeStatus(saved, ConventionStatus.SIGNED))
                .isInstanceOf(ValidationException.class);
        Convention negotiating = service.changeStatus(saved, ConventionStatus.NEGOTIATION);
        Convention ready = service.changeStatus(negotiating, ConventionStatus.READY_TO_SIGN);
        assertThatThrownBy(() -> service.changeStatus(ready, ConventionStatus.SIGNED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.issues()).containsKey("signatureDate"));
        Convention dated = new Convention(ready.meta(), ready.reference(), ready.title(), ready.companyId(),
                ready.framework(), ready.departmentCode(), ready.epciSiren(), ready.stateReferent(), ready.status(),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 1), LocalDate.of(2029, 11, 30), Set.of(),
                List.of(), "");
        Convention signed = service.changeStatus(dated, ConventionStatus.SIGNED);
        assertThat(service.get(signed.id()).orElseThrow().status()).isEqualTo(ConventionStatus.SIGNED);
        assertThatThrownBy(() -> service.delete(signed)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aStatusSkippedBySavingTheWholeRecordIsRefused() {
        Convention saved = service.save(draft(company.id()));
        Convention jump = saved.withStatus(ConventionStatus.ACTIVE);
        assertThatThrownBy(() -> service.save(jump)).isInstanceOf(ValidationException.class);
        assertThat(service.get(saved.id()).orElseThrow().status()).isEqualTo(ConventionStatus.DRAFT);
    }

    @Test
    void aStaleSaveIsRefused() {
        Convention saved = service.save(draft(company.id()));
        service.save(saved);
        assertThatThrownBy(() -> service.save(saved)).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void onlyCompaniesSignConventions() {
        Organisation partner = organisations.save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE, "France Travail Besançon", "", "", "", null, "", "", "",
                false, false, Set.of(), ""));
        assertThatThrownBy(() -> service.save(draft(partner.id()))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues()).containsKey("company"));
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aDraftCanBeDeletedWithItsParts() {
        Convention saved = service.save(draft(company.id()));
        service.delete(saved);
        assertThat(service.list()).isEmpty();
    }

    @Test
    void textsLongerThanTheStoreHoldsAreRefusedWithTheFieldNamed() {
        Convention c = draft(company.id());
        Convention tooLong = new Convention(c.meta(), "", c.title(), c.companyId(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), c.status(), null, null, null, Set.of(),
                List.of(new Signatory(RecordMeta.fresh(), 0, SignatoryRole.COMPANY, "Nom", "x".repeat(201), null, null)),
                "n".repeat(4001));
        assertThatThrownBy(() -> service.save(tooLong)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.issues()).containsOnlyKeys("notes", "signatoryTitle");
            var i18n = fr.ancrage.i18n.I18n.forLanguage("fr");
            assertThat(i18n.issue(e.issues().get("notes").getFirst()))
                    .isEqualTo("Notes : texte trop long, 4\u202f000 caractères au plus (4\u202f001 saisis).");
        });
        assertThat(service.list()).isEmpty();
    }

    private static Signatory signatory(SignatoryRole role, String title) {
        return new Signatory(RecordMeta.fresh(), 0, role, "Nom " + title, title, null, null);
    }

    /** Decision 0013: a save never moves a signed convention to another company, nor changes its signature. */
    @Test
    void aSignedConventionKeepsItsCompanySignatureAndSignatoriesUnlessTheChangeIsConfirmed() {
        Convention signed = ServiceFixtures.signed(service, company.id());
        Organisation other = organisations.save(company("Boulangerie Battant", ""));
        Convention moved = withCompany(signed, other);

        assertThatThrownBy(() -> service.save(moved)).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("convention.signed.protected");
        assertThatThrownBy(() -> service.save(withSignatories(signed, List.of())))
                .isInstanceOf(RuleViolationException.class);
        assertThat(service.get(signed.id()).orElseThrow().companyId()).isEqualTo(company.id());

        // what the signature does not protect still saves as before
        Convention retitled = service.save(new Convention(signed.meta(), signed.reference(), "Nouvel intitulé",
                signed.companyId(), signed.framework(), signed.departmentCode(), signed.epciSiren(),
                signed.stateReferent(), signed.status(), signed.signatureDate(), signed.startDate(), signed.endDate(),
                signed.qpvIds(), signed.signatories(), signed.notes()));
        assertThat(retitled.title()).isEqualTo("Nouvel intitulé");

        Convention corrected = service.saveSignedChange(withCompany(retitled, other));
        assertThat(service.get(signed.id()).orElseThrow().companyId()).isEqualTo(other.id());
        assertThat(corrected.reference()).isEqualTo(signed.reference());
    }

    @Test
    void aSaveNeverChangesTheReference() {
        Convention saved = service.save(draft(company.id()));
        Convention renamed = service.save(saved.withMeta(saved.meta(), "99-1999-999"));
        assertThat(renamed.reference()).isEqualTo(saved.reference());
    }

    private static Convention withCompany(Convention c, Organisation company) {
        return new Convention(c.meta(), c.reference(), c.title(), company.id(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(), c.endDate(), c.qpvIds(),
                c.signatories(), c.notes());
    }

    private static Convention withSignatories(Convention c, List<Signatory> signatories) {
        return new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(), c.departmentCode(),
                c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(), c.endDate(), c.qpvIds(),
                signatories, c.notes());
    }
}
