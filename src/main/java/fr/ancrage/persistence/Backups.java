package fr.ancrage.persistence;

import fr.ancrage.domain.Backup;
import fr.ancrage.domain.BackupKind;
import fr.ancrage.domain.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The backups of a data folder: zip files in {@code <data folder>/sauvegardes}, each holding one
 * entry {@code ancrage.mv.db} (the format of H2's own {@code BACKUP TO}), named
 * {@code ancrage-<yyyyMMdd-HHmmss>-<kind>.zip}. A backup is written to a hidden {@code .part} file
 * and renamed when complete, so a folder never holds half a backup under a backup's name. Files
 * of other names in the folder are never touched.
 */
public final class Backups {

    public static final String FOLDER = "sauvegardes";
    public static final String ENTRY = Database.DATABASE_NAME + ".mv.db";
    /** Automatic backups kept when the setting is absent. */
    public static final int DEFAULT_KEPT = 10;
    /** Copies made before migrations, kept apart from the automatic ones. */
    static final int KEPT_BEFORE_MIGRATION = 3;
    private static final Duration AUTOMATIC_INTERVAL = Duration.ofHours(20);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("ancrage-(\\d{8}-\\d{6})(?:-(\\d+))?-([a-z-]+)\\.zip");
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final Path dataDirectory;
    private final Clock clock;

    public Backups(Path dataDirectory, Clock clock) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    public Path folder() {
        return dataDirectory.resolve(FOLDER);
    }

    /** The backups, newest first. */
    public List<Backup> list() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "ancrage-*.zip")) {
            for (Path f : files) {
                parse(f).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Backup::time).thenComparing(b -> b.file().getFileName().toString()).reversed());
        return found;
    }

    private Optional<Backup> parse(Path f) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        BackupKind kind = null;
        for (BackupKind k : BackupKind.values()) {
            if (k.fileTag().equals(m.group(3))) {
                kind = k;
            }
        }
        if (kind == null) {
            return Optional.empty();
        }
        try {
            Instant time = LocalDateTime.parse(m.group(1), STAMP).atZone(clock.getZone()).toInstant();
            return Optional.of(new Backup(f, kind, time, Files.size(f)));
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    /** True when no automatic backup was made in the last day. */
    public boolean automaticDue() {
        Instant limit = clock.instant().minus(AUTOMATIC_INTERVAL);
        return list().stream().filter(b -> b.kind() == BackupKind.AUTOMATIC).noneMatch(b -> b.time().isAfter(limit));
    }

    /**
     * A backup of the open base through H2's {@code BACKUP TO}: a consistent copy of the committed
     * state while the application goes on.
     */
    Backup online(org.jooq.DSLContext dsl, BackupKind kind) {
        return write(kind, part -> {
            dsl.execute("BACKUP TO " + org.jooq.impl.DSL.inline(part.toString()));
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(part))) {
                ZipEntry first = zip.getNextEntry();
                if (first == null || !first.getName().equals(ENTRY)) {
                    throw new IOException("unexpected backup entry " + (first == null ? "none" : first.getName()));
                }
            }
        });
    }

    /** Copies the database file, which must be closed (no H2 connection open on it). */
    Backup copyClosed(Path databaseFile, BackupKind kind) {
        return write(kind, part -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part));
                 InputStream in = Files.newInputStream(databaseFile)) {
                zip.setLevel(1);
                ZipEntry entry = new ZipEntry(ENTRY);
                entry.setTime(clock.millis());
                zip.putNextEntry(entry);
                in.transferTo(zip);
                zip.closeEntry();
            }
        });
    }

    /** Writes the backup's zip into the hidden file it is given. */
    private interface Content {
        void writeTo(Path part) throws IOException;
    }

    /**
     * Writes a new backup of the given kind whole, or nothing: into a hidden file, forced to the
     * disk, then renamed; on any failure the hidden file is deleted.
     */
    private Backup write(BackupKind kind, Content content) {
        long t0 = System.nanoTime();
        Path folder = folder();
        Path part = null;
        try {
            StoreFiles.createPrivateDirectories(folder);
            Path target = freeName(folder, kind);
            part = folder.resolve("." + target.getFileName() + ".part.zip");
            Files.deleteIfExists(part);
            content.writeTo(part);
            StoreFiles.force(part);
            move(part, target);
            Backup backup = parse(target).orElseThrow();
            LOG.info("Backup {} written in {} ms ({} bytes)", target, (System.nanoTime() - t0) / 1_000_000,
                    backup.size());
            return backup;
        } catch (IOException | RuntimeException e) {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            LOG.error("Backup to {} failed", folder, e);
            RuleViolationException refused = new RuleViolationException("backup.error.write", folder.toString(),
                    String.valueOf(e.getMessage()));
            refused.initCause(e); // a full disk is told apart by the cause
            throw refused;
        }
    }

    private Path freeName(Path folder, BackupKind kind) {
        String stamp = STAMP.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone()));
        Path target = folder.resolve("ancrage-" + stamp + "-" + kind.fileTag() + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve("ancrage-" + stamp + "-" + n + "-" + kind.fileTag() + ".zip");
        }
        return target;
    }

    /**
     * Deletes the oldest automatic backups beyond {@code keptAutomatic}, and the copies made before
     * migrations beyond {@link #KEPT_BEFORE_MIGRATION}; the user's own backups and those made before
     * a restore or a repair are kept until the user deletes them.
     */
    public void rotate(int keptAutomatic) {
        prune(BackupKind.AUTOMATIC, Math.max(1, keptAutomatic));
        prune(BackupKind.BEFORE_MIGRATION, KEPT_BEFORE_MIGRATION);
        // a backup cut short (the process killed while it was written) leaves its hidden file
        if (Files.isDirectory(folder())) {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder(), ".ancrage-*.part.zip")) {
                for (Path part : parts) {
                    Files.deleteIfExists(part);
                    LOG.info("Unfinished backup {} deleted", part);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete the unfinished backups of {}", folder(), e);
            }
        }
    }

    private void prune(BackupKind kind, int kept) {
        List<Backup> ofKind = list().stream().filter(b -> b.kind() == kind).toList();
        for (Backup old : ofKind.subList(Math.min(kept, ofKind.size()), ofKind.size())) {
            try {
                Files.deleteIfExists(old.file());
                LOG.info("Old backup {} deleted (keeping {} {})", old.file(), kept, kind);
            } catch (IOException e) {
                LOG.warn("Could not delete the old backup {}", old.file(), e);
            }
        }
    }

    /**
     * Extracts the database of a backup into {@code target} (which must not exist). Throws
     * {@link RuleViolationException} when the zip holds no Ancrage database.
     */
    static void extract(Path backup, Path target) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().equals(ENTRY)) {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        zip.transferTo(out);
                    }
                    StoreFiles.force(target);
                    return;
                }
            }
        } catch (IOException e) {
            throw new RuleViolationException("backup.error.notABackup", backup.toString());
        }
        throw new RuleViolationException("backup.error.notABackup", backup.toString());
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
