package fr.ancrage.bench;

import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.imports.OrganisationImport;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 18's goal: a 20,000-row organisations spreadsheet checked against 20,000 organisations of
 * the base (SIRET and close-name duplicates) in ≤ 3 s, imported in ≤ 10 s, on 2 cores. Run alone:
 * {@code java -cp target/test-classes:target/classes:<test classpath> fr.ancrage.bench.SheetImportBench
 * <empty folder> <results file>}; numbers in docs/performance.md.
 */
public final class SheetImportBench {

    private static final int EXISTING = 20_000;
    private static final int ROWS = 20_000;
    private static final String[] TOWNS = {"Besançon", "Montbéliard", "Pontarlier", "Audincourt", "Dole"};
    private static final String[] CODES = {"25056", "25388", "25462", "25031", "39198"};

    private SheetImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/bench-sheet");
        Path resultsFile = Path.of(args.length > 1 ? args[1] : "target/bench-sheet.md");
        StringBuilder report = new StringBuilder("# Spreadsheet import benchmark\n\n- date: ").append(LocalDate.now())
                .append(", cores: ").append(Runtime.getRuntime().availableProcessors()).append(", JDK ")
                .append(System.getProperty("java.version")).append("\n\n| step | ms |\n|---|---:|\n");
        try (Database db = Database.open(dataDir)) {
            Store store = new Store(db.dsl());
            store.write(r -> r.referenceData().importIfMissing());
            if (store.read(r -> r.organisations().count()) < EXISTING) {
                long t = System.nanoTime();
                store.run(r -> {
                    for (int i = 0; i < EXISTING; i++) {
                        r.organisations().save(new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY,
                                name(i), "", i % 2 == 0 ? siret(i) : "", "", null, "", "", CODES[i % CODES.length], false,
                                false, Set.of(), ""));
                    }
                });
                report.append("| ").append(EXISTING).append(" organisations put in the base (setting up) | ")
                        .append(ms(t)).append(" |\n");
            }
            // half the rows are the base's (by SIRET or by name), a quarter new, a quarter close names or errors
            List<String> lines = new ArrayList<>();
            lines.add("Raison sociale;N° SIRET;Code postal;Commune;Observations");
            for (int i = 0; i < ROWS; i++) {
                int n = i % 4 == 0 ? EXISTING + i : i;
                String siret = n % 2 == 0 ? siret(n) : i % 8 == 3 ? "123" : "";
                String name = i % 4 == 1 ? name(n) + " SAS" : i % 4 == 3 ? name(n) + "e" : name(n);
                lines.add(name + ";" + siret + ";25000;" + TOWNS[n % TOWNS.length] + ";ligne " + i);
            }
            Path csv = dataDir.resolve("organisations.csv");
            Files.write(csv, String.join("\r\n", lines).getBytes(Charset.forName("windows-1252")));

            OrganisationImport imports = new OrganisationImport(store, I18n.forLanguage("fr"));
            for (int run = 1; run <= 2; run++) {
                long t = System.nanoTime();
                OrganisationImport.Opened opened = imports.open(csv, null, 0);
                OrganisationImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
                long checked = ms(t);
                report.append("| preview of ").append(ROWS).append(" rows (run ").append(run).append("): ")
                        .append(preview.count(OrganisationImport.Decision.IMPORT)).append(" to import, ")
                        .append(preview.count(OrganisationImport.Decision.MATCH)).append(" to complete, ")
                        .append(preview.count(OrganisationImport.Decision.SKIP)).append(" to skip | ")
                        .append(checked).append(" |\n");
                if (run == 2) {
                    t = System.nanoTime();
                    List<OrganisationImport.Done> done = imports.write(preview, Map.of());
                    report.append("| import (one transaction): ").append(done.stream()
                            .filter(d -> d.outcome() == OrganisationImport.Outcome.CREATED).count())
                            .append(" created | ").append(ms(t)).append(" |\n");
                }
            }
        }
        Files.writeString(resultsFile, report);
        System.out.println(report);
    }

    private static String name(int i) {
        String[] words = {"Boulangerie", "Garage", "Menuiserie", "Imprimerie", "Transports", "Pharmacie", "Électricité"};
        return words[i % words.length] + " " + Integer.toString(i * 7919 + 100_000, 36) + " " + (i % 97);
    }

    private static String siret(long n) {
        String siren = withKey(String.format("%08d", (n * 7919 + 1_000_000) % 100_000_000L));
        return withKey(siren + String.format("%04d", n % 10_000));
    }

    private static String withKey(String body) {
        for (int d = 0; d <= 9; d++) {
            String s = body + d;
            int sum = 0;
            for (int i = 0; i < s.length(); i++) {
                int digit = s.charAt(s.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
            }
            if (sum % 10 == 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
