package fr.ancrage.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the interface remembers between sessions for the user (the columns of each table: shown or
 * hidden, width, order). Never business data: losing it only brings the default layout back.
 */
public interface UiPreferences {

    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}; {@code null} forgets the key. */
    void put(String key, String value);

    /** Kept in memory only: the default, and what the tests use. */
    static UiPreferences inMemory() {
        return new InMemory();
    }

    /**
     * Kept in a properties file (in the user's data folder), read once and written again, whole and
     * atomically (temporary file then move), after each change. The file is read and written on a
     * thread of its own, never on the FX thread: a column dragged wider never waits for the disk.
     * A file that cannot be read or written is logged and the interface goes on with its defaults.
     */
    static UiPreferences file(Path file) {
        return new InFile(file);
    }

    /** Preferences held in a map. */
    final class InMemory implements UiPreferences {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }
    }

    /** Preferences held in a properties file. */
    final class InFile implements UiPreferences {
        private static final Logger LOG = LoggerFactory.getLogger(InFile.class);
        private final Path file;
        /** One daemon thread: the file is read first, then each write in order. */
        private final java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ancrage-preferences");
            t.setDaemon(true);
            return t;
        });
        private final java.util.concurrent.Future<Properties> loaded;
        private Properties values;

        InFile(Path file) {
            this.file = file;
            // read as soon as the window starts: long done when the first table asks
            this.loaded = io.submit(this::read);
        }

        private Properties read() {
            Properties read = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    read.load(in);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("Cannot read the interface preferences {}; defaults are used", file, e);
                    read.clear();
                }
            }
            return read;
        }

        private synchronized Properties values() {
            if (values == null) {
                try {
                    values = loaded.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Cannot read the interface preferences {}; defaults are used", file, e);
                    values = new Properties();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    values = new Properties();
                }
            }
            return values;
        }

        @Override
        public synchronized Optional<String> get(String key) {
            return Optional.ofNullable(values().getProperty(key));
        }

        @Override
        public synchronized void put(String key, String value) {
            Properties all = values();
            String before = all.getProperty(key);
            if (value == null ? before == null : value.equals(before)) {
                return;
            }
            if (value == null) {
                all.remove(key);
            } else {
                all.setProperty(key, value);
            }
            Properties snapshot = new Properties();
            snapshot.putAll(all);
            io.execute(() -> write(snapshot));
        }

        private void write(Properties all) {
            try {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
                try {
                    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                        all.store(out, "Ancrage - interface preferences (column widths...)");
                    }
                    try {
                        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                LOG.warn("Cannot write the interface preferences {}", file, e);
            }
        }
    }
}
