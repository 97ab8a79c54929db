package fr.ancrage;

import javafx.application.Application;

import java.util.List;

/**
 * Entry point. Kept apart from the {@link Application} subclass so the app starts from a plain
 * class path, and so that command-line mistakes are answered before any window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
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
        Application.launch(AncrageApp.class, args);
    }

    /** {@code ancrage backup|backups|restore|repair|check …}: no window; returns the exit status. */
    static int store(String command, List<String> args) {
        StoreCommand.Options options;
        try {
            options = StoreCommand.parse(command, args);
        } catch (CommandLine.ParseException e) {
            CommandLine.printError(System.err, e.getMessage());
            return 2;
        }
        return StoreCommand.run(options, System.out, System.err);
    }

    /** {@code ancrage export …}: no window; returns the exit status. */
    static int export(List<String> args) {
        ExportCommand.Options options;
        try {
            options = ExportCommand.parse(args);
        } catch (CommandLine.ParseException e) {
            CommandLine.printError(System.err, e.getMessage());
            return 2;
        }
        return ExportCommand.run(options, System.out, System.err);
    }
}
