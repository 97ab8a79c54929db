package fr.ancrage.ui.engagements;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formats in a JVM that has no locale data, as the first app images had (jlink without
 * {@code jdk.localedata}): there {@code Locale.FRANCE} writes {@code 1,275.60}. Ancrage's own
 * symbols must still write, and read back, {@code 1 275,60 €}.
 */
class FormatsWithoutLocaleDataTest {

    /** The modules of the first app image's runtime, which had no jdk.localedata. */
    private static final String MODULES_WITHOUT_LOCALE_DATA =
            "java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.management,jdk.unsupported";

    @Test
    void frenchFiguresWithoutTheJdksFrenchData() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "--limit-modules", MODULES_WITHOUT_LOCALE_DATA,
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                FormatsProbe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();

        // the precondition: without its data the JDK writes France's numbers in English
        assertThat(out).as(out).contains("jdk-decimal-separator=.");
        assertThat(out).contains("euros=1\u202F275,60 €", "count=4\u202F387", "integer=197\u202F250",
                "euros-read=1275.60", "count-read=4387", "message=4\u202F387 ligne(s)");
    }
}
