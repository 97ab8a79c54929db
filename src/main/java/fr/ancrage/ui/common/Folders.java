package fr.ancrage.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where documents go by default: the user's Documents folder when there is one, else the home folder. */
public final class Folders {

    private Folders() {
    }

    public static Path documents() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
