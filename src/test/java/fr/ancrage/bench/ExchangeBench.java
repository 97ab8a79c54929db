package fr.ancrage.bench;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.NationalDataset;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.exchange.Decisions;
import fr.ancrage.service.exchange.ExchangeScope;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.service.exchange.ImportPlan;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;

/**
 * Times the exchange (issue 17): a package of about a thousand conventions with their engagements,
 * targets and realised values, made by a team's base, previewed and imported into the national-scale
 * base; and an incremental package of 100 changed conventions. {@code ./mvnw -B -q -Pbench verify}
 * (see docs/performance.md). Arguments: [national data folder] [results file].
 */
public final class ExchangeBench {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeBench.class);

    private ExchangeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        Path resultsFile = Path.of(args.length > 1 ? args[1] : "target/bench-exchange.md");
        LocalDate today = LocalDate.now();
        StringBuilder report = new StringBuilder("# Exchange benchmark\n\n");
        Path work = Files.createTempDirectory("ancrage-exchange-bench");
        try (Database national = Database.open(dataDir); Database team = Database.open(work.resolve("equipe"))) {
            Store nationalStore = new Store(national.dsl());
            nationalStore.write(r -> r.referenceData().importIfMissing());
            NationalDataset dataset = new NationalDataset(national.dsl());
            if (!dataset.hasConventions()) {
                dataset.generate(1.0, 20_260_401L, today);
            }
            Store teamStore = new Store(team.dsl());
            teamStore.write(r -> r.referenceData().importIfMissing());
            new NationalDataset(team.dsl()).generate(0.04, 20_261_202L, today);
            // the team numbers its own conventions: not the national base's numbers (nor an earlier run's)
            String prefix = "E" + Long.toString(System.currentTimeMillis() % 1296, 36).toUpperCase(Locale.ROOT);
            team.dsl().update(CONVENTION).set(CONVENTION.REFERENCE, DSL.concat(DSL.val(prefix), CONVENTION.REFERENCE))
                    .execute();
            int conventions = team.dsl().fetchCount(CONVENTION);
            ExchangeService nationalExchange = new ExchangeService(nationalStore, Clock.systemDefaultZone(),
                    I18n.forLanguage("fr"));
            ExchangeService teamExchange = new ExchangeService(teamStore, Clock.systemDefaultZone(), I18n.forLanguage("fr"));
            report.append("- date: ").append(today).append(", cores: ").append(Runtime.getRuntime().availableProcessors())
                    .append(", JDK: ").append(System.getProperty("java.version")).append(", max heap: ")
                    .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n")
                    .append("- receiving base: ").append(dataDir.toAbsolutePath()).append(" (national dataset, ")
                    .append(national.dsl().fetchCount(CONVENTION)).append(" conventions)\n")
                    .append("- sending base: the generator at scale 0.04 (").append(conventions)
                    .append(" conventions with their engagements, targets, realised values)\n\n");

            Path full = work.resolve("equipe.zip");
            UUID peer = nationalStore.read(r -> r.exchange().baseId());
            long t0 = System.nanoTime();
            var written = teamExchange.export(ExchangeScope.changesFor(peer, "national"), full, () -> false);
            long export = ms(t0);
            t0 = System.nanoTime();
            ImportPlan preview = nationalExchange.preview(full);
            long previewMs = ms(t0);
            t0 = System.nanoTime();
            ImportPlan done = nationalExchange.importPackage(full, Decisions.keepMine(), preview);
            long importMs = ms(t0);
            LOG.info("export {} ms, preview {} ms, import {} ms: {}", export, previewMs, importMs, done.totals());

            // 100 conventions changed by the team, then the package of what changed since the last one sent
            team.dsl().update(CONVENTION).set(CONVENTION.TITLE, DSL.concat(CONVENTION.TITLE, DSL.val(" (modifiée)")))
                    .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1))
                    .where(CONVENTION.ID.in(DSL.select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID).limit(100)))
                    .execute();
            Path changes = work.resolve("modifications.zip");
            t0 = System.nanoTime();
            var incremental = teamExchange.export(ExchangeScope.changesFor(peer, "national"), changes, () -> false);
            long incrementalMs = ms(t0);
            t0 = System.nanoTime();
            ImportPlan second = nationalExchange.preview(changes);
            long secondPreview = ms(t0);
            t0 = System.nanoTime();
            nationalExchange.importPackage(changes, Decisions.keepMine(), second);
            long secondImport = ms(t0);

            report.append("| step | records | ms |\n|---|---:|---:|\n")
                    .append(row("package of the team's base written (first package: every record stamped)", written.total(), export))
                    .append(row("preview in the national base", preview.totals().total(), previewMs))
                    .append(row("import in the national base (one transaction, figures kept)", done.totals().total(), importMs))
                    .append(row("**preview + import**", done.totals().total(), previewMs + importMs))
                    .append(row("incremental package of 100 changed conventions written", incremental.total(), incrementalMs))
                    .append(row("its preview in the national base", second.totals().total(), secondPreview))
                    .append(row("its import", second.totals().total(), secondImport))
                    .append(String.format(Locale.ROOT, "%nPackage sizes: %,d bytes (full), %,d bytes (incremental).%n",
                            Files.size(full), Files.size(changes)));
        }
        Files.writeString(resultsFile, report);
        LOG.info("Results in {}", resultsFile.toAbsolutePath());
    }

    private static String row(String what, int records, long ms) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d |%n", what, records, ms);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
