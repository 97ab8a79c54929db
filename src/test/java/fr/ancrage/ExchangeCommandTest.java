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

/** `ancrage export echange …` and `ancrage import <fichier> [--dry-run]`: what they print, write and return. */
class ExchangeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void aWrongCommandLineSaysWhatIsExpected() throws Exception {
        assertThatThrownBy(() -> ExchangeCommand.parseImport(List.of())).hasMessageContaining("ancrage import <fichier.zip>");
        assertThatThrownBy(() -> ExchangeCommand.parseImport(List.of("p.zip", "--conflits", "peut-être")))
                .hasMessageContaining("--conflits attend mien ou leur");
        assertThatThrownBy(() -> ExchangeCommand.parseImport(List.of("p.zip", "--force")))
                .hasMessageContaining("Option inconnue pour import : --force");
        assertThatThrownBy(() -> ExchangeCommand.parseExport(List.of("--departement", "25", "--epci", "242500361")))
                .hasMessageContaining("au plus une portée");
        assertThatThrownBy(() -> ExchangeCommand.parseExport(List.of("--pour", "base-b")))
                .hasMessageContaining("l'identifiant d'une base");
        assertThat(ExchangeCommand.parseImport(List.of("p.zip", "--dry-run")).dryRun()).isTrue();
    }

    @Test
    void exportsImportsDryRunFirstThenSaysWhenNothingChanges() throws Exception {
        Path a = dir.resolve("a");
        Path b = Files.createDirectories(dir.resolve("b"));
        Path out = Files.createDirectories(dir.resolve("sortie"));
        assertThat(ExportCommand.run(ExportCommand.parse(List.of("conventions", "--data-dir", a.toString(), "--demo",
                "--out", out.toString())), print(stdout), print(stderr))).isZero();
        stdout.reset();

        int status = ExchangeCommand.run(ExchangeCommand.parseExport(List.of("--data-dir", a.toString(), "--out",
                out.toString())), print(stdout), print(stderr));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        Path pkg = Path.of(stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(".zip")).findFirst()
                .orElseThrow());
        assertThat(pkg.getFileName().toString()).matches("echange-\\d{4}-\\d{2}-\\d{2}-base\\.zip");
        assertThat(pkg).isRegularFile();

        stdout.reset();
        status = ExchangeCommand.run(ExchangeCommand.parseImport(List.of(pkg.toString(), "--dry-run", "--data-dir",
                b.toString())), print(stdout), print(stderr));
        String dry = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(dry).contains("Convention : 55 nouveau(x)", "Essai à blanc : rien n'a été écrit.");

        stdout.reset();
        status = ExchangeCommand.run(ExchangeCommand.parseImport(List.of(pkg.toString(), "--data-dir", b.toString())),
                print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Import terminé.");

        stdout.reset();
        status = ExchangeCommand.run(ExchangeCommand.parseImport(List.of(pkg.toString(), "--data-dir", b.toString())),
                print(stdout), print(stderr));
        assertThat(status).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Rien à changer",
                "Convention : 0 nouveau(x), 0 modifié(s), 55 inchangé(s)");
    }

    @Test
    void aDamagedPackageIsRefusedWithExitOneAndAFrenchMessage() throws Exception {
        Path b = Files.createDirectories(dir.resolve("b"));
        Path pkg = Files.write(dir.resolve("abime.zip"), "PK pas vraiment un zip".getBytes(StandardCharsets.UTF_8));
        int status = ExchangeCommand.run(ExchangeCommand.parseImport(List.of(pkg.toString(), "--data-dir", b.toString())),
                print(stdout), print(stderr));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("abime.zip").doesNotContain("{0}");
        status = ExchangeCommand.run(ExchangeCommand.parseImport(List.of(dir.resolve("absent.zip").toString(),
                "--data-dir", b.toString())), print(stdout), print(stderr));
        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("n'existe pas");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
