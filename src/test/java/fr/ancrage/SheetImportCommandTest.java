package fr.ancrage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `ancrage import tableur <fichier> --type organisations [--dry-run]`: what it prints, writes and returns. */
class SheetImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void aWrongCommandLineSaysWhatIsExpected() {
        assertThatThrownBy(() -> SheetImportCommand.parse(List.of())).hasMessageContaining("ancrage import tableur <fichier>");
        assertThatThrownBy(() -> SheetImportCommand.parse(List.of("x.csv"))).hasMessageContaining("--type organisations");
        assertThatThrownBy(() -> SheetImportCommand.parse(List.of("x.csv", "--type", "contrats")))
                .hasMessageContaining("--type attend organisations, contacts, conventions ou engagements");
        assertThatThrownBy(() -> SheetImportCommand.parse(List.of("x.csv", "--type", "organisations", "--separateur", "|")))
                .hasMessageContaining("--separateur attend");
        assertThatThrownBy(() -> SheetImportCommand.parse(List.of("x.csv", "--type", "organisations", "--feuille", "0")))
                .hasMessageContaining("--feuille attend");
    }

    @Test
    void aDryRunPrintsEveryProblemWithItsRowAndColumnThenTheImportWritesAndASecondOneCreatesNothing() throws Exception {
        Path data = dir.resolve("donnees");
        Path out = Files.createDirectories(dir.resolve("sortie"));
        assertThat(ExportCommand.run(ExportCommand.parse(List.of("conventions", "--data-dir", data.toString(), "--demo",
                "--out", out.toString())), print(stdout), print(stderr))).isZero();
        Path csv = dir.resolve("entreprises.csv");
        Files.write(csv, ("Raison sociale;SIRET;Commune\r\nÉbénisterie Comtoise;44306184100047;Besançon\r\n"
                + "Siret faux;123;Besançon\r\n").getBytes(Charset.forName("windows-1252")));

        stdout.reset();
        int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(csv.toString(), "--type", "organisations",
                "--dry-run", "--data-dir", data.toString())), print(stdout), print(stderr));
        String dry = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dry).contains("Fichier entreprises.csv (CSV), feuille « entreprises.csv ». Encodage windows-1252, "
                + "séparateur « ; ».")
                .contains("Colonne B « SIRET » → SIRET")
                .contains("Ligne 3, colonne B « SIRET » : Le SIRET doit comporter 14 chiffres (3 saisis).")
                .contains("2 ligne(s) : 1 à importer, 0 déjà dans la base (complétées), 1 ignorée(s).")
                .contains("Essai à blanc : rien n'a été écrit.");

        stdout.reset();
        status = SheetImportCommand.run(SheetImportCommand.parse(List.of(csv.toString(), "--type", "organisations",
                "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Ligne 2 « Ébénisterie Comtoise » : Créée.");

        stdout.reset();
        status = SheetImportCommand.run(SheetImportCommand.parse(List.of(csv.toString(), "--type", "organisations",
                "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Ligne 2 « Ébénisterie Comtoise » : Inchangée.")
                .doesNotContain("Créée");
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedWithExitCodeOne() throws Exception {
        Path data = Files.createDirectories(dir.resolve("vide"));
        Path xlsx = Files.writeString(dir.resolve("faux.xlsx"), "Nom;SIRET\n");
        int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(xlsx.toString(), "--type", "organisations",
                "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Le fichier « faux.xlsx » porte l’extension .xlsx");
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownMappingIsRefusedWithTheNamesThatExist() throws Exception {
        Path data = Files.createDirectories(dir.resolve("base"));
        Path csv = Files.writeString(dir.resolve("e.csv"), "Raison sociale\r\nGranvelle\r\n");
        int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(csv.toString(), "--type", "organisations",
                "--mapping", "Délégués", "--dry-run", "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("Aucune correspondance ne s’appelle « Délégués » (enregistrées : aucune).");
    }

    @Test
    void aSheetWithoutHeadersIsImportedWithAMappingSavedByColumnLetter() throws Exception {
        Path data = Files.createDirectories(dir.resolve("base-sans"));
        Path csv = Files.writeString(dir.resolve("sans.csv"), "Ébénisterie Comtoise;44306184100047;Besançon\r\n");
        try (var db = fr.ancrage.persistence.Database.open(data)) {
            var store = new fr.ancrage.persistence.Store(db.dsl());
            new fr.ancrage.service.TerritoryService(store).ensureReferenceData();
            var imports = new fr.ancrage.service.imports.OrganisationImport(store, fr.ancrage.i18n.I18n.forLanguage("fr"));
            var opened = imports.open(csv, null, 0, 0);
            imports.saveMapping("Sans en-têtes", opened, opened.recognised()
                    .with(0, fr.ancrage.domain.imports.ImportField.LEGAL_NAME)
                    .with(1, fr.ancrage.domain.imports.ImportField.SIRET)
                    .with(2, fr.ancrage.domain.imports.ImportField.COMMUNE));
        }
        int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(csv.toString(), "--type", "organisations",
                "--sans-entetes", "--mapping", "Sans en-têtes", "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Ligne 1 « Ébénisterie Comtoise » : Créée.");
    }

    @Test
    void contactsConventionsAndEngagementsComeInAfterTheirOrganisations() throws Exception {
        Path data = dir.resolve("donnees");
        Files.createDirectories(data);
        Path companies = dir.resolve("entreprises.csv");
        Files.writeString(companies, "Raison sociale;SIRET;Commune\nÉbénisterie Comtoise;44306184100047;Besançon\n");
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "SIRET;Prénom;Nom;Courriel\n44306184100047;Claire;Martin;claire@ebenisterie.fr\n");
        Path conventions = dir.resolve("conventions.csv");
        Files.writeString(conventions, "SIRET;N° convention;Date de signature;Début;Fin;Signataire entreprise\n"
                + "44306184100047;EC-1;10/01/2025;01/02/2025;31/01/2028;Claire Martin\n");
        Path engagements = dir.resolve("engagements.csv");
        Files.writeString(engagements, "N° convention;Action;Année;Objectif\nEC-1;Dons financiers;2025;1500\n"
                + "EC-2;Dons financiers;2025;1500\n");
        for (String[] step : List.of(new String[] {companies.toString(), "organisations"},
                new String[] {contacts.toString(), "contacts"}, new String[] {conventions.toString(), "conventions"})) {
            stdout.reset();
            int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(step[0], "--type", step[1],
                    "--data-dir", data.toString())), print(stdout), print(stderr));
            assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Ligne 2 « ").contains(" : Créée.");
        }
        stdout.reset();
        int status = SheetImportCommand.run(SheetImportCommand.parse(List.of(engagements.toString(), "--type",
                "engagements", "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("Colonne A « N° convention » → Référence de la convention")
                .contains("Ligne 3, colonne A « N° convention » : Aucune convention de la base n’a la référence « EC-2 »")
                .contains("Ligne 2 « 25-2025-001 – Dons financiers » : Créée.");
    }
}
