package fr.ancrage;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.exchange.Decisions;
import fr.ancrage.service.exchange.ExchangeScope;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.service.exchange.ImportPlan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ancrage export echange …} and {@code ancrage import <fichier> [--dry-run]}: exchange
 * packages without a window (decision 0019). Exit status as {@code export}: 0 done, 1 refused or
 * failed (a French message says why; nothing written), 2 the command line is wrong.
 */
public final class ExchangeCommand {

    /** What to do with conflicts when importing without a window. */
    public enum Conflicts { ASK, MINE, THEIRS }

    /** A parsed exchange command line. */
    public record Options(boolean export, ExchangeScope scope, List<String> conventionReferences,
                          Optional<Path> dataDirectory, String language, Path out, Path file, boolean dryRun,
                          Conflicts conflicts) {
    }

    private ExchangeCommand() {
    }

    /** {@code export echange [--departement <code> | --epci <SIREN> | --conventions <réf,…> | --pour <id de base>]}. */
    public static Options parseExport(List<String> args) throws CommandLine.ParseException {
        ExchangeScope scope = ExchangeScope.wholeBase();
        List<String> references = List.of();
        Path dataDir = null;
        String language = "fr";
        Path out = Path.of(".");
        int scopes = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = value(args, i, arg, List.of("--departement", "--epci", "--conventions", "--pour",
                    "--data-dir", "--lang", "--out"), "export echange");
            i++;
            switch (arg) {
                case "--departement" -> {
                    scope = ExchangeScope.department(value.strip().toUpperCase(Locale.ROOT), value.strip());
                    scopes++;
                }
                case "--epci" -> {
                    scope = ExchangeScope.epci(value.strip(), value.strip());
                    scopes++;
                }
                case "--conventions" -> {
                    references = List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                    scopes++;
                }
                case "--pour" -> {
                    try {
                        scope = ExchangeScope.changesFor(UUID.fromString(value.strip()), value.strip());
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParseException("L'option --pour attend l'identifiant d'une base (affiché dans « Identité de cette base »), reçu : " + value);
                    }
                    scopes++;
                }
                case "--data-dir" -> dataDir = Path.of(value);
                case "--lang" -> language = language(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalStateException(arg);
            }
        }
        if (scopes > 1) {
            throw new CommandLine.ParseException("export echange attend au plus une portée : --departement, --epci, --conventions ou --pour.");
        }
        return new Options(true, scope, references, Optional.ofNullable(dataDir), language, out, null, false,
                Conflicts.ASK);
    }

    /** {@code import <fichier> [--dry-run] [--conflits mien|leur]}. */
    public static Options parseImport(List<String> args) throws CommandLine.ParseException {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            throw new CommandLine.ParseException("La commande import attend le fichier du paquet : ancrage import <fichier.zip> [--dry-run].");
        }
        Path file = Path.of(args.getFirst());
        boolean dryRun = false;
        Conflicts conflicts = Conflicts.ASK;
        Path dataDir = null;
        String language = "fr";
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
                continue;
            }
            String value = value(args, i, arg, List.of("--conflits", "--data-dir", "--lang"), "import");
            i++;
            switch (arg) {
                case "--conflits" -> conflicts = switch (value) {
                    case "mien" -> Conflicts.MINE;
                    case "leur" -> Conflicts.THEIRS;
                    default -> throw new CommandLine.ParseException("L'option --conflits attend mien ou leur.");
                };
                case "--data-dir" -> dataDir = Path.of(value);
                case "--lang" -> language = language(value);
                default -> throw new IllegalStateException(arg);
            }
        }
        return new Options(false, null, List.of(), Optional.ofNullable(dataDir), language, null, file, dryRun, conflicts);
    }

    private static String value(List<String> args, int i, String arg, List<String> known, String command)
            throws CommandLine.ParseException {
        if (!known.contains(arg)) {
            throw new CommandLine.ParseException("Option inconnue pour " + command + " : " + arg);
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new CommandLine.ParseException("L'option " + arg + " attend une valeur.");
        }
        return args.get(i + 1);
    }

    private static String language(String value) throws CommandLine.ParseException {
        if (!List.of("fr", "en").contains(value)) {
            throw new CommandLine.ParseException("L'option --lang attend fr ou en.");
        }
        return value;
    }

    /** Runs the command; returns the exit status. */
    public static int run(Options o, PrintStream out, PrintStream err) {
        I18n i18n = I18n.forLanguage(o.language());
        if (!o.export() && !Files.isRegularFile(o.file())) {
            err.println("Le fichier " + o.file() + " n'existe pas ou n'est pas un fichier.");
            return 1;
        }
        return WindowlessBase.run(o.dataDirectory(), i18n, err, store -> {
            ExchangeService exchange = new ExchangeService(store, Clock.systemDefaultZone(), i18n);
            try {
                return o.export() ? export(o, store, exchange, out) : importFile(o, exchange, out, err);
            } catch (RuleViolationException e) {
                err.println(exchange.message(e));
                return 1;
            }
        });
    }

    private static int export(Options o, Store store, ExchangeService exchange, PrintStream out) throws Exception {
        ExchangeScope scope = o.scope();
        if (!o.conventionReferences().isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (String ref : o.conventionReferences()) {
                ids.add(store.read(r -> r.conventions().list()).stream().filter(c -> c.reference().equalsIgnoreCase(ref))
                        .findFirst().orElseThrow(() -> new RuleViolationException("cli.export.unknownConvention", ref)).id());
            }
            scope = ExchangeScope.conventions(ids);
        }
        Path target = o.out();
        if (Files.isDirectory(target) || !target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Files.createDirectories(target);
            target = target.resolve(fileName(scope, LocalDate.now()));
        }
        var result = exchange.export(scope, target, () -> false);
        out.println(result.file());
        out.println(result.total() + " enregistrements.");
        return 0;
    }

    static String fileName(ExchangeScope scope, LocalDate day) {
        String what = switch (scope.kind()) {
            case BASE -> "base";
            case DEPARTMENT -> "departement-" + scope.code().toLowerCase(Locale.ROOT);
            case EPCI -> "epci-" + scope.code();
            case CONVENTIONS -> "conventions";
            case CHANGES -> "modifications";
        };
        return "echange-" + day + "-" + what.replaceAll("[^a-z0-9-]", "") + ".zip";
    }

    private static int importFile(Options o, ExchangeService exchange, PrintStream out, PrintStream err) {
        ImportPlan preview = exchange.preview(o.file());
        Decisions answers = o.conflicts() == Conflicts.THEIRS ? theirs(preview) : Decisions.keepMine();
        out.print(exchange.reportText(preview, answers));
        if (o.dryRun()) {
            out.println("Essai à blanc : rien n'a été écrit.");
            return 0;
        }
        if (preview.conflictCount() > 0 && o.conflicts() == Conflicts.ASK) {
            err.println(preview.conflictCount() + " conflit(s) : rien n'a été écrit. Répondez-y dans la fenêtre "
                    + "(Documents → Importer un paquet), ou ajoutez --conflits mien ou --conflits leur.");
            return 1;
        }
        ImportPlan done = exchange.importPackage(o.file(), answers, preview);
        out.println(done.changesNothing() ? "Rien à changer : la base avait déjà tout ce que contient ce paquet."
                : "Import terminé.");
        return 0;
    }

    private static Decisions theirs(ImportPlan plan) {
        Decisions d = Decisions.keepMine();
        plan.items().stream().filter(ImportPlan.Item::isConflict).forEach(i -> d.record(i.id(), Merge.Choice.THEIRS));
        return d;
    }
}
