package fr.ancrage.service.imports;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's contacts spreadsheet: each person put with the organisation of the base the row names. */
class ContactImportTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private SheetImports sheets;
    private Organisation granvelle;
    private Organisation martin;
    private Contact durand;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        sheets = new SheetImports(store, I18n.forLanguage("fr"), Clock.systemDefaultZone());
        granvelle = store.write(r -> r.organisations().save(organisation("Imprimerie Granvelle",
                OrganisationImportTest.siret(7000))));
        martin = store.write(r -> r.organisations().save(organisation("Boulangerie Martin", "")));
        durand = store.write(r -> r.contacts().save(new Contact(RecordMeta.fresh(), granvelle.id(), Civility.MADAME,
                "Anne", "Durand", "Gérante", "", "", true)));
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private static Organisation organisation(String name, String siret) {
        return new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY, name, "", siret, "", null, "", "25000",
                "25056", false, false, Set.of(), "");
    }

    private Path contactsCsv() throws Exception {
        String siret = OrganisationImportTest.siret(7000);
        List<String> lines = List.of(
                "Entreprise;SIRET;Civilité;Prénom;Nom;Fonction;Courriel;Téléphone;Signataire",
                ";" + siret + ";Mme;Claire;Martin;DRH;claire.martin@granvelle.fr;03 81 00 00 00;oui",   // 2: by SIRET
                "BOULANGERIE MARTIN;;M.;Paul;Roy;Gérant;paul.roy@;;non",                             // 3: bad e-mail
                "Garage Inconnu;;M.;Jean;Dupont;;;;",                                                // 4: unknown company
                ";" + siret + ";Madame;Claire;MARTIN;;;;",                                           // 5: row 2 again
                "Imprimerie Granvelle;;Dr;Julien;Perrot;;;;peut-être",                               // 6: civility, yes/no
                "Imprimerie Granvelle;;;Anne;Durand;;;06 12 34 56 78;",                              // 7: in the base
                "Boulangerie Martin;;;Léa;Roy;Vendeuse;;;x");                                        // 8: new
        Path file = dir.resolve("contacts.csv");
        Files.write(file, String.join("\r\n", lines).concat("\r\n").getBytes(Charset.forName("windows-1252")));
        return file;
    }

    @Test
    void contactsComeInWithTheirOrganisationAndASecondImportChangesNothing() throws Exception {
        Path file = contactsCsv();
        SheetImport.Opened opened = sheets.open(file, null, 0, null, null);
        assertThat(opened.kind()).isEqualTo(SheetKind.CONTACTS);
        assertThat(opened.recognised().columns()).containsExactly(Map.entry(0, ImportField.LEGAL_NAME),
                Map.entry(1, ImportField.SIRET), Map.entry(2, ImportField.CIVILITY), Map.entry(3, ImportField.FIRST_NAME),
                Map.entry(4, ImportField.LAST_NAME), Map.entry(5, ImportField.JOB_TITLE), Map.entry(6, ImportField.EMAIL),
                Map.entry(7, ImportField.PHONE), Map.entry(8, ImportField.MAY_SIGN));
        SheetImport imports = sheets.of(SheetKind.CONTACTS);

        SheetImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).extracting(l -> l.row().number() + " " + l.group() + " " + l.proposed())
                .containsExactly("2 NEW IMPORT", "3 ERRORS SKIP", "4 ERRORS SKIP", "5 EARLIER_ROW SKIP",
                        "6 ERRORS SKIP", "7 SAME_PERSON MATCH", "8 NEW IMPORT");
        assertThat(line(preview, 3).row().issues()).extracting(i -> i.field() + " " + i.issue().messageKey())
                .containsExactly("EMAIL validation.email.format");
        assertThat(line(preview, 4).row().issues()).extracting(i -> i.field() + " " + i.issue().messageKey())
                .containsExactly("LEGAL_NAME import.row.organisation.unknown");
        assertThat(line(preview, 6).row().issues()).extracting(i -> i.field() + " " + i.issue().messageKey())
                .containsExactly("CIVILITY import.row.civility.unknown", "MAY_SIGN import.row.yesNo");
        assertThat(line(preview, 2).row().shown(ImportField.LEGAL_NAME)).isEqualTo("Imprimerie Granvelle");

        List<SheetImport.Done> done = imports.write(preview, Map.of());
        assertThat(done).extracting(d -> d.row() + " " + d.outcome()).containsExactly("2 CREATED", "3 SKIPPED",
                "4 SKIPPED", "5 SKIPPED", "6 SKIPPED", "7 UPDATED", "8 CREATED");
        List<Contact> ofGranvelle = store.read(r -> r.contacts().listByOrganisation(granvelle.id()));
        assertThat(ofGranvelle).extracting(Contact::fullName).containsExactlyInAnyOrder("Anne Durand", "Claire Martin");
        Contact claire = ofGranvelle.stream().filter(c -> c.lastName().equals("Martin")).findFirst().orElseThrow();
        assertThat(claire.civility()).isEqualTo(Civility.MADAME);
        assertThat(claire.maySign()).isTrue();
        assertThat(claire.phone()).isEqualTo("03 81 00 00 00");
        Contact anne = store.read(r -> r.contacts().findById(durand.id())).orElseThrow();
        // completed, nothing the base had replaced
        assertThat(anne.phone()).isEqualTo("06 12 34 56 78");
        assertThat(anne.jobTitle()).isEqualTo("Gérante");
        List<Contact> ofMartin = store.read(r -> r.contacts().listByOrganisation(martin.id()));
        assertThat(ofMartin).extracting(Contact::fullName,
                Contact::maySign).containsExactly(org.assertj.core.groups.Tuple.tuple("Léa Roy", true));

        SheetImport.Preview again = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(imports.write(again, Map.of())).extracting(d -> d.outcome().name()).doesNotContain("CREATED", "UPDATED");
        List<Contact> all = store.read(r -> r.contacts().findAll());
        assertThat(all).hasSize(3);
    }

    @Test
    void aPhoneNumberOrASiretHeldAsANumberGetsItsZeroBack() {
        assertThat(SheetImport.value(fr.ancrage.documents.sheets.Cell.number(new java.math.BigDecimal("381112233")),
                ImportField.PHONE)).isEqualTo("0381112233");
        assertThat(SheetImport.value(fr.ancrage.documents.sheets.Cell.text("03 81 11 22 33"), ImportField.PHONE))
                .isEqualTo("03 81 11 22 33");
        assertThat(SheetImport.value(fr.ancrage.documents.sheets.Cell.number(new java.math.BigDecimal("4430618410004")),
                ImportField.SIRET)).isEqualTo("04430618410004");
    }

    private static SheetImport.Line line(SheetImport.Preview p, int row) {
        return p.lines().stream().filter(l -> l.row().number() == row).findFirst().orElseThrow();
    }
}
