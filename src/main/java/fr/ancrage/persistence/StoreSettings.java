package fr.ancrage.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Settings of a data folder that must be read while its base is closed (the backups), in
 * {@code <data folder>/parametres.properties}. A missing or unreadable file gives the defaults.
 */
public final class StoreSettings {

    static final String FILE = "parametres.properties";
    static final String KEPT_BACKUPS = "sauvegardes.automatiques.conservees";
    public static final int MIN_KEPT = 1;
    public static final int MAX_KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(StoreSettings.class);

    private final Path file;

    public StoreSettings(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    /** How many automatic backups are kept (the oldest beyond that are deleted). */
    public int keptBackups() {
        Properties p = read();
        try {
            int n = Integer.parseInt(p.getProperty(KEPT_BACKUPS, String.valueOf(Backups.DEFAULT_KEPT)).strip());
            return Math.clamp(n, MIN_KEPT, MAX_KEPT);
        } catch (NumberFormatException e) {
            return Backups.DEFAULT_KEPT;
        }
    }

    public void setKeptBackups(int value) {
        Properties p = read();
        p.setProperty(KEPT_BACKUPS, String.valueOf(Math.clamp(value, MIN_KEPT, MAX_KEPT)));
        Path part = file.resolveSibling("." + FILE + ".part");
        try {
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                p.store(w, "Ancrage");
            }
            Backups.move(part, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Settings file {} unreadable: defaults used", file, e);
            }
        }
        return p;
    }
}
