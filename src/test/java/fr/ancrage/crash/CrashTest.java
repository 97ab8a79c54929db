package fr.ancrage.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code tools/crash/crash-test.sh}: a process saving through the services is
 * killed ({@code kill -9}) three times at growing moments, then stopped by SIGTERM; every save it
 * confirmed is in the base afterwards, and SIGTERM closes the base properly.
 */
class CrashTest {

    private static Process saveLoop(Path data, Path out, Path err) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), "save", data.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** Waits until the loop has confirmed {@code saves} records (bounded), so each kill lands mid-work. */
    private static void awaitSaves(Path out, int saves, Process p) throws Exception {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < limit && p.isAlive()) {
            if (Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("O ")).count() >= saves) {
                return;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the save loop did not save " + saves + " records: " + Files.readString(out));
    }

    @Test
    void everyConfirmedSaveSurvivesKillAndTerm(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path confirmed = tmp.resolve("confirmed.txt");
        Files.createFile(confirmed);
        int[] savesBeforeKill = {10, 30, 60};
        for (int run = 0; run < savesBeforeKill.length; run++) {
            Path out = tmp.resolve("run" + run + ".txt");
            Process p = saveLoop(data, out, tmp.resolve("run" + run + ".log"));
            awaitSaves(out, savesBeforeKill[run], p);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.writeString(confirmed, Files.readString(out), java.nio.file.StandardOpenOption.APPEND);
        }
        Path out = tmp.resolve("term.txt");
        Path err = tmp.resolve("term.log");
        Process p = saveLoop(data, out, err);
        awaitSaves(out, 15, p);
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(confirmed, Files.readString(out), java.nio.file.StandardOpenOption.APPEND);
        assertThat(Files.readString(err)).as("SIGTERM closes the base").contains("Database closed");

        ByteArrayOutputStream verdict = new ByteArrayOutputStream();
        int status = SaveLoop.verify(data, confirmed, new PrintStream(verdict, true, StandardCharsets.UTF_8));
        assertThat(verdict.toString(StandardCharsets.UTF_8)).endsWith(" missing 0" + System.lineSeparator());
        assertThat(status).isZero();
        assertThat(Files.readAllLines(confirmed).size()).isGreaterThan(115);
    }
}
