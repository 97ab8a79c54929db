package fr.ancrage;

import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreOpeningException;
import fr.ancrage.service.Services;
import fr.ancrage.service.documents.DocumentService;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ancrage export <kind> …}: the documents of the export screen, without a window, for batch
 * preparation and scripts. Prints each file written; exits non-zero with a French message on error
 * (2: the command line is wrong, 1: the export failed).
 */
public final class ExportCommand {

    public enum Kind {
        FICHE("fiche", EnumSet.of(Format.PDF, Format.ODT), EnumSet.of(Format.PDF)),
        TO_SIGN("convention", EnumSet.of(Format.ODT, Format.PDF), EnumSet.of(Format.ODT, Format.PDF)),
        BILAN("bilan", EnumSet.allOf(Format.class), EnumSet.of(Format.PDF, Format.ODS)),
        PACKAGE("paquet", EnumSet.allOf(Format.class), EnumSet.of(Format.PDF, Format.ODS, Format.XLSX)),
        CONVENTIONS("conventions", EnumSet.of(Format.ODS, Format.XLSX, Format.CSV), EnumSet.of(Format.ODS)),
        ORGANISATIONS("organisations", EnumSet.of(Format.ODS, Format.XLSX, Format.CSV), EnumSet.of(Format.ODS));

        final String word;
        final Set<Format> allowed;
        final Set<Format> byDefault;

        Kind(String word, Set<Format> allowed, Set<Format> byDefault) {
            this.word = word;
            this.allowed = allowed;
            this.byDefault = byDefault;
        }
    }

    /** A parsed export command line. */
    public record Options(Kind kind, Optional<Path> dataDirectory, boolean demo, String language, String convention,
                          String epci, String department, Integer year, Set<Format> formats, Path outputFolder) {
    }

    private ExportCommand() {
    }

    public static Options parse(List<String> args) throws CommandLine.ParseException {
        if (args.isEmpty()) {
            throw new CommandLine.ParseException("La commande export attend un type de document : fiche, convention, bilan, paquet, conventions ou organisations.");
        }
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.word.equals(args.getFirst())) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new CommandLine.ParseException("Type de document inconnu : " + args.getFirst()
                    + " (attendu : fiche, convention, bilan, paquet, conventions ou organisations).");
        }
        Path dataDir = null;
        boolean demo = false;
        String language = "fr";
        String convention = null;
        String epci = null;
        String department = null;
        Integer year = null;
        Set<Format> formats = null;
        Path out = Path.of(".");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                demo = true;
                continue;
            }
            if (!List.of("--data-dir", "--lang", "--convention", "--epci", "--departement", "--year", "--formats", "--out")
                    .contains(arg)) {
                throw new CommandLine.ParseException("Option inconnue pour export : " + arg);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new CommandLine.ParseException("L'option " + arg + " attend une valeur.");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--data-dir" -> dataDir = path(arg, value);
                case "--lang" -> {
                    if (!List.of("fr", "en").contains(value)) {
                        throw new CommandLine.ParseException("L'option --lang attend fr ou en.");
                    }
                    language = value;
                }
                case "--convention" -> convention = value.strip();
                case "--epci" -> epci = value.strip();
                case "--departement" -> department = value.strip().toUpperCase(Locale.ROOT);
                case "--year" -> {
                    try {
                        year = Integer.parseInt(value.strip());
                    } catch (NumberFormatException e) {
                        throw new CommandLine.ParseException("L'option --year attend une année, par exemple 2025 (reçu : " + value + ").");
                    }
                    if (year < 2000 || year > 2100) {
                        throw new CommandLine.ParseException("L'année " + year + " est hors de la période suivie (2000 à 2100).");
                    }
                }
                case "--formats" -> {
                    formats = EnumSet.noneOf(Format.class);
                    for (String f : value.split(",")) {
                        Format format = Format.parse(f).orElseThrow(() -> new CommandLine.ParseException(
                                "Format inconnu : " + f.strip() + " (attendu : pdf, odt, ods, xlsx ou csv)."));
                        formats.add(format);
                    }
                }
                case "--out" -> out = path(arg, value);
                default -> throw new IllegalStateException(arg);
            }
        }
        if (formats == null) {
            formats = kind.byDefault;
        }
        for (Format f : formats) {
            if (!kind.allowed.contains(f)) {
                throw new CommandLine.ParseException("Le format " + f.extension() + " n'est pas proposé pour " + kind.word
                        + " (formats possibles : " + String.join(", ", kind.allowed.stream().map(Format::extension).toList()) + ").");
            }
        }
        switch (kind) {
            case FICHE, TO_SIGN -> {
                if (convention == null) {
                    throw new CommandLine.ParseException("export " + kind.word + " attend --convention <référence>, par exemple 25-2024-003.");
                }
            }
            case BILAN, PACKAGE -> {
                if ((epci == null) == (department == null)) {
                    throw new CommandLine.ParseException("export " + kind.word + " attend un territoire : --epci <SIREN> ou --departement <code>.");
                }
                if (year == null) {
                    throw new CommandLine.ParseException("export " + kind.word + " attend --year <année>, par exemple --year " + (Year.now().getValue() - 1) + ".");
                }
            }
            default -> {
            }
        }
        return new Options(kind, Optional.ofNullable(dataDir), demo, language, convention, epci, department, year,
                formats, out);
    }

    private static Path path(String option, String value) throws CommandLine.ParseException {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.ParseException("L'option " + option + " attend un dossier (reçu : " + value + ").");
        }
    }

    /** Runs the export; returns the process exit status. */
    public static int run(Options o, PrintStream out, PrintStream err) {
        I18n i18n = I18n.forLanguage(o.language());
        Path dataDir = DataDirectory.resolve(o.dataDirectory(), System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
        if (!Files.isDirectory(dataDir) && !o.demo()) {
            err.println("Le dossier de données " + dataDir + " n'existe pas. Indiquez-le avec --data-dir, ou ajoutez --demo pour y créer la base de démonstration.");
            return 1;
        }
        try (Database db = Database.open(dataDir)) {
            // SIGTERM or Ctrl+C during a long export: the base is still closed properly
            ShutdownSequence.installed().then(db);
            Store store = new Store(db.dsl());
            Services services = Services.over(store, Clock.systemDefaultZone(), i18n,
                    dataDir.resolve(DataDirectory.TEMPLATES));
            services.territories().ensureReferenceData();
            if (o.demo() && services.demo().isEmpty()) {
                services.demo().load();
                out.println("Base de démonstration chargée dans " + dataDir);
            }
            DocumentService documents = services.documents();
            List<Path> written = switch (o.kind()) {
                case FICHE, TO_SIGN -> {
                    ConventionListItem c = services.conventions().list().stream()
                            .filter(item -> item.reference().equalsIgnoreCase(o.convention())).findFirst()
                            .orElseThrow(() -> new RuleViolationException("cli.export.unknownConvention", o.convention()));
                    yield o.kind() == Kind.FICHE
                            ? documents.exportFiche(c.id(), o.formats(), o.outputFolder(), DocumentService.Progress.NONE).files()
                            : documents.exportConventionToSign(c.id(), o.formats(), o.outputFolder(),
                            DocumentService.Progress.NONE).files();
                }
                case BILAN -> documents.exportBilan(new DashboardFilter(o.department(), o.epci(), null, null), o.year(),
                        o.formats(), o.outputFolder(), DocumentService.Progress.NONE).files();
                case PACKAGE -> List.of(documents.exportBilanPackage(new DashboardFilter(o.department(), o.epci(), null, null),
                        o.year(), o.formats(), o.outputFolder(), DocumentService.Progress.NONE));
                case CONVENTIONS -> documents.exportConventions(o.formats(), o.outputFolder()).files();
                case ORGANISATIONS -> documents.exportOrganisations(o.formats(), o.outputFolder()).files();
            };
            for (Path p : written) {
                out.println(p.toAbsolutePath().normalize());
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
