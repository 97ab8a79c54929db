package fr.ancrage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Options of the launcher. Parsing never exits: the launcher decides what to do with
 * {@link #help()} and {@link ParseException}.
 */
public record CommandLine(Optional<Path> dataDirectory, boolean demo, boolean help, String language) {

    public static final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(List<String> args) throws ParseException {
        Path dataDir = null;
        boolean demo = false;
        boolean help = false;
        String language = "fr";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new ParseException("L'option --data-dir attend un dossier.");
                }
                dataDir = Path.of(args.get(++i));
            } else if (arg.equals("--lang")) {
                if (i + 1 >= args.size() || !List.of("fr", "en").contains(args.get(i + 1))) {
                    throw new ParseException("L'option --lang attend fr ou en.");
                }
                language = args.get(++i);
            } else if (arg.startsWith("--data-dir=")) {
                String value = arg.substring("--data-dir=".length());
                if (value.isBlank()) {
                    throw new ParseException("L'option --data-dir attend un dossier.");
                }
                dataDir = Path.of(value);
            } else {
                throw new ParseException("Option inconnue : " + arg);
            }
        }
        return new CommandLine(Optional.ofNullable(dataDir), demo, help, language);
    }

    /** Tells what was wrong on the command line, then how to use it (terminal output, not a log). */
    public static void printError(PrintStream err, String message) {
        err.println(message);
        printUsage(err);
    }

    public static void printUsage(PrintStream out) {
        out.println("""
                Ancrage : suivi des conventions entreprises et quartiers prioritaires.

                Usage : ancrage [options]

                Options :
                  --data-dir <dossier>  dossier des données (base H2). Par défaut : variable
                                        d'environnement ANCRAGE_DATA_DIR, sinon le dossier de
                                        données de l'utilisateur (Linux : $XDG_DATA_HOME/ancrage ou
                                        ~/.local/share/ancrage ; Windows : %APPDATA%\\Ancrage ;
                                        macOS : ~/Library/Application Support/Ancrage).
                  --demo                charge le jeu de démonstration dans un nouveau dossier de
                                        données, sans poser la question.
                  --lang fr|en          langue de l'interface (français par défaut).
                  -h, --help            affiche cette aide et quitte.

                Documents sans fenêtre :
                  ancrage export fiche --convention <référence> [--formats pdf,odt]
                  ancrage export convention --convention <référence> [--formats odt,pdf] : la
                                       convention à signer, depuis le modèle (dossier modeles/)
                  ancrage export bilan (--epci <SIREN> | --departement <code>) --year <année>
                                       [--formats pdf,odt,ods,xlsx,csv]
                  ancrage export paquet (--epci <SIREN> | --departement <code>) --year <année>
                                       [--formats …] : un seul .zip (documents, tableurs, données)
                  ancrage export conventions|organisations [--formats ods,xlsx,csv]
                  ancrage export echange [--departement <code> | --epci <SIREN> |
                                       --conventions <réf,…> | --pour <id de base>] : paquet
                                       d'échange avec une autre base (toute la base par défaut ;
                                       --pour : ce qui a changé depuis le dernier envoi à cette base)
                  Options communes : --data-dir <dossier>, --out <dossier> (dossier courant par
                  défaut), --lang fr|en, --demo. Chaque fichier écrit est affiché ; en cas d'erreur,
                  un message et un code de sortie non nul (2 : ligne de commande, 1 : export).

                Import d'un tableur (Ancrage fermé sur ce dossier) :
                  ancrage import tableur <fichier> --type organisations|contacts|conventions|engagements
                                       [--dry-run]
                                       [--feuille <n>] [--separateur ;|,|tab]
                                       [--encodage utf-8|windows-1252|iso-8859-15] [--mapping <nom>]
                                       [--sans-entetes] (la première ligne est une donnée)
                                       CSV, XLSX ou ODS : les colonnes reconnues par leur en-tête,
                                       chaque ligne vérifiée ; les lignes sans problème importées en
                                       une seule transaction, les doublons de la base complétés,
                                       jamais dupliqués. Codes de sortie : 0, 1 (refusé), 2.
                  ancrage import qpv <fichier> [--dry-run]
                                       la liste officielle des QPV de l'ANCT (CSV, XLSX, ODS ou
                                       GeoJSON ; géographie 2015 ou 2024) : nouveaux QPV créés,
                                       noms et rattachements mis à jour en une seule transaction,
                                       QPV absents de la liste conservés et signalés.
                  ancrage import referentiel <dossier> [--dry-run]
                                       une version plus récente du découpage administratif
                                       (dossier de @etalab/decoupage-administratif) : communes et EPCI
                                       mis à jour en une transaction ; ce qu'utilisent les fiches est
                                       conservé et signalé.

                Échange entre bases (Ancrage fermé sur ce dossier) :
                  ancrage import <fichier.zip> [--dry-run] [--conflits mien|leur]
                                       vérifie le paquet, affiche ce que l'import ferait et l'écrit
                                       en une seule transaction ; --dry-run n'écrit rien ; sans
                                       --conflits, un paquet en conflit n'est pas importé (répondez
                                       dans la fenêtre). Codes de sortie : 0, 1 (refusé), 2.

                Sauvegardes (Ancrage fermé sur ce dossier) :
                  ancrage backup               sauvegarde la base maintenant (dossier sauvegardes/)
                  ancrage backups              liste les sauvegardes, de la plus récente à la plus ancienne
                  ancrage restore <fichier>    remet une sauvegarde en place ; la base actuelle est
                                               d'abord conservée comme sauvegarde « avant restauration »
                  ancrage repair               copie dans une nouvelle base tout ce qui peut être lu
                                               d'une base endommagée ; le fichier endommagé est gardé à part
                  ancrage check                lit toute la base, sans rien modifier, et dit si elle est saine
                  Options : --data-dir <dossier>, --lang fr|en.
                """);
    }
}
