package fr.ancrage;

import fr.ancrage.documents.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `ancrage export …`: what it accepts, what it writes, what it says when it cannot. */
class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKindTerritoryYearFormatsAndFolder() throws Exception {
        var o = ExportCommand.parse(List.of("bilan", "--epci", "242500361", "--year", "2025", "--formats", "pdf,ODS",
                "--out", "/tmp/x", "--data-dir", "/tmp/d"));
        assertThat(o.kind()).isEqualTo(ExportCommand.Kind.BILAN);
        assertThat(o.epci()).isEqualTo("242500361");
        assertThat(o.year()).isEqualTo(2025);
        assertThat(o.formats()).isEqualTo(Set.of(Format.PDF, Format.ODS));
        assertThat(o.outputFolder()).isEqualTo(Path.of("/tmp/x"));
        assertThat(ExportCommand.parse(List.of("fiche", "--convention", "25-2024-003")).formats()).containsExactly(Format.PDF);
    }

    @Test
    void aWrongCommandLineSaysWhatIsExpected() {
        assertThatThrownBy(() -> ExportCommand.parse(List.of())).hasMessageContaining("fiche, convention, bilan, paquet");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("rapport"))).hasMessageContaining("Type de document inconnu : rapport");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("bilan", "--year", "2025")))
                .hasMessageContaining("--epci <SIREN> ou --departement <code>");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("bilan", "--epci", "242500361", "--year", "vingt")))
                .hasMessageContaining("--year attend une année");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("fiche", "--convention", "25-2024-003", "--formats", "xlsx")))
                .hasMessageContaining("Le format xlsx n'est pas proposé pour fiche");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("fiche", "--convention", "25-2024-003", "--formats", "docx")))
                .hasMessageContaining("Format inconnu : docx");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("conventions", "--out", "a\u0000b")))
                .hasMessageContaining("L'option --out attend un dossier");
        assertThatThrownBy(() -> ExportCommand.parse(List.of("conventions", "--verbose")))
                .hasMessageContaining("Option inconnue pour export : --verbose");
    }

    @Test
    void writesThePackageAndPrintsOnlyItsFileThenNamesWhatIsMissing() throws Exception {
        Path data = dir.resolve("donnees");
        Path out = Files.createDirectories(dir.resolve("sortie"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = ExportCommand.run(ExportCommand.parse(List.of("paquet", "--epci", "242500361", "--year", "2024",
                        "--data-dir", data.toString(), "--demo", "--out", out.toString())),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        Path zip = out.resolve("Paquet bilan annuel 2024 CU Grand Besançon Métropole.zip");
        assertThat(zip).exists();
        assertThat(stdout.toString(StandardCharsets.UTF_8).lines().toList()).last()
                .isEqualTo(zip.toAbsolutePath().normalize().toString());

        stderr.reset();
        status = ExportCommand.run(ExportCommand.parse(List.of("fiche", "--convention", "99-1999-999", "--data-dir",
                data.toString(), "--out", out.toString())), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Aucune convention n’a la référence 99-1999-999.");

        stderr.reset();
        status = ExportCommand.run(ExportCommand.parse(List.of("conventions", "--data-dir", dir.resolve("absent").toString())),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("n'existe pas", "--demo");
    }
}
