package fr.ancrage;

import fr.ancrage.domain.Backup;
import fr.ancrage.domain.BackupKind;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Backups;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Salvage;
import fr.ancrage.persistence.StoreCheck;
import fr.ancrage.persistence.StoreOpeningException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's commands, without a window: {@code backup}, {@code backups}, {@code restore <file>},
 * {@code repair} and {@code check}, each on the data folder of {@code --data-dir} (or the default
 * one). The base must not be open in Ancrage at the same time (the lock file says so). Exit status:
 * 0 done, 1 refused or failed (with a French message saying what was or was not changed), 2 wrong
 * command line.
 */
public final class StoreCommand {

    public static final List<String> COMMANDS = List.of("backup", "backups", "restore", "repair", "check");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A parsed command line. */
    public record Options(String command, Optional<Path> dataDirectory, String language, Path backup) {
    }

    private StoreCommand() {
    }

    public static Options parse(String command, List<String> args) throws CommandLine.ParseException {
        Path dataDir = null;
        String language = "fr";
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir") || arg.equals("--lang")) {
                if (i + 1 >= args.size()) {
                    throw new CommandLine.ParseException("L'option " + arg + " attend une valeur.");
                }
                String value = args.get(++i);
                if (arg.equals("--data-dir")) {
                    dataDir = Path.of(value);
                } else if (List.of("fr", "en").contains(value)) {
                    language = value;
                } else {
                    throw new CommandLine.ParseException("L'option --lang attend fr ou en.");
                }
            } else if (arg.startsWith("--")) {
                throw new CommandLine.ParseException("Option inconnue pour " + command + " : " + arg);
            } else {
                positional.add(arg);
            }
        }
        Path backup = null;
        if (command.equals("restore")) {
            if (positional.size() != 1) {
                throw new CommandLine.ParseException("La commande restore attend le fichier de la sauvegarde à restaurer.");
            }
            backup = Path.of(positional.getFirst());
        } else if (!positional.isEmpty()) {
            throw new CommandLine.ParseException("La commande " + command + " n'attend pas « " + positional.getFirst() + " ».");
        }
        return new Options(command, Optional.ofNullable(dataDir), language, backup);
    }

    public static int run(Options o, PrintStream out, PrintStream err) {
        I18n i18n = I18n.forLanguage(o.language());
        Clock clock = Clock.systemDefaultZone();
        Path dataDir = DataDirectory.resolve(o.dataDirectory(), System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir)) {
            err.println("Le dossier de données " + dataDir + " n'existe pas. Indiquez-le avec --data-dir.");
            return 1;
        }
        try {
            switch (o.command()) {
                case "backup" -> {
                    try (Database db = Database.open(dataDir, Database.Options.defaults().withClock(clock))) {
                        out.println(db.backupNow(BackupKind.MANUAL).file());
                    }
                }
                case "backups" -> {
                    for (Backup b : new Backups(dataDir, clock).list()) {
                        out.println(WHEN.format(b.time().atZone(ZoneId.systemDefault())) + "\t" + i18n.label(b.kind())
                                + "\t" + b.size() + "\t" + b.file());
                    }
                }
                case "restore" -> {
                    Optional<Backup> kept = Database.restore(dataDir, o.backup().toAbsolutePath(), clock);
                    out.println(i18n.format("backups.restored.message", o.backup().getFileName().toString(),
                            kept.map(b -> b.file().toString()).orElse("—")));
                }
                case "repair" -> {
                    Salvage.Outcome outcome = Database.repair(dataDir, clock);
                    out.println(i18n.format("startup.repaired.message", outcome.recovered(), outcome.lost(),
                            outcome.damagedKeptAt().toString()));
                }
                case "check" -> {
                    StoreCheck.Report report = Database.check(dataDir);
                    out.println("Base lisible en entier : " + report.rows() + " lignes dans " + report.rowsPerTable().size()
                            + " tables, structure version " + report.schema().installed()
                            + (report.schema().pending() > 0 ? " (" + report.schema().pending()
                            + " mise(s) à jour à appliquer à la prochaine ouverture)" : "")
                            + ", vérifiée en " + report.millis() + " ms.");
                }
                default -> throw new IllegalArgumentException(o.command());
            }
            return 0;
        } catch (StoreOpeningException e) {
            err.println(i18n.format(e.messageKey(), e.messageArgs()));
            return 1;
        } catch (RuleViolationException e) {
            err.println(i18n.format(e.messageKey(), e.args().toArray()));
            return 1;
        }
    }
}
