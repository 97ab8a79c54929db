package fr.ancrage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the user's data lives: command line, then environment, then the platform's convention. */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "ANCRAGE_DATA_DIR";
    /** The folder, inside the data folder, where the team keeps its own document templates. */
    public static final String TEMPLATES = "modeles";
    /** The folder, inside the data folder, of the log files ({@link LogFiles}). */
    public static final String LOGS = "journaux";
    /** The interface's preferences (the tables' columns), see UiPreferences. */
    public static final String UI_PREFERENCES = "interface.properties";
    /** The database file H2 keeps in the data folder (persistence's {@code Database.DATABASE_NAME}). */
    public static final String DATABASE_FILE = "ancrage.mv.db";

    private DataDirectory() {
    }

    /** The data folder of this run: the command line's, else the environment's, else the platform's. */
    public static Path resolve(Optional<Path> fromCommandLine) {
        return resolve(fromCommandLine, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    public static Path resolve(Optional<Path> fromCommandLine, Map<String, String> env, String osName,
                               String userHome) {
        if (fromCommandLine.isPresent()) {
            return fromCommandLine.get().toAbsolutePath();
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Ancrage");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Ancrage");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".local", "share");
        return base.resolve("ancrage");
    }
}
