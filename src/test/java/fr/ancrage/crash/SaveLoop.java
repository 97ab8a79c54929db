package fr.ancrage.crash;

import fr.ancrage.ShutdownSequence;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.Services;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The crash test's two halves, run as separate processes by {@code tools/crash-test.sh} and by
 * {@code CrashTest}:
 * <ul>
 * <li>{@code save <data folder>}: saves organisations and their draft conventions through the
 * services, in a loop, as the application does, and prints {@code O <id>} / {@code C <id>} on
 * stdout only once the save has returned: each printed line is a save the user was told was done.
 * The process is then killed at a random moment.</li>
 * <li>{@code verify <data folder> <confirmed file>}: opens the base as the application does and
 * prints {@code confirmed <n> missing <m>}; exit status 3 if a confirmed record is missing.</li>
 * </ul>
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "save" -> save(Path.of(args[1]));
            case "verify" -> System.exit(verify(Path.of(args[1]), Path.of(args[2]), System.out));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void save(Path dataDir) {
        Database db = Database.open(dataDir);
        ShutdownSequence.installed().then(db);
        Services services = Services.over(new Store(db.dsl()), Clock.systemDefaultZone());
        services.territories().ensureReferenceData();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("ready");
        out.flush();
        for (long i = 0; ; i++) {
            Organisation o = services.organisations().save(new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY,
                    "Entreprise du test de crash " + UUID.randomUUID(), "", "", "62.01Z", SizeBand.PME,
                    "1 rue de la République", "25000", "25056", false, false, Set.of(), ""));
            out.println("O " + o.id());
            out.flush();
            if (i % 3 == 0) {
                Convention c = services.conventions().save(new Convention(RecordMeta.fresh(), "", "Convention " + i,
                        o.id(), Framework.PAQTE, "25", "242500361", "Camille Martin", ConventionStatus.DRAFT, null, null, null, Set.of(),
                        List.of(), ""));
                out.println("C " + c.id());
                out.flush();
            }
        }
    }

    /** Returns 0 when every confirmed record is in the base, 3 otherwise. */
    static int verify(Path dataDir, Path confirmedFile, PrintStream out) throws IOException {
        Set<UUID> organisations = new HashSet<>();
        Set<UUID> conventions = new HashSet<>();
        for (String line : Files.readAllLines(confirmedFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("O ")) {
                organisations.add(UUID.fromString(line.substring(2).strip()));
            } else if (line.startsWith("C ") && line.strip().length() == 38) {
                conventions.add(UUID.fromString(line.substring(2).strip()));
            }
        }
        long missing;
        try (Database db = Database.open(dataDir)) {
            Services services = Services.over(new Store(db.dsl()), Clock.systemDefaultZone());
            Set<UUID> storedOrganisations = new HashSet<>();
            services.organisations().list().forEach(o -> storedOrganisations.add(o.organisation().id()));
            Set<UUID> storedConventions = new HashSet<>();
            services.conventions().list().forEach(c -> storedConventions.add(c.id()));
            missing = organisations.stream().filter(id -> !storedOrganisations.contains(id)).count()
                    + conventions.stream().filter(id -> !storedConventions.contains(id)).count();
        }
        out.println("confirmed " + (organisations.size() + conventions.size()) + " missing " + missing);
        return missing == 0 ? 0 : 3;
    }
}
