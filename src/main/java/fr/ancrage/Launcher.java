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
}
