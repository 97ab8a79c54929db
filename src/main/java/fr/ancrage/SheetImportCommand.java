package fr.ancrage;

import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.i18n.I18n;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.service.imports.SheetImport;
import fr.ancrage.service.imports.SheetImports;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ancrage import tableur <fichier> --type organisations|contacts|conventions|engagements [--dry-run] [--feuille <n>]
 * [--separateur ;|,|tab] [--encodage utf-8|windows-1252|iso-8859-15] [--mapping <nom>]
 * [--sans-entetes]}: a team's
 * spreadsheet checked and imported without a window, each row's outcome printed (issue 18). The
 * columns are recognised from their headers (or a saved mapping that fits them), as the wizard
 * first proposes them; {@code --mapping} names the saved mapping to read them with.
 */
final class SheetImportCommand {

    record Options(Path file, String type, boolean dryRun, int sheet, Character separator, Charset encoding,
                   Optional<Path> dataDirectory, String language, String mapping, boolean noHeader) {
    }

    private SheetImportCommand() {
    }

    static Options parse(List<String> args) throws CommandLine.ParseException {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            throw new CommandLine.ParseException("La commande import tableur attend le fichier : "
                    + "ancrage import tableur <fichier> --type organisations|contacts|conventions|engagements [--dry-run].");
        }
        Path file = Path.of(args.getFirst());
        String type = null;
        boolean dryRun = false;
        int sheet = 0;
        Character separator = null;
        Charset encoding = null;
        Path dataDir = null;
        String language = "fr";
        String mapping = null;
        boolean noHeader = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
                continue;
            }
            if (arg.equals("--sans-entetes")) {
                noHeader = true;
                continue;
            }
            if (!List.of("--type", "--feuille", "--separateur", "--encodage", "--data-dir", "--lang", "--mapping")
                    .contains(arg)) {
                throw new CommandLine.ParseException("Option inconnue pour import tableur : " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new CommandLine.ParseException("L'option " + arg + " attend une valeur.");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--type" -> {
                    if (kind(value) == null) {
                        throw new CommandLine.ParseException("L'option --type attend organisations, contacts, conventions ou engagements.");
                    }
                    type = value;
                }
                case "--feuille" -> {
                    try {
                        sheet = Integer.parseInt(value) - 1;
                    } catch (NumberFormatException e) {
                        sheet = -1;
                    }
                    if (sheet < 0) {
                        throw new CommandLine.ParseException("L'option --feuille attend le numéro de la feuille (1 pour la première).");
                    }
                }
                case "--separateur" -> separator = switch (value) {
                    case ";" -> ';';
                    case "," -> ',';
                    case "tab", "\t" -> '\t';
                    default -> throw new CommandLine.ParseException("L'option --separateur attend ; , ou tab.");
                };
                case "--encodage" -> encoding = switch (value.toLowerCase(Locale.ROOT)) {
                    case "utf-8", "utf8" -> java.nio.charset.StandardCharsets.UTF_8;
                    case "windows-1252", "cp1252" -> Charset.forName("windows-1252");
                    case "iso-8859-15", "latin-9", "latin9" -> Charset.forName("ISO-8859-15");
                    default -> throw new CommandLine.ParseException("L'option --encodage attend utf-8, windows-1252 ou iso-8859-15.");
                };
                case "--data-dir" -> dataDir = Path.of(value);
                case "--mapping" -> mapping = value;
                case "--lang" -> {
                    if (!List.of("fr", "en").contains(value)) {
                        throw new CommandLine.ParseException("L'option --lang attend fr ou en.");
                    }
                    language = value;
                }
                default -> throw new IllegalStateException(arg);
            }
        }
        if (type == null) {
            throw new CommandLine.ParseException("La commande import tableur attend --type organisations, contacts, conventions "
                    + "ou engagements.");
        }
        return new Options(file, type, dryRun, sheet, separator, encoding, Optional.ofNullable(dataDir), language,
                mapping, noHeader);
    }

    /** The kind {@code --type} names, or null. */
    static SheetKind kind(String type) {
        for (SheetKind k : SheetKind.values()) {
            if (k.mappingKind().equals(type)) {
                return k;
            }
        }
        return null;
    }

    static int run(Options o, PrintStream out, PrintStream err) {
        I18n i18n = I18n.forLanguage(o.language());
        if (!Files.isRegularFile(o.file())) {
            err.println("Le fichier " + o.file() + " n'existe pas ou n'est pas un fichier.");
            return 1;
        }
        return WindowlessBase.run(o.dataDirectory(), i18n, err, store -> {
            SheetImport imports = new SheetImports(store, i18n, java.time.Clock.systemDefaultZone()).of(kind(o.type()));
            try {
                return importSheet(o, imports, i18n, out);
            } catch (RuleViolationException e) {
                err.println(i18n.format(e.messageKey(), e.args().toArray()));
                return 1;
            }
        });
    }

    private static int importSheet(Options o, SheetImport imports, I18n i18n, PrintStream out) {
        SheetImport.Opened detected = imports.open(o.file(), null, o.sheet(), o.noHeader() ? Integer.valueOf(0) : null);
        SheetImport.Opened opened = detected;
        if (detected.csv() != null && (o.separator() != null || o.encoding() != null)) {
            CsvSettings chosen = detected.csv();
            chosen = o.separator() == null ? chosen : chosen.with(o.separator().charValue());
            chosen = o.encoding() == null ? chosen : chosen.with(o.encoding());
            opened = imports.open(o.file(), chosen, o.sheet(), o.noHeader() ? Integer.valueOf(0) : null);
        }
        if (o.mapping() != null) {
            opened = imports.withMapping(opened, o.mapping());
        }
        SheetImport.Opened read = opened;
        out.println(describe(read, i18n));
        SheetImport.Preview preview = imports.preview(read, read.recognised(), () -> false);
        for (SheetImport.Line l : preview.lines()) {
            l.row().issues().forEach(issue -> out.println(i18n.format("cli.import.issue", l.row().number(),
                    column(read, l, issue.field()), i18n.format(issue.issue().messageKey(),
                            issue.issue().args().toArray()))));
        }
        out.println(i18n.format("cli.import.preview", preview.lines().size(),
                preview.count(SheetImport.Decision.IMPORT), preview.count(SheetImport.Decision.MATCH),
                preview.count(SheetImport.Decision.SKIP)));
        if (o.dryRun()) {
            out.println("Essai à blanc : rien n'a été écrit.");
            return 0;
        }
        for (SheetImport.Done d : imports.write(preview, Map.of())) {
            out.println(i18n.format("cli.import.done", d.row(), d.name(), i18n.get("import.outcome."
                    + d.outcome().name()), d.why()));
        }
        return 0;
    }

    private static String describe(SheetImport.Opened opened, I18n i18n) {
        StringBuilder b = new StringBuilder(i18n.format("cli.import.opened", opened.file().getFileName(),
                opened.format().name(), opened.sheets().get(opened.sheet())));
        if (opened.csv() != null) {
            b.append(' ').append(i18n.format("cli.import.csv", opened.csv().encoding().name(),
                    opened.csv().separator() == '\t' ? "tab" : String.valueOf(opened.csv().separator())));
        }
        if (!opened.mappingName().isEmpty()) {
            b.append('\n').append(i18n.format("import.mapping.applied", opened.mappingName()));
        }
        opened.recognised().columns().forEach((column, field) -> b.append('\n').append(i18n.format("cli.import.column",
                fr.ancrage.documents.sheets.SheetRow.columnName(column), opened.headers().get(column),
                i18n.get("import.field." + field.name()))));
        return b.toString();
    }

    /** The column as the user sees it: its letter and its header. */
    private static String column(SheetImport.Opened opened, SheetImport.Line l, ImportField field) {
        if (field == null) {
            return "—";
        }
        int c = opened.recognised().columnOf(field);
        return c < 0 ? "—" : fr.ancrage.documents.sheets.SheetRow.columnName(c) + " « " + opened.headers().get(c) + " »";
    }
}
