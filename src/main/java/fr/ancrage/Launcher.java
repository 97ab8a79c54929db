package fr.ancrage;

import javafx.application.Application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point. Kept apart from the {@link Application} subclass so the app starts from a plain
 * class path, and so that command-line mistakes are answered before any window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals("export") && args[1].equals("echange")) {
            System.exit(exchange(true, List.of(args).subList(2, args.length)));
            return;
        }
        if (args.length > 1 && args[0].equals("import") && args[1].equals("tableur")) {
            System.exit(sheetImport(List.of(args).subList(2, args.length)));
            return;
        }
        if (args.length > 1 && args[0].equals("import") && (args[1].equals("qpv") || args[1].equals("referentiel"))) {
            System.exit(referenceList(args[1], List.of(args).subList(2, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(exchange(false, List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(export(List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && StoreCommand.COMMANDS.contains(args[0])) {
            System.exit(store(args[0], List.of(args).subList(1, args.length)));
            return;
        }
        CommandLine options;
        try {
            options = CommandLine.parse(List.of(args));
        } catch (CommandLine.ParseException e) {
            CommandLine.printError(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            CommandLine.printUsage(System.out);
            return;
        }
        startLogs(DataDirectory.resolve(options.dataDirectory()));
        Application.launch(AncrageApp.class, args);
    }

    /** {@code ancrage backup|backups|restore|repair|check …}: no window; returns the exit status. */
    static int store(String command, List<String> args) {
        return windowless(() -> StoreCommand.parse(command, args), StoreCommand.Options::dataDirectory, o -> false,
                o -> StoreCommand.run(o, System.out, System.err));
    }

    /** A command's options, read from its arguments. */
    @FunctionalInterface
    private interface Parse<O> {
        O parse() throws CommandLine.ParseException;
    }

    /**
     * A command without a window: its arguments read (2 and a message when they are wrong), the log
     * of its data folder started when the folder exists (or the command creates it: {@code creates}),
     * then the command run; returns the exit status.
     */
    private static <O> int windowless(Parse<O> parse, java.util.function.Function<O, java.util.Optional<Path>> folder,
                                      java.util.function.Predicate<O> creates, java.util.function.ToIntFunction<O> run) {
        O options;
        try {
            options = parse.parse();
        } catch (CommandLine.ParseException e) {
            CommandLine.printError(System.err, e.getMessage());
            return 2;
        }
        Path dataDir = DataDirectory.resolve(folder.apply(options));
        if (Files.isDirectory(dataDir) || creates.test(options)) {
            startLogs(dataDir);
        }
        return run.applyAsInt(options);
    }

    /**
     * The log file of the data folder, before anything else logs; and what dies on a thread of its
     * own is logged there too (the FX thread has its handler in {@link AncrageApp}).
     */
    private static void startLogs(Path dataDir) {
        LogFiles.start(LogFiles.folder(dataDir));
        Logger log = LoggerFactory.getLogger(Launcher.class);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("Unexpected error on thread {}", thread.getName(), error));
        log.info("Ancrage {} (Java {}), data folder {}", version(), System.getProperty("java.version"), dataDir);
    }

    /** The version in the jar's manifest; none when run from the compiled classes. */
    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** {@code ancrage export echange …} and {@code ancrage import …}: no window; returns the exit status. */
    static int exchange(boolean export, List<String> args) {
        return windowless(() -> export ? ExchangeCommand.parseExport(args) : ExchangeCommand.parseImport(args),
                ExchangeCommand.Options::dataDirectory, o -> false, o -> ExchangeCommand.run(o, System.out, System.err));
    }

    /** {@code ancrage import tableur …}: no window; returns the exit status. */
    static int sheetImport(List<String> args) {
        return windowless(() -> SheetImportCommand.parse(args), SheetImportCommand.Options::dataDirectory, o -> false,
                o -> SheetImportCommand.run(o, System.out, System.err));
    }

    /** {@code ancrage import qpv …} and {@code ancrage import referentiel …}: no window; returns the exit status. */
    static int referenceList(String kind, List<String> args) {
        return windowless(() -> ReferenceListCommand.parse(kind, args), ReferenceListCommand.Options::dataDirectory,
                o -> false, o -> ReferenceListCommand.run(o, System.out, System.err));
    }

    /** {@code ancrage export …}: no window; returns the exit status. */
    static int export(List<String> args) {
        // not for a folder that does not exist: the export says so rather than creating it (unless --demo)
        return windowless(() -> ExportCommand.parse(args), ExportCommand.Options::dataDirectory,
                ExportCommand.Options::demo, o -> ExportCommand.run(o, System.out, System.err));
    }
}
