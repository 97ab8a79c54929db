package fr.ancrage;

import fr.ancrage.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ancrage backup|backups|restore|repair|check}: what they print, what they refuse. */
class StoreCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String command, String... args) throws Exception {
        out.reset();
        err.reset();
        return StoreCommand.run(StoreCommand.parse(command, List.of(args)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void backupListRestoreAndCheckAFolder(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            db.dsl().execute("create table note_du_test (id int primary key)");
        }
        assertThat(run("backup", "--data-dir", dir.toString())).isZero();
        Path backup = Path.of(out().strip());
        assertThat(backup).exists().hasParent(dir.resolve("sauvegardes"));
        try (Database db = Database.open(dir)) {
            db.dsl().execute("drop table note_du_test");
        }
        assertThat(run("backups", "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("Manuelle").contains(backup.getFileName().toString());

        assertThat(run("restore", backup.toString(), "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("Les données sont celles de la sauvegarde " + backup.getFileName());
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().meta().getTables("NOTE_DU_TEST")).hasSize(1);
        }
        assertThat(run("check", "--data-dir", dir.toString())).isZero();
        assertThat(out()).startsWith("Base lisible en entier : ");
    }

    @Test
    void refusalsSayWhatWasNotChanged(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("ancrage.mv.db"));
        assertThat(run("check", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("est vide (0 octet)").contains("ne l’a ni modifié ni remplacé");
        Path notABackup = Files.writeString(dir.resolve("notes.zip"), "pas une sauvegarde");
        assertThat(run("restore", notABackup.toString(), "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("n’est pas une sauvegarde d’Ancrage").contains("Rien n’a été modifié");
        assertThat(dir.resolve("ancrage.mv.db")).isEmptyFile();
        assertThat(run("backup", "--data-dir", dir.resolve("absent").toString())).isEqualTo(1);
        assertThat(err()).contains("n'existe pas");
    }

    @Test
    void wrongCommandLinesAreExplained() {
        assertThatThrownBy(() -> StoreCommand.parse("restore", List.of()))
                .hasMessageContaining("attend le fichier de la sauvegarde");
        assertThatThrownBy(() -> StoreCommand.parse("backup", List.of("--vite")))
                .hasMessageContaining("Option inconnue pour backup : --vite");
        assertThatThrownBy(() -> StoreCommand.parse("check", List.of("--data-dir")))
                .hasMessageContaining("attend une valeur");
        assertThat(Launcher.store("repair", List.of("en-trop"))).isEqualTo(2);
        assertThat(Optional.of(StoreCommand.COMMANDS)).get().asList().contains("backup", "restore");
    }
}
