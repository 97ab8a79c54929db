package fr.ancrage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app image users install, run as they run it: {@code ./mvnw -B verify} links it in
 * pre-integration-test ({@code installer/link-app-image.sh}), then this test runs its launcher's
 * {@code export} command (H2, Flyway, jOOQ, PDFBox, FastCSV, logback) and reads what it wrote.
 * The first images had no locale data and wrote {@code 32,600 €}; a French document must say
 * {@code 32 600 €} (decision 0010).
 */
class AppImageIT {

    private static final String NNBSP = "\u202F";
    private static final String NBSP = "\u00A0";
    /** A French amount with thousands and cents: 9 275,60 € (the PDF font may turn U+202F into U+00A0). */
    private static final Pattern FRENCH_CENTS = Pattern.compile("\\d{1,3}(?:[\u202F\u00A0]\\d{3})+,\\d{2}\u00A0€");
    /** English grouping or decimals: 32,600 or 9,275.60 or 1.5. */
    private static final Pattern ENGLISH_NUMBER = Pattern.compile("\\d,\\d{3}(?!\\d)|\\d\\.\\d{1,2}(?!\\d)");

    private static Path image;

    @BeforeAll
    static void findImage() {
        image = Path.of(System.getProperty("app.image", "target/installer/Ancrage"));
        assertThat(image.resolve("bin/Ancrage")).as("app image (installer/link-app-image.sh)").isExecutable();
    }

    @Test
    void runtimeCarriesFrenchAndEnglishLocaleData() throws IOException {
        String release = Files.readString(image.resolve("lib/runtime/release"));
        assertThat(release).contains("jdk.localedata", "java.sql", "java.naming", "java.desktop", "javafx.controls");
    }

    @Test
    void bilanExportWritesFrenchNumbers(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Run run = run(List.of("export", "bilan", "--epci", "242500361", "--year", "2025", "--formats", "csv,pdf",
                "--data-dir", data.toString(), "--demo", "--out", out.toString()));
        assertThat(run.status).as(run.output).isZero();

        Path pdf = only(out, ".pdf");
        Path csv = only(out, ".csv");
        assertThat(run.output).contains(pdf.toString(), csv.toString());

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Bilan annuel 2025");
        List<String> amounts = matches(FRENCH_CENTS, text);
        assertThat(amounts).as("French amounts with thousands and cents in the PDF:\n%s", text).isNotEmpty();
        assertThat(matches(ENGLISH_NUMBER, text)).as("English-looking numbers in the PDF").isEmpty();
        // the narrow no-break space of French typography reaches the page (Liberation has it)
        assertThat(text).containsPattern("\\d" + NNBSP + "\\d{3}");

        // rates: the demo's reports are in for the year before last (2025's are not, and its bilan
        // shows « — » rather than 0 %, issue 16); the same data folder, without reloading the demo
        int reported = java.time.LocalDate.now().getYear() - 2;
        Path ratesOut = tmp.resolve("rates");
        Run rates = run(List.of("export", "bilan", "--epci", "242500361", "--year", Integer.toString(reported),
                "--formats", "pdf", "--data-dir", data.toString(), "--out", ratesOut.toString()));
        assertThat(rates.status).as(rates.output).isZero();
        String ratesText;
        try (PDDocument document = Loader.loadPDF(only(ratesOut, ".pdf").toFile())) {
            ratesText = new PDFTextStripper().getText(document);
        }
        assertThat(ratesText).as("a French rate").containsPattern("\\d" + NBSP + "%");
        assertThat(matches(ENGLISH_NUMBER, ratesText)).as("English-looking numbers in the PDF").isEmpty();

        String table = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(table).startsWith("\uFEFF").contains(";");
        assertThat(table).as("French dates in the CSV").containsPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(matches(ENGLISH_NUMBER, table)).as("English-looking numbers in the CSV").isEmpty();
    }

    @Test
    void datePickerNamesTheMonthsInTheFormatLocale() throws Exception {
        // the image's own runtime, on JavaFX's headless platform (the launcher cannot select it)
        Path classes = Path.of(DatePickerProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = image.resolve("lib/runtime/bin/java");
        for (String[] expected : new String[][] {{"fr-FR", "Mars"}, {"en-GB", "March"}}) {
            Run run = run(List.of(java.toString(), "-Dglass.platform=Headless", "-Dprism.order=sw",
                    "--enable-native-access=javafx.graphics", "-cp", classes.toString(),
                    DatePickerProbe.class.getName(), expected[0]), false);
            assertThat(run.status).as(run.output).isZero();
            assertThat(run.output).as(expected[0]).contains("date-picker=" + expected[1] + "|2025");
        }
    }

    @Test
    void anExchangePackageTravelsBetweenTwoDataFolders(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = Files.createDirectories(tmp.resolve("b"));
        Path out = tmp.resolve("out");
        Run demo = run(List.of("export", "conventions", "--data-dir", a.toString(), "--demo", "--out", out.toString()));
        assertThat(demo.status).as(demo.output).isZero();
        Run export = run(List.of("export", "echange", "--data-dir", a.toString(), "--out", out.toString()));
        assertThat(export.status).as(export.output).isZero();
        Path pkg = only(out, ".zip");
        Run dry = run(List.of("import", pkg.toString(), "--dry-run", "--data-dir", b.toString()));
        assertThat(dry.status).as(dry.output).isZero();
        assertThat(dry.output).contains("Convention : 55 nouveau(x)", "Essai à blanc");
        Run imported = run(List.of("import", pkg.toString(), "--data-dir", b.toString()));
        assertThat(imported.status).as(imported.output).isZero();
        Run again = run(List.of("import", pkg.toString(), "--data-dir", b.toString()));
        assertThat(again.status).as(again.output).isZero();
        assertThat(again.output).contains("Rien à changer");
    }

    @Test
    void wrongCommandLineExitsWithTwo() throws Exception {
        Run run = run(List.of("export", "bilan", "--year", "deux-mille"));
        assertThat(run.status).as(run.output).isEqualTo(2);
    }

    private record Run(int status, String output) {
    }

    /** The launcher with a non-French system locale: what the documents say must not depend on it. */
    private static Run run(List<String> args) throws IOException, InterruptedException {
        return run(args, true);
    }

    private static Run run(List<String> args, boolean launcher) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (launcher) {
            command.add(image.resolve("bin/Ancrage").toString());
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("LANGUAGE");
        env.remove("LC_NUMERIC");
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        byte[] bytes = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the app image did not finish: " + new String(bytes, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }

    private static Path only(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(extension)).toList();
            assertThat(found).as(extension + " in " + folder).hasSize(1);
            return found.getFirst();
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
