package fr.ancrage.service.imports;

import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A team's organisations spreadsheet, as the issue's « done when » tells it: a messy CSV saved by
 * a French spreadsheet program comes in with nothing lost and nothing duplicated, and again changes
 * nothing.
 */
class OrganisationImportTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private OrganisationImport imports;
    private Organisation existingBySiret;
    private Organisation existingByName;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        imports = new OrganisationImport(store, I18n.forLanguage("fr"));
        existingBySiret = store.write(r -> r.organisations().save(company("Imprimerie Granvelle", siret(7000))));
        existingByName = store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.COMPANY, "Boulangerie Martin", "", "", "", null, "", "25000", "25056", false, false,
                Set.of(), "")));
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private static Organisation company(String name, String siret) {
        return new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY, name, "", siret, "", null, "", "", "",
                false, false, Set.of(), "");
    }

    /** A SIRET whose SIREN and whole number have their Luhn keys right, from a number (small ones start with a zero). */
    static String siret(long n) {
        String siren = withKey(String.format("%08d", (n * 7919 + 1_000_000) % 100_000_000L));
        return withKey(siren + String.format("%04d", n % 10_000));
    }

    private static String withKey(String body) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = s.charAt(s.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** 61 rows: 55 new companies, 3 bad SIRETs, one of the base's SIRETs, one of its names, one row twice. */
    private Path messyCsv() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Raison sociale;N° SIRET;Code postal;Commune;Code NAF;Commentaire");
        for (int i = 1; i <= 55; i++) {
            String s = siret(i);
            // a SIRET the spreadsheet held as a number: its leading zeros lost in the CSV
            String written = i % 5 == 0 ? s.replaceFirst("^0+", "") : s;
            lines.add("Société Générale d’Électricité n°" + i + ";" + written + ";25000;Besançon;35.11Z;« =1+1 » à voir");
        }
        lines.add("Siret trop court;123;25000;Besançon;;");             // row 57
        lines.add("Siret à lettres;ABCDEFGHIJKLMN;25000;Besançon;;");   // row 58
        String good = siret(99);
        String wrongKey = good.substring(0, 13) + (char) ('0' + (good.charAt(13) - '0' + 1) % 10);
        lines.add("Siret faux;" + wrongKey + ";25000;Besançon;;");        // row 59: one digit changed, its key is wrong
        lines.add("Imprimerie Granvelle SA;" + siret(7000) + ";25000;Besançon;;");    // row 60
        lines.add("BOULANGERIE MARTIN SARL;;25000;Besançon;;");                       // row 61
        lines.add("Société Générale d’Électricité n°3 (doublon);" + siret(3) + ";25000;Besançon;;"); // row 62
        Path file = dir.resolve("entreprises.csv");
        Files.write(file, String.join("\r\n", lines).concat("\r\n").getBytes(Charset.forName("windows-1252")));
        return file;
    }

    @Test
    void aMessyFrenchCsvOfSixtyCompaniesComesInWithNothingLostNorDuplicated() throws Exception {
        Path file = messyCsv();
        OrganisationImport.Opened opened = imports.open(file, null, 0);
        assertThat(opened.csv()).isEqualTo(new CsvSettings(Charset.forName("windows-1252"), ';', false));
        assertThat(opened.headers()).containsExactly("Raison sociale", "N° SIRET", "Code postal", "Commune", "Code NAF",
                "Commentaire");
        assertThat(opened.recognised().columns()).containsExactly(Map.entry(0, ImportField.LEGAL_NAME),
                Map.entry(1, ImportField.SIRET), Map.entry(2, ImportField.POSTCODE), Map.entry(3, ImportField.COMMUNE),
                Map.entry(4, ImportField.NAF), Map.entry(5, ImportField.NOTES));

        OrganisationImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).hasSize(61);
        assertThat(preview.count(OrganisationImport.Decision.IMPORT)).isEqualTo(55);
        assertThat(preview.count(OrganisationImport.Decision.MATCH)).isEqualTo(2);
        assertThat(preview.count(OrganisationImport.Decision.SKIP)).isEqualTo(4);
        var shortSiret = line(preview, 57);
        assertThat(shortSiret.row().issues()).singleElement().satisfies(i -> {
            assertThat(i.field()).isEqualTo(ImportField.SIRET);
            assertThat(i.issue().messageKey()).isEqualTo("validation.siret.length");
        });
        assertThat(line(preview, 58).row().issues()).extracting(i -> i.issue().messageKey())
                .contains("validation.siret.digits");
        assertThat(line(preview, 60).match().reason()).isEqualTo(OrganisationImport.Reason.SAME_SIRET);
        assertThat(line(preview, 60).match().id()).isEqualTo(existingBySiret.id());
        assertThat(line(preview, 61).match().reason()).isEqualTo(OrganisationImport.Reason.SAME_NAME);
        assertThat(line(preview, 62).match()).satisfies(m -> {
            assertThat(m.reason()).isEqualTo(OrganisationImport.Reason.EARLIER_ROW);
            assertThat(m.row()).isEqualTo(4);
        });
        assertThat(line(preview, 62).choices()).containsExactly(OrganisationImport.Decision.SKIP);
        // nothing written by the preview
        assertThat(count()).isEqualTo(2);

        List<OrganisationImport.Done> done = imports.write(preview, Map.of());
        assertThat(done).filteredOn(d -> d.outcome() == OrganisationImport.Outcome.CREATED).hasSize(55);
        assertThat(done).filteredOn(d -> d.outcome() == OrganisationImport.Outcome.SKIPPED).hasSize(4)
                .anySatisfy(d -> assertThat(d.why()).isEqualTo("Le SIRET doit comporter 14 chiffres (3 saisis)."))
                .anySatisfy(d -> assertThat(d.why()).startsWith("Doublon de la ligne 4"));
        assertThat(count()).isEqualTo(57);
        Organisation fifth = store.read(r -> r.organisations().findBySiret(siret(5))).getFirst();
        assertThat(fifth.legalName()).isEqualTo("Société Générale d’Électricité n°5");
        assertThat(fifth.siret()).startsWith("0").hasSize(14);
        assertThat(fifth.siren()).isEqualTo(fifth.siret().substring(0, 9));
        assertThat(fifth.communeCode()).isEqualTo("25056");
        assertThat(fifth.notes()).isEqualTo("« =1+1 » à voir");
        // a record matched is completed, never overwritten: the base's name stays, what it lacked is filled
        assertThat(done).filteredOn(d -> d.row() == 60).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(OrganisationImport.Outcome.UPDATED));
        Organisation granvelle = store.read(r -> r.organisations().findById(existingBySiret.id())).orElseThrow();
        assertThat(granvelle.legalName()).isEqualTo("Imprimerie Granvelle");
        assertThat(granvelle.communeCode()).isEqualTo("25056");
        assertThat(granvelle.postcode()).isEqualTo("25000");
        Organisation martin = store.read(r -> r.organisations().findById(existingByName.id())).orElseThrow();
        assertThat(martin.legalName()).isEqualTo("Boulangerie Martin");
        assertThat(done).filteredOn(d -> d.row() == 61).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(OrganisationImport.Outcome.UNCHANGED));

        // the same file again creates nothing: every row is one of the base's now
        OrganisationImport.Preview again = imports.preview(imports.open(file, null, 0), opened.recognised(), () -> false);
        assertThat(again.count(OrganisationImport.Decision.IMPORT)).isZero();
        List<OrganisationImport.Done> second = imports.write(again, Map.of());
        assertThat(second).noneMatch(d -> d.outcome() == OrganisationImport.Outcome.CREATED);
        // rows 2 to 56, 60, 61 and 62 (the duplicate of row 4 is now one of the base's by its SIRET)
        assertThat(second).filteredOn(d -> d.outcome() == OrganisationImport.Outcome.UNCHANGED).hasSize(58);
        assertThat(count()).isEqualTo(57);
    }

    @Test
    void aDecisionARowCannotTakeRefusesTheWholeImportAndWritesNothing() throws Exception {
        Path file = messyCsv();
        OrganisationImport.Opened opened = imports.open(file, null, 0);
        OrganisationImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThatThrownBy(() -> imports.write(preview, Map.of(57, OrganisationImport.Decision.IMPORT)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.args()).startsWith(57));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aMappingWithTwoColumnsForOneFieldOrWithoutTheNameIsRefused() throws Exception {
        OrganisationImport.Opened opened = imports.open(messyCsv(), null, 0);
        assertThatThrownBy(() -> imports.preview(opened, opened.recognised().with(5, ImportField.SIRET), () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.mapping.twice");
                    assertThat(e.args()).containsExactly("SIRET");
                });
        assertThatThrownBy(() -> imports.preview(opened, opened.recognised().with(0, null), () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.mapping.required"));
    }

    @Test
    void anXlsxWhoseSiretsAreNumbersComesInWithTheirLeadingZeros() throws Exception {
        Path xlsx = dir.resolve("entreprises.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("Entreprises");
            ws.value(0, 0, "Nom de l'entreprise");
            ws.value(0, 1, "SIRET");
            ws.value(0, 2, "Code INSEE");
            ws.value(1, 0, "Garage de l’Ain");
            ws.value(1, 1, Long.parseLong(siret(5)));
            ws.value(1, 2, 1053);
        }
        OrganisationImport.Opened opened = imports.open(xlsx, null, 0);
        assertThat(opened.recognised().columns()).containsExactly(Map.entry(0, ImportField.LEGAL_NAME),
                Map.entry(1, ImportField.SIRET), Map.entry(2, ImportField.COMMUNE_CODE));
        var preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).singleElement().satisfies(l -> assertThat(l.row().issues()).isEmpty());
        imports.write(preview, Map.of());
        Organisation garage = store.read(r -> r.organisations().findBySiret(siret(5))).getFirst();
        assertThat(garage.communeCode()).isEqualTo("01053");
    }

    @Test
    void aSheetWithoutCommunesFindsTheBasesOrganisationsByNameAlone() throws Exception {
        Path csv = Files.write(dir.resolve("noms.csv"), "Entreprise\nBoulangerie Martin SARL\nNouvelle Entreprise\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OrganisationImport.Opened opened = imports.open(csv, null, 0);
        OrganisationImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(line(preview, 2).match().reason()).isEqualTo(OrganisationImport.Reason.SAME_NAME);
        assertThat(line(preview, 2).match().id()).isEqualTo(existingByName.id());
        assertThat(line(preview, 3).proposed()).isEqualTo(OrganisationImport.Decision.IMPORT);
        imports.write(preview, Map.of());
        assertThat(count()).isEqualTo(3);
    }

    private int count() {
        Integer n = store.read(r -> r.organisations().count());
        return n;
    }

    private static OrganisationImport.Line line(OrganisationImport.Preview p, int row) {
        return p.lines().stream().filter(l -> l.row().number() == row).findFirst().orElseThrow();
    }

    @Test
    void aMappingSavedByNameReadsTheNextFileOfTheSameShapeEvenWithItsColumnsMoved() throws Exception {
        Path first = dir.resolve("delegues-2025.csv");
        Files.writeString(first, "Nom de la structure;Suivi par;Ce qu’il faut savoir\r\nGarage du Doubs;Mme Roy;à relancer\r\n");
        OrganisationImport.Opened opened = imports.open(first, null, 0);
        assertThat(opened.mappingName()).isEmpty();
        assertThat(opened.recognised().columnOf(ImportField.NOTES)).as("not a usual header").isEqualTo(-1);
        imports.saveMapping("Tableau des délégués", opened, opened.recognised().with(2, ImportField.NOTES));

        Path next = dir.resolve("delegues-2026.csv");
        Files.writeString(next, "Ce qu’il faut savoir;Nom de la structure;Suivi par;Commune\r\nà voir;Boulangerie Roy;M. Roy;\r\n");
        OrganisationImport.Opened again = imports.open(next, null, 0);

        assertThat(again.mappingName()).isEqualTo("Tableau des délégués");
        assertThat(again.recognised().columnOf(ImportField.NOTES)).isZero();
        assertThat(again.recognised().columnOf(ImportField.LEGAL_NAME)).isEqualTo(1);
        assertThat(imports.preview(again, again.recognised(), () -> false).lines().getFirst().row().values().get(ImportField.NOTES))
                .isEqualTo("à voir");
        assertThatThrownBy(() -> imports.withMapping(again, "Autre"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(
                        I18n.forLanguage("fr").format(e.messageKey(), e.args().toArray()))
                        .isEqualTo("Aucune correspondance ne s’appelle « Autre » (enregistrées : Tableau des délégués)."));
        assertThatThrownBy(() -> imports.saveMapping("  ", opened, opened.recognised()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.mapping.name.required"));
    }

    @Test
    void aSheetWithoutHeadersLosesNoRowItsColumnsMappedByHand() throws Exception {
        Path csv = dir.resolve("sans-entetes.csv");
        Files.writeString(csv, "Ébénisterie Comtoise;44306184100047;Besançon\r\nGarage du Doubs;;Besançon\r\n");

        OrganisationImport.Opened opened = imports.open(csv, null, 0);

        assertThat(opened.hasHeader()).as("a SIRET in the first row: data").isFalse();
        assertThat(opened.headers()).containsExactly("", "", "");
        assertThat(opened.recognised().columns()).isEmpty();
        var mapping = opened.recognised().with(0, ImportField.LEGAL_NAME).with(1, ImportField.SIRET)
                .with(2, ImportField.COMMUNE);
        assertThat(imports.preview(opened, mapping, () -> false).lines()).extracting(l -> l.row().number() + " "
                + l.row().label()).containsExactly("1 Ébénisterie Comtoise", "2 Garage du Doubs");
        // told it holds headers after all, the first row is the headers
        OrganisationImport.Opened withHeader = imports.open(csv, null, 0, 1);
        assertThat(withHeader.hasHeader()).isTrue();
        assertThat(imports.preview(withHeader, mapping, () -> false).lines()).hasSize(1);
    }

    @Test
    void titleLinesAboveTheHeadersAreFoundAndSkipped() throws Exception {
        Path csv = dir.resolve("avec-titre.csv");
        Files.writeString(csv, "Liste des entreprises signataires – Doubs 2025;;\r\n"
                + "Mise à jour le 12/03/2025;;\r\n"
                + "Raison sociale;N° SIRET;Commune\r\n"
                + "Ébénisterie Comtoise;44306184100047;Besançon\r\n");

        OrganisationImport.Opened opened = imports.open(csv, null, 0);

        assertThat(opened.headerRow()).isEqualTo(3);
        assertThat(opened.recognised().columnOf(ImportField.SIRET)).isEqualTo(1);
        assertThat(imports.preview(opened, opened.recognised(), () -> false).lines()).singleElement()
                .satisfies(l -> {
                    assertThat(l.row().number()).isEqualTo(4);
                    assertThat(l.row().shown(ImportField.SIRET)).isEqualTo("44306184100047");
                });
    }
}
