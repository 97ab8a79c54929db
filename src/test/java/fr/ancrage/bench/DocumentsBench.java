package fr.ancrage.bench;

import fr.ancrage.documents.Format;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.Department;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.NationalDataset;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DashboardService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.service.documents.DocumentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Times the bilan package of the department whose conventions that year are closest to a thousand,
 * on the national dataset, step by step, beside LibreOffice headless opening (converting to PDF)
 * the same ODS: {@code ./mvnw -B -q -Pbench verify} (see docs/performance.md). Arguments: [data
 * folder] [results file]. The data folder is the dashboard benchmark's (generated there if empty).
 */
public final class DocumentsBench {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsBench.class);
    private static final int RUNS = 3;

    private DocumentsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        Path resultsFile = Path.of(args.length > 1 ? args[1] : "target/bench-documents.md");
        LocalDate today = LocalDate.now();
        int year = today.getYear() - 1;
        StringBuilder report = new StringBuilder("# Documents benchmark\n\n");
        Path work = Files.createTempDirectory("ancrage-documents-bench");
        try (Database db = Database.open(dataDir)) {
            Store store = new Store(db.dsl());
            store.write(r -> r.referenceData().importIfMissing());
            NationalDataset dataset = new NationalDataset(db.dsl());
            if (!dataset.hasConventions()) {
                dataset.generate(1.0, 20_260_401L, today);
            }
            DashboardService dashboard = new DashboardService(store, Clock.systemDefaultZone());
            // the department whose conventions counted that year come closest to a thousand
            Department chosen = null;
            int count = 0;
            for (Department d : new TerritoryService(store).departments()) {
                int n = dashboard.figures(new DashboardFilter(d.code(), null, null, year)).counts().total();
                if (chosen == null || Math.abs(n - 1000) < Math.abs(count - 1000)) {
                    chosen = d;
                    count = n;
                }
            }
            DashboardFilter territory = new DashboardFilter(chosen.code(), null, null, null);
            report.append("- date: ").append(today).append(", cores: ").append(Runtime.getRuntime().availableProcessors())
                    .append(", JDK: ").append(System.getProperty("java.version")).append(", max heap: ")
                    .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n")
                    .append("- data: ").append(dataDir.toAbsolutePath()).append(" (national dataset)\n")
                    .append("- scope: department ").append(chosen.code()).append(" – ").append(chosen.name())
                    .append(", year ").append(year).append(", ").append(count).append(" conventions counted\n")
                    .append("- package: all five formats (PDF, ODT, ODS, XLSX, CSV) and the records as JSON\n\n");

            DocumentService documents = new DocumentService(store, Clock.systemDefaultZone(), I18n.forLanguage("fr"));
            List<Long> totals = new ArrayList<>();
            Map<String, List<Long>> steps = new LinkedHashMap<>();
            Path lastPackage = null;
            for (int run = 0; run <= RUNS; run++) {
                Path folder = Files.createDirectories(work.resolve("run" + run));
                Map<String, Long> stepStart = new LinkedHashMap<>();
                long[] previous = {System.nanoTime()};
                String[] current = {"start"};
                DocumentService.Progress timing = new DocumentService.Progress() {
                    @Override
                    public void step(int done, int total, String what) {
                        long now = System.nanoTime();
                        stepStart.merge(current[0], (now - previous[0]) / 1_000_000, Long::sum);
                        previous[0] = now;
                        current[0] = what.isEmpty() ? "done" : label(what);
                    }
                };
                long t0 = System.nanoTime();
                lastPackage = documents.exportBilanPackage(territory, year, EnumSet.allOf(Format.class), folder, timing);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                LOG.info("Run {}: {} ms {}", run, millis, stepStart);
                if (run > 0) { // the first run warms the JIT and the caches
                    totals.add(millis);
                    stepStart.forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            report.append("| step | median (ms) |\n|---|---:|\n");
            steps.remove("start");
            steps.forEach((k, v) -> report.append("| ").append(k).append(" | ").append(median(v)).append(" |\n"));
            report.append(String.format(Locale.ROOT, "| **whole package** (%d runs after a warm-up: %s) | **%d** |%n",
                    RUNS, totals, median(totals)));
            report.append(String.format(Locale.ROOT, "%nPackage size: %,d bytes.%n", Files.size(lastPackage)));

            Path ods = work.resolve("bilan.ods");
            try (ZipFile zip = new ZipFile(lastPackage.toFile())) {
                var entry = zip.stream().filter(e -> e.getName().endsWith(".ods")).findFirst().orElseThrow();
                Files.write(ods, zip.getInputStream(entry).readAllBytes());
            }
            report.append(libreOffice(ods, work));
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        Files.writeString(resultsFile, report);
        LOG.info("Results written to {}\n{}", resultsFile.toAbsolutePath(), report);
    }

    /** The kind of step from what the export says it starts ("Bilan annuel 2025 Nord.pdf" → "write the PDF"). */
    private static String label(String what) {
        I18n fr = I18n.forLanguage("fr");
        if (what.equals(fr.get("doc.progress.reading"))) {
            return "read the data, build the documents' content";
        }
        if (what.equals(fr.get("doc.progress.records"))) {
            return "read the records, write them as JSON";
        }
        if (what.endsWith(".zip")) {
            return "write the zip (manifest, checksums)";
        }
        int dot = what.lastIndexOf('.');
        return dot > 0 ? "lay out and write the " + what.substring(dot + 1).toUpperCase(Locale.ROOT) : what;
    }

    private static String libreOffice(Path ods, Path work) throws Exception {
        Path soffice = List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (soffice == null) {
            return "\nLibreOffice: not installed here, not measured.\n";
        }
        Path profile = work.resolve("lo-profile");
        List<Long> times = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            Path out = Files.createDirectories(work.resolve("lo" + run));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--convert-to", "pdf", "--outdir", out.toString(), ods.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "\nLibreOffice: did not convert within 600 s.\n";
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("LibreOffice run {}: {} ms {}", run, millis, output.strip());
            if (run > 0) { // the first start creates the profile
                times.add(millis);
            }
        }
        return String.format(Locale.ROOT, "%nLibreOffice headless opening the same ODS (`soffice --headless --convert-to pdf`,"
                + " process start included, %d runs after a first one that creates the profile: %s): median **%d ms**.%n",
                RUNS, times, median(times));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
