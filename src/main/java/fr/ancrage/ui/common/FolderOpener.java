package fr.ancrage.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Opens a folder in the system's file manager, or a file with its application (xdg-open, explorer or open). */
public final class FolderOpener {

    private FolderOpener() {
    }

    static List<String> command(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("explorer.exe", folder.toString());
        }
        if (os.contains("mac")) {
            return List.of("open", folder.toString());
        }
        return List.of("xdg-open", folder.toString());
    }

    public static void open(Path folder, Consumer<IOException> onFailure) {
        try {
            new ProcessBuilder(command(System.getProperty("os.name"), folder)).inheritIO().start();
        } catch (IOException e) {
            onFailure.accept(e);
        }
    }
}
