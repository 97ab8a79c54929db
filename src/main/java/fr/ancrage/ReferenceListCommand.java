package fr.ancrage;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.imports.QpvListImport;
import fr.ancrage.service.imports.QpvListTexts;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reference lists imported without a window (issue 18), each change printed:
 * {@code ancrage import qpv <fichier> [--dry-run]}, the official QPV list (the ANCT's CSV, a
 * spreadsheet of its columns, or its GeoJSON); {@code ancrage import referentiel <dossier>
 * [--dry-run]}, a newer release of the administrative divisions.
 */
final class ReferenceListCommand {

    /** What is imported: {@code qpv} or {@code referentiel}. */
    record Options(String kind, Path file, boolean dryRun, Optional<Path> dataDirectory, String language) {
    }

    private ReferenceListCommand() {
    }

    static Options parse(String kind, List<String> args) throws CommandLine.ParseException {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            throw new CommandLine.ParseException(kind.equals("qpv")
                    ? "La commande import qpv attend le fichier de la liste officielle : ancrage import qpv <fichier> [--dry-run]."
                    : "La commande import referentiel attend le dossier de la version du découpage administratif : "
                    + "ancrage import referentiel <dossier> [--dry-run].");
        }
        Path file = Path.of(args.getFirst());
        boolean dryRun = false;
        Path dataDir = null;
        String language = "fr";
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
                continue;
            }
            if (!List.of("--data-dir", "--lang").contains(arg)) {
                throw new CommandLine.ParseException("Option inconnue pour import " + kind + " : " + arg);
            }
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
        }
        return new Options(kind, file, dryRun, Optional.ofNullable(dataDir), language);
    }

    static int run(Options o, PrintStream out, PrintStream err) {
        I18n i18n = I18n.forLanguage(o.language());
        if (!Files.exists(o.file())) {
            err.println("Le fichier " + o.file() + " n'existe pas.");
            return 1;
        }
        return WindowlessBase.run(o.dataDirectory(), i18n, err, store -> {
            try {
                return o.kind().equals("qpv") ? importList(o, store, i18n, out) : updateReference(o, store, i18n, out);
            } catch (RuleViolationException e) {
                err.println(i18n.format(e.messageKey(), e.args().toArray()));
                return 1;
            }
        });
    }

    private static int importList(Options o, Store store, I18n i18n, PrintStream out) {
        QpvListImport imports = new QpvListImport(store);
        // the wording of the window's import, so that the command says the same
        QpvListTexts texts = new QpvListTexts(i18n);
        QpvListImport.Preview preview = imports.preview(o.file(), () -> false);
        out.println(texts.columns(preview));
        for (QpvList.Line l : preview.plan().lines()) {
            if (l.change() != QpvList.Change.UNCHANGED) {
                String detail = texts.detail(preview, l);
                out.println(l.code() + (l.name().isEmpty() ? "" : " « " + l.name() + " »") + " : " + texts.change(l)
                        + "." + (detail.isEmpty() ? "" : " " + detail));
            }
        }
        out.println(texts.summary(preview));
        if (o.dryRun()) {
            out.println("Essai à blanc : rien n'a été écrit.");
            return 0;
        }
        List<QpvListImport.Done> done = imports.write(preview);
        out.println(texts.done(done));
        return 0;
    }

    private static int updateReference(Options o, Store store, I18n i18n, PrintStream out) {
        var imports = new fr.ancrage.service.imports.ReferenceUpdateImport(store);
        var texts = new fr.ancrage.service.imports.ReferenceUpdateTexts(i18n);
        var plan = imports.preview(o.file());
        for (var c : plan.changes()) {
            String detail = texts.detail(c);
            out.println(texts.level(c) + " " + c.code() + " « " + texts.name(c) + " » : " + texts.kind(c) + "."
                    + (detail.isEmpty() ? "" : " " + detail));
        }
        out.println(texts.summary(plan));
        if (o.dryRun()) {
            out.println("Essai à blanc : rien n'a été écrit.");
            return 0;
        }
        if (!plan.changesNothing()) {
            out.println(i18n.format("import.reference.done", texts.summary(imports.write(plan))));
        }
        return 0;
    }
}
