package fr.ancrage;

import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import fr.ancrage.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFilesTest.class);

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        LogFiles.stop();
    }

    @Test
    void theLogGoesToTheDataFolderWithItsStackAndStaysWithinItsFiles() throws Exception {
        Path folder = LogFiles.folder(dataDir);
        assertThat(folder).isEqualTo(dataDir.resolve("journaux"));
        assertThat(LogFiles.start(folder, new FileSize(4 * 1024), 3, Duration.buildByMilliseconds(0))).isTrue();

        LOG.error("Quelque chose a échoué", new IllegalStateException("la cause"));
        assertThat(Files.readString(folder.resolve(LogFiles.FILE)))
                .contains("ERROR").contains("Quelque chose a échoué")
                .contains("java.lang.IllegalStateException: la cause").contains("LogFilesTest.java");

        for (int i = 0; i < 2000; i++) {
            LOG.info("ligne {} d'un journal qui grossit", i);
        }
        List<String> files = names(folder);
        assertThat(files).containsExactlyInAnyOrder("ancrage.log", "ancrage.1.log", "ancrage.2.log");
        for (String name : files) {
            // rolled over at the size given, give or take the line that crossed it
            assertThat(Files.size(folder.resolve(name))).isLessThan(8 * 1024);
        }
        assertThat(Files.readString(folder.resolve(LogFiles.FILE))).contains("ligne 1999 ");
    }

    @Test
    void theTestsThemselvesWriteNoLogFile() {
        // without the launcher (tests, tools) the log goes to stderr only, nowhere in the user's home
        LOG.info("rien dans un fichier");
        var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<String> appenders = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> appenders.add(a.getClass().getSimpleName()));
        assertThat(appenders).containsExactly("ConsoleAppender");
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheLogOnStderr() throws IOException {
        Path file = Files.writeString(dataDir.resolve("pas-un-dossier"), "x");
        assertThat(LogFiles.start(file.resolve("journaux"))).isFalse();
        LOG.info("toujours sur stderr");
    }

    @Test
    void theFileNamesOfTheDataFolderAreTheStoresOwn() throws Exception {
        try (Database db = Database.open(dataDir)) {
            assertThat(dataDir.resolve(DataDirectory.DATABASE_FILE)).isRegularFile();
            assertThat(DataDirectory.DATABASE_FILE).isEqualTo(Database.DATABASE_NAME + ".mv.db");
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
