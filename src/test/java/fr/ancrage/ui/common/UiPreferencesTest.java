package fr.ancrage.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The file behind the tables' columns: kept between sessions, written off the FX thread, never in the way. */
class UiPreferencesTest {

    @Test
    void whatIsPutIsReadBackByTheNextSession(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("interface.properties");
        UiPreferences first = UiPreferences.file(file);
        assertThat(first.get("table.conventions")).isEmpty();
        first.put("table.conventions", "reference:-:1;company:-:0");
        assertThat(first.get("table.conventions")).contains("reference:-:1;company:-:0");

        // the write runs on its own thread: the next session sees it once it has landed
        Optional<String> read = Optional.empty();
        for (int i = 0; i < 100 && read.isEmpty(); i++) {
            Thread.sleep(50);
            read = UiPreferences.file(file).get("table.conventions");
        }
        assertThat(read).contains("reference:-:1;company:-:0");
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("interface.properties");
        }
    }

    @Test
    void anUnreadableFileGivesTheDefaults(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("interface.properties");
        Files.writeString(file, "table.x=\\uZZZZ");
        assertThat(UiPreferences.file(file).get("table.x")).isEmpty();
    }
}
