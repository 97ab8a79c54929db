package fr.ancrage.service;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.DuplicateCandidate;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static fr.ancrage.service.ServiceFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationServiceTest {

    private Database db;
    private OrganisationService service;
    private ConventionService conventions;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        Store store = new Store(db.dsl());
        service = new OrganisationService(store);
        conventions = new ConventionService(store, Clock.systemDefaultZone());
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    @Test
    void savesAndReadsBackWithNormalisedIdentifiersAndVersionOne() {
        Organisation saved = service.save(company("Horlogerie Vauban", "356 000 000 00048"));
        assertThat(saved.meta().version()).isEqualTo(1);
        Organisation read = service.get(saved.id()).orElseThrow();
        assertThat(read.siret()).isEqualTo("35600000000048");
        assertThat(read.siren()).isEqualTo("356000000");
        assertThat(read.networks()).containsExactly("FACE Doubs");
        assertThat(service.list()).singleElement()
                .satisfies(item -> assertThat(item.communeName()).isEqualTo("Besançon"))
                .satisfies(item -> assertThat(item.epciSiren()).isEqualTo(ServiceFixtures.GRAND_BESANCON));
    }

    @Test
    void refusesAnInvalidSiretWithTheFieldNamed() {
        assertThatThrownBy(() -> service.save(company("Test", "35600000000049")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.issues()).containsKey("siret"));
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aStaleSaveIsRefusedInsteadOfOverwriting() {
        Organisation saved = service.save(company("Transports Doubs Express", ""));
        Organisation first = rename(saved, "Transports Doubs Express SAS");
        service.save(first);
        Organisation second = rename(saved, "TDE");
        assertThatThrownBy(() -> service.save(second)).isInstanceOf(StaleRecordException.class);
        assertThat(service.get(saved.id()).orElseThrow().legalName()).isEqualTo("Transports Doubs Express SAS");
    }

    @Test
    void findsDuplicatesBySiretAndByCloseName() {
        service.save(company("Boulangeries Comtoises Réunies", "35600000000048"));
        assertThat(service.findPossibleDuplicates(company("Autre nom", "35600000000048")))
                .extracting(DuplicateCandidate::reason).containsExactly(DuplicateCandidate.Reason.SAME_SIRET);
        assertThat(service.findPossibleDuplicates(company("boulangeries comtoises reunies SARL", "")))
                .extracting(DuplicateCandidate::reason).containsExactly(DuplicateCandidate.Reason.SIMILAR_NAME);
        assertThat(service.findPossibleDuplicates(company("Garage du Centre", ""))).isEmpty();
    }

    @Test
    void aCompanyWithConventionsCannotBeDeleted() {
        Organisation saved = service.save(company("Horlogerie Vauban", ""));
        conventions.save(ServiceFixtures.draft(saved.id()));
        assertThatThrownBy(() -> service.delete(saved)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("organisation.delete.hasConventions"));
        assertThat(service.get(saved.id())).isPresent();
    }

    @Test
    void deletingAnOrganisationDeletesItsContacts() {
        Organisation saved = service.save(company("Horlogerie Vauban", ""));
        service.saveContact(new Contact(RecordMeta.fresh(), saved.id(), Civility.MADAME, "Claire", "Dupont", "Directrice",
                "claire.dupont@exemple.fr", "03 81 00 00 00", true));
        assertThat(service.contacts(saved.id())).hasSize(1);
        service.delete(service.get(saved.id()).orElseThrow());
        assertThat(service.get(saved.id())).isEmpty();
        assertThat(service.contacts(saved.id())).isEmpty();
    }

    @Test
    void aContactNeedsANameAndAValidEmail() {
        Organisation saved = service.save(company("Horlogerie Vauban", ""));
        assertThatThrownBy(() -> service.saveContact(new Contact(RecordMeta.fresh(), saved.id(), null, "Claire", "", "",
                "pas-un-courriel", "", false))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues()).containsKeys("lastName", "email"));
        assertThat(service.contacts(saved.id())).isEmpty();
    }

    private static Organisation rename(Organisation o, String name) {
        return new Organisation(o.meta(), o.kind(), name, o.siren(), o.siret(), o.nafCode(), o.sizeBand(),
                o.addressLine(), o.postcode(), o.communeCode(), o.inQpv(), o.paqteMember(), o.networks(), o.notes());
    }
}
