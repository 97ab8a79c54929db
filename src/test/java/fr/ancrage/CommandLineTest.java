package fr.ancrage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void noOptionMeansDefaults() throws Exception {
        CommandLine cl = CommandLine.parse(List.of());
        assertThat(cl.dataDirectory()).isEmpty();
        assertThat(cl.demo()).isFalse();
        assertThat(cl.help()).isFalse();
        assertThat(cl.language()).isEqualTo("fr");
    }

    @Test
    void readsTheLanguage() throws Exception {
        assertThat(CommandLine.parse(List.of("--lang", "en")).language()).isEqualTo("en");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--lang", "de"))).hasMessageContaining("--lang");
    }

    @Test
    void readsDataDirAndDemo() throws Exception {
        CommandLine cl = CommandLine.parse(List.of("--data-dir", "/tmp/x", "--demo"));
        assertThat(cl.dataDirectory()).contains(Path.of("/tmp/x"));
        assertThat(cl.demo()).isTrue();
        assertThat(CommandLine.parse(List.of("--data-dir=/tmp/y")).dataDirectory()).contains(Path.of("/tmp/y"));
        assertThat(CommandLine.parse(List.of("-h")).help()).isTrue();
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--demoo"))).hasMessageContaining("--demoo");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--data-dir"))).hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--data-dir", "--demo"))).hasMessageContaining("dossier");
    }

    @Test
    void usageNamesEveryOption() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine.printUsage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--data-dir", "--demo", "--lang", "--help", "ANCRAGE_DATA_DIR");
    }

    @Test
    void anErrorIsFollowedByTheUsage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine.printError(new PrintStream(bytes, true, StandardCharsets.UTF_8), "Option inconnue : --x");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Option inconnue : --x").contains("--data-dir");
    }

    @Test
    void dataDirectoryFollowsCommandLineThenEnvironmentThenPlatform() {
        assertThat(DataDirectory.resolve(Optional.of(Path.of("/a")), Map.of("ANCRAGE_DATA_DIR", "/b"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/a"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("ANCRAGE_DATA_DIR", "/b"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/b"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/ancrage"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/xdg/ancrage"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Ancrage"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("APPDATA", "/appdata"), "Windows 11", "/u"))
                .isEqualTo(Path.of("/appdata/Ancrage"));
    }
}
