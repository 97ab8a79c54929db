package fr.ancrage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `ancrage import qpv <fichier> [--dry-run]`: what it prints, writes and returns. */
class ReferenceListCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Test
    void aWrongCommandLineSaysWhatIsExpected() {
        assertThatThrownBy(() -> ReferenceListCommand.parse("qpv", List.of())).hasMessageContaining("ancrage import qpv <fichier>");
        assertThatThrownBy(() -> ReferenceListCommand.parse("qpv", List.of("qp.csv", "--type", "x")))
                .hasMessageContaining("Option inconnue pour import qpv : --type");
        assertThatThrownBy(() -> ReferenceListCommand.parse("qpv", List.of("qp.csv", "--data-dir")))
                .hasMessageContaining("--data-dir attend une valeur");
    }

    @Test
    void aDryRunPrintsWhatWouldChangeTheImportWritesItAndASecondOneChangesNothing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("donnees"));
        Path csv = dir.resolve("qp2024.csv");
        Files.writeString(csv, "code_qp;nom_qp;insee_com;insee_dep;siren_epci\n"
                + "QN02501M;Planoise;25056;25;242500361\n"
                + "QN02502X;;25056;25;242500361\n", StandardCharsets.UTF_8);

        int status = ReferenceListCommand.run(ReferenceListCommand.parse("qpv", List.of(csv.toString(), "--dry-run", "--data-dir",
                data.toString())), print(stdout), print(stderr));
        String dry = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dry).contains("Code ← A « code_qp »")
                .contains("QN02501M « Planoise » : Nouveau.")
                .contains("QN02502X : Refusé. Ligne 3, colonne B « nom_qp » : Nom du quartier absent")
                .contains("2 QPV lus (géographie 2024 ; 25) : 1 nouveau(x)")
                .contains("Essai à blanc : rien n'a été écrit.");

        stdout.reset();
        status = ReferenceListCommand.run(ReferenceListCommand.parse("qpv", List.of(csv.toString(), "--data-dir", data.toString())),
                print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Import terminé : 1 QPV créé(s), 0 mis à jour");

        stdout.reset();
        status = ReferenceListCommand.run(ReferenceListCommand.parse("qpv", List.of(csv.toString(), "--data-dir", data.toString())),
                print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Import terminé : 0 QPV créé(s), 0 mis à jour, 1 inchangé(s)");
    }

    @Test
    void aFileWithoutTheListsColumnsIsRefusedWithExitCodeOne() throws Exception {
        Path csv = Files.writeString(dir.resolve("entreprises.csv"), "Raison sociale;SIRET\nGranvelle;1\n");
        int status = ReferenceListCommand.run(ReferenceListCommand.parse("qpv", List.of(csv.toString(), "--data-dir",
                Files.createDirectories(dir.resolve("d")).toString())), print(stdout), print(stderr));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("n’a pas les colonnes de la liste officielle des QPV");
    }

    @Test
    void aReleaseOfTheAdministrativeDivisionsIsPrintedThenApplied() throws Exception {
        Path data = Files.createDirectories(dir.resolve("base"));
        Path folder;
        try (var db = fr.ancrage.persistence.Database.open(data)) {
            var store = new fr.ancrage.persistence.Store(db.dsl());
            new fr.ancrage.service.TerritoryService(store).ensureReferenceData();
            folder = fr.ancrage.service.imports.ReleaseFixture.write(store, dir, "6.2.0", list -> {
                list.replaceAll(c -> c.code().equals("25056") ? new fr.ancrage.domain.Commune(c.code(), "Besançon-Vauban",
                        c.departmentCode(), c.epciSiren(), c.postcodes(), c.population()) : c);
                return list;
            }, java.util.Set.of(), java.util.Map.of());
        }
        assertThatThrownBy(() -> ReferenceListCommand.parse("referentiel", List.of()))
                .hasMessageContaining("ancrage import referentiel <dossier>");

        int status = ReferenceListCommand.run(ReferenceListCommand.parse("referentiel", List.of(folder.toString(),
                "--dry-run", "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("Commune 25056 « Besançon → Besançon-Vauban » : Renommée.")
                .contains("@etalab/decoupage-administratif 6.2.0. Communes : 0 ajoutée(s), 1 renommée(s)")
                .contains("Essai à blanc");

        stdout.reset();
        status = ReferenceListCommand.run(ReferenceListCommand.parse("referentiel", List.of(folder.toString(),
                "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Référentiel mis à jour");
        stdout.reset();
        status = ReferenceListCommand.run(ReferenceListCommand.parse("referentiel", List.of(folder.toString(),
                "--data-dir", data.toString())), print(stdout), print(stderr));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("la base est déjà à jour, rien ne change");
    }
}
