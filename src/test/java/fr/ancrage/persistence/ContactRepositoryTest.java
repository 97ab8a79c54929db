package fr.ancrage.persistence;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import org.flywaydb.core.Flyway;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The civilité of a contact (issue 16) goes to the base and comes back, or stays unknown. */
class ContactRepositoryTest {

    private Database db;
    private Store store;
    private UUID organisation;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        store = new Store(db.dsl());
        organisation = store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.ASSOCIATION, "Maison de quartier Planoise", "", "", "", null, "", "", "",
                false, false, Set.of(), ""))).id();
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private Contact contact(Civility civility, String first, String last) {
        return new Contact(RecordMeta.fresh(), organisation, civility, first, last, "", "", "", false);
    }

    private Contact save(Contact c) {
        return store.write(r -> r.contacts().save(c));
    }

    @Test
    void theCivilityIsStoredAndReadBackAndMayStayUnknown() {
        Contact claire = save(contact(Civility.MADAME, "Claire", "Martin"));
        Contact julien = save(contact(Civility.MONSIEUR, "Julien", "Perrot"));
        Contact unknown = save(contact(null, "Camille", "Roussel"));
        assertThat(claire.civility()).isEqualTo(Civility.MADAME);

        List<Contact> listed = store.read(r -> r.contacts().listByOrganisation(organisation));
        assertThat(listed).extracting(Contact::lastName, Contact::civility).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Martin", Civility.MADAME),
                org.assertj.core.groups.Tuple.tuple("Perrot", Civility.MONSIEUR),
                org.assertj.core.groups.Tuple.tuple("Roussel", null));
        assertThat(store.read(r -> r.contacts().findById(julien.id())).orElseThrow().civility())
                .isEqualTo(Civility.MONSIEUR);
        List<Contact> found = store.read(r -> r.contacts().findByIds(List.of(claire.id(), unknown.id())));
        assertThat(found).extracting(Contact::civility).containsExactlyInAnyOrder(Civility.MADAME, null);
        // the column holds the constant's name, as the package and other bases read it
        assertThat(db.dsl().select(CONTACT.CIVILITY).from(CONTACT).where(CONTACT.ID.eq(claire.id())).fetchOne().value1())
                .isEqualTo("MADAME");
    }

    @Test
    void aCivilityIsChangedAndRemovedLikeAnyField() {
        Contact saved = save(contact(Civility.MONSIEUR, "Camille", "Roussel"));
        Contact changed = save(new Contact(saved.meta(), organisation, Civility.MADAME, "Camille", "Roussel", "", "",
                "", false));
        assertThat(changed.meta().version()).isEqualTo(2);
        assertThat(store.read(r -> r.contacts().findById(saved.id())).orElseThrow().civility())
                .isEqualTo(Civility.MADAME);
        save(new Contact(changed.meta(), organisation, null, "Camille", "Roussel", "", "", "", false));
        assertThat(store.read(r -> r.contacts().findById(saved.id())).orElseThrow().civility()).isNull();
    }

    @Test
    void theBaseRefusesAnyOtherCivility() {
        Contact saved = save(contact(Civility.MADAME, "Claire", "Martin"));
        assertThatThrownBy(() -> db.dsl().update(CONTACT).set(CONTACT.CIVILITY, "MADEMOISELLE")
                .where(CONTACT.ID.eq(saved.id())).execute()).isInstanceOf(DataAccessException.class);
    }

    /** A base of the version before: its contacts have no civilité, and may be given one. */
    @Test
    void theContactsOfAnOlderBaseHaveNoCivilityUntilGivenOne(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve(Database.DATABASE_NAME);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
        try (var c = org.jooq.impl.DSL.using(url, "sa", "")) {
            var old = c.configuration().derive(Database.settings()).dsl();
            old.execute("insert into organisation (id, version, created_at, updated_at, kind, legal_name) values "
                    + "('01a00000-0000-7000-8000-000000000001', 1, now(), now(), 'COMPANY', 'X Industrie')");
            old.execute("insert into contact (id, version, created_at, updated_at, organisation_id, first_name, "
                    + "last_name, may_sign) values ('01a00000-0000-7000-8000-000000000002', 1, now(), now(), "
                    + "'01a00000-0000-7000-8000-000000000001', 'Claire', 'Martin', true)");
        }
        UUID id = UUID.fromString("01a00000-0000-7000-8000-000000000002");
        try (Database upgraded = Database.open(folder)) {
            Store s = new Store(upgraded.dsl());
            Contact read = s.read(r -> r.contacts().findById(id)).orElseThrow();
            assertThat(read.civility()).isNull();
            assertThat(read.fullName()).isEqualTo("Claire Martin");
            s.write(r -> r.contacts().save(new Contact(read.meta(), read.organisationId(), Civility.MADAME,
                    read.firstName(), read.lastName(), read.jobTitle(), read.email(), read.phone(), read.maySign())));
            assertThat(s.read(r -> r.contacts().findById(id)).orElseThrow().civility()).isEqualTo(Civility.MADAME);
        }
    }
}
