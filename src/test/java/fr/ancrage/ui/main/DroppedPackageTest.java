package fr.ancrage.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What dropped on the main window opens the import of a package: one .zip file, nothing else. */
class DroppedPackageTest {

    @TempDir
    Path dir;

    @Test
    void onlyOneZipFileIsTakenForAPackage() throws IOException {
        Path zip = Files.writeString(dir.resolve("paquet.ZIP"), "x");
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(Shell.droppedPackage(List.of(zip.toFile()))).isEqualTo(zip);
        assertThat(Shell.droppedPackage(List.of(text.toFile()))).isNull();
        assertThat(Shell.droppedPackage(List.of(zip.toFile(), zip.toFile()))).isNull();
        assertThat(Shell.droppedPackage(List.of(dir.toFile()))).isNull();
        assertThat(Shell.droppedPackage(List.of())).isNull();
    }
}
