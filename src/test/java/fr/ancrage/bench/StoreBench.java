package fr.ancrage.bench;

import fr.ancrage.domain.BackupKind;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.NationalDataset;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreCheck;
import fr.ancrage.service.OrganisationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What the store's safety costs: the read-only check run before every opening, the backups, and a
 * save with {@code WRITE_DELAY=0} (every commit written before it returns) against H2's default
 * (written within 500 ms). {@code ./mvnw -B -q -Pbench verify} runs it after the other benchmarks;
 * results in {@code target/bench-store.md}.
 */
public final class StoreBench {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBench.class);
    private static final int SAVES = 2_000;

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        Path resultsFile = Path.of(args.length > 1 ? args[1] : "target/bench-store.md");
        StringBuilder report = new StringBuilder("# Store benchmark\n\n");
        report.append("- date: ").append(LocalDate.now()).append(", cores: ")
                .append(Runtime.getRuntime().availableProcessors()).append(", JDK ")
                .append(System.getProperty("java.version")).append('\n');
        long t0 = System.nanoTime();
        try (Database db = Database.open(dataDir)) {
            double opened = millis(t0);
            Store store = new Store(db.dsl());
            store.write(r -> r.referenceData().importIfMissing());
            NationalDataset dataset = new NationalDataset(db.dsl());
            if (!dataset.hasConventions()) {
                dataset.generate(1.0, 20260401L, LocalDate.now());
            }
            report.append("- base: ").append(Files.size(dataDir.resolve("ancrage.mv.db")) / (1024 * 1024))
                    .append(" MB\n\n| step | ms | note |\n|---|---:|---|\n");
            report.append(line("Database.open", opened, db.wasReadWhole() ? "read whole (no mark of a clean close)"
                    : "quick check (closed properly by Ancrage)"));
            if (args.length > 2 && args[2].equals("online-backup")) {
                long b0 = System.nanoTime();
                var backup = db.backupNow(BackupKind.MANUAL);
                report.append(line("online backup (BACKUP TO) of the open base", millis(b0),
                        Files.size(backup.file()) / (1024 * 1024) + " MB zip"));
                Files.delete(backup.file());
            }
        }
        t0 = System.nanoTime();
        StoreCheck.Report check = Database.check(dataDir);
        report.append(line("full read-only check (Database.check)", millis(t0),
                String.format(Locale.ROOT, "%,d rows in %d tables", check.rows(), check.rowsPerTable().size())));
        t0 = System.nanoTime();
        try (Database db = Database.open(dataDir)) {
            report.append(line("Database.open after a proper close", millis(t0), db.wasReadWhole() ? "read whole"
                    : "quick check"));
        }

        Path saves = Files.createTempDirectory("ancrage-save-bench");
        for (String mode : new String[] {"WRITE_DELAY=0 (the application's URL)", "H2 default WRITE_DELAY=500"}) {
            boolean durable = mode.startsWith("WRITE_DELAY=0");
            Path dir = saves.resolve(durable ? "durable" : "default");
            try (Database db = Database.open(dir)) {
                // SET WRITE_DELAY is a database-wide setting: the default for this run, then back
                Store store = new Store(db.dsl());
                store.write(r -> r.referenceData().importIfMissing());
                db.dsl().execute("SET WRITE_DELAY " + (durable ? 0 : 500));
                OrganisationService organisations = new OrganisationService(store);
                long[] each = new long[SAVES];
                for (int i = 0; i < SAVES; i++) {
                    long s = System.nanoTime();
                    organisations.save(new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY,
                            "Entreprise " + i, "", "", "62.01Z", SizeBand.PME, "1 rue de la République", "25000",
                            "25056", false, false, Set.of(), ""));
                    each[i] = System.nanoTime() - s;
                }
                db.dsl().execute("SET WRITE_DELAY 0");
                Arrays.sort(each);
                report.append(line("organisation saved through OrganisationService, " + mode,
                        each[SAVES / 2] / 1_000_000.0, String.format(Locale.ROOT, "median of %d; p95 %.2f ms", SAVES,
                                each[SAVES * 95 / 100] / 1_000_000.0)));
            }
        }
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        Files.writeString(resultsFile, report);
        LOG.info("Results written to {}\n{}", resultsFile.toAbsolutePath(), report);
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000.0;
    }

    private static String line(String step, double ms, String note) {
        return String.format(Locale.ROOT, "| %s | %.2f | %s |%n", step, ms, note);
    }
}
