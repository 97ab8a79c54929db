package fr.ancrage.persistence;

import fr.ancrage.domain.Backup;
import fr.ancrage.domain.BackupKind;
import fr.ancrage.domain.RuleViolationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded H2 database of one data folder, migrated by Flyway. Opening it:
 * <ol>
 * <li>takes a lock file, so a second instance is told the folder is in use before H2 is touched;</li>
 * <li>reads an existing file whole, read-only ({@link StoreCheck}): a damaged, empty or foreign file,
 * or one migrated by a newer Ancrage, is refused and left byte for byte as it was;</li>
 * <li>copies the file into {@code sauvegardes/} before any migration, and puts the copy back by
 * itself when a migration fails (H2 commits DDL statement by statement);</li>
 * <li>opens it with {@code WRITE_DELAY=0}: every commit reaches the file before the save returns, so
 * a save the application confirmed survives {@code kill -9} (decision 0010).</li>
 * </ol>
 * Closing shuts H2 down, then makes the automatic backup when one is due. The database file is
 * never deleted here.
 */
public final class Database implements AutoCloseable {

    public static final String DATABASE_NAME = "ancrage";
    public static final List<String> MIGRATIONS = List.of("classpath:db/migration");
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * How to open: {@code rebuilding} is called first when the data derived from the records has
     * to be rebuilt for this version; {@code migrations} are Flyway locations (tests add failing
     * or future ones).
     */
    public record Options(Runnable rebuilding, List<String> migrations, Clock clock) {
        public Options {
            Objects.requireNonNull(rebuilding);
            migrations = List.copyOf(migrations);
            Objects.requireNonNull(clock);
        }

        public static Options defaults() {
            return new Options(() -> { }, MIGRATIONS, Clock.systemDefaultZone());
        }

        public Options withRebuilding(Runnable value) {
            return new Options(value, migrations, clock);
        }

        public Options withMigrations(List<String> value) {
            return new Options(rebuilding, value, clock);
        }

        public Options withClock(Clock value) {
            return new Options(rebuilding, migrations, value);
        }
    }

    private final Path dataDirectory;
    private final String url;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final FolderLock lock;
    private final boolean created;
    private final Backups backups;
    private final StoreSettings storeSettings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Instant lastFullCheck;
    private boolean readWhole;

    private Database(Path dataDirectory, String url, JdbcConnectionPool pool, FolderLock lock, boolean created,
                     Clock clock, Instant lastFullCheck) {
        this.dataDirectory = dataDirectory;
        this.url = url;
        this.lastFullCheck = lastFullCheck;
        this.pool = pool;
        this.lock = lock;
        this.created = created;
        this.dsl = DSL.using(pool, SQLDialect.H2, settings());
        this.backups = lock == null ? null : new Backups(dataDirectory, clock);
        this.storeSettings = lock == null ? null : new StoreSettings(dataDirectory);
    }

    public static Settings settings() {
        return new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }

    /** Opens (creating if needed) the database in the given folder and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, Options.defaults());
    }

    /**
     * As {@link #open(Path)}; {@code rebuilding} is called first when the data derived from the
     * records has to be rebuilt for this version, which may take a while on a large base.
     */
    public static Database open(Path dataDirectory, Runnable rebuilding) {
        return open(dataDirectory, Options.defaults().withRebuilding(rebuilding));
    }

    public static Database open(Path dataDirectory, Options options) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        FolderLock folderLock = FolderLock.acquire(dir);
        try {
            Path file = databaseFile(dir);
            boolean created = !Files.exists(file);
            Instant lastFullCheck = options.clock().instant();
            boolean readWhole = false;
            Backup beforeMigration = null;
            if (!created) {
                if (!Files.isWritable(file)) {
                    throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, null);
                }
                Optional<Instant> trusted = CleanClose.trusted(dir, file, options.clock().instant());
                StoreCheck.Report report = trusted.isPresent()
                        ? StoreCheck.quick(dir, DATABASE_NAME, options.migrations())
                        : StoreCheck.check(dir, DATABASE_NAME, options.migrations());
                lastFullCheck = trusted.orElse(options.clock().instant());
                readWhole = trusted.isEmpty();
                if (report.schema().pending() > 0) {
                    beforeMigration = copyBeforeMigration(dir, file, options);
                    LOG.info("Schema {} of {} will be migrated ({} pending): copy kept in {}",
                            report.schema().installed(), file, report.schema().pending(), beforeMigration.file());
                }
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir), "sa", "");
            try {
                probe(pool, dir, created);
                migrate(pool, dir, options.migrations());
                ensureDerivedData(pool, dir, options.rebuilding());
            } catch (StoreOpeningException e) {
                shutdown(pool, url(dir));
                throw afterFailedOpening(e, dir, created, beforeMigration);
            } catch (RuntimeException e) {
                shutdown(pool, url(dir));
                throw e;
            }
            Database db = new Database(dir, url(dir), pool, folderLock, created, options.clock(), lastFullCheck);
            db.readWhole = readWhole;
            LOG.info("Database opened in {} (new: {})", dir, created);
            return db;
        } catch (RuntimeException e) {
            folderLock.close();
            throw e;
        }
    }

    /**
     * {@code WRITE_DELAY=0}: H2 writes each commit to the file before the commit returns (its default
     * waits up to 500 ms, and a process killed in between lost confirmed saves).
     */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    static Path databaseFile(Path dir) {
        return dir.resolve(DATABASE_NAME + ".mv.db");
    }

    /** True when the folder holds no database file yet: {@link #open} will create a new base there. */
    public static boolean isAbsent(Path dataDirectory) {
        return !Files.exists(databaseFile(dataDirectory.toAbsolutePath().normalize()));
    }

    /**
     * A migration that failed is undone by putting back the copy made before it; a base this opening
     * created holds nothing of the user's and is moved aside for the support.
     */
    private static StoreOpeningException afterFailedOpening(StoreOpeningException e, Path dir, boolean created,
                                                           Backup beforeMigration) {
        if (e.reason() != StoreOpeningException.Reason.MIGRATION_FAILED) {
            return e;
        }
        Path file = databaseFile(dir);
        try {
            if (beforeMigration != null) {
                Path restored = dir.resolve(".restauration-" + DATABASE_NAME + ".mv.db");
                Files.deleteIfExists(restored);
                Backups.extract(beforeMigration.file(), restored);
                Backups.move(restored, file);
                LOG.warn("Migration failed in {}: the copy {} was put back", dir, beforeMigration.file());
                return new StoreOpeningException(e.reason(), dir, e.getCause(), beforeMigration.file());
            }
            if (created) {
                if (Files.exists(file)) {
                    Backups.move(file, dir.resolve(DATABASE_NAME + "-migration-echouee.mv.db"));
                }
                return StoreOpeningException.onNewBase(e);
            }
        } catch (IOException | RuntimeException restoreFailure) {
            LOG.error("Could not put back the copy made before the migration in {}", dir, restoreFailure);
            e.addSuppressed(restoreFailure);
        }
        return e;
    }

    /** An in-memory database for tests and previews; nothing is written to disk. */
    public static Database inMemory(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        migrate(pool, Path.of("mem:" + name), MIGRATIONS);
        ensureDerivedData(pool, Path.of("mem:" + name), () -> { });
        return new Database(Path.of("mem:" + name), url, pool, null, true, Clock.systemDefaultZone(), Instant.now());
    }

    private static void probe(DataSource ds, Path dir, boolean created) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new StoreOpeningException(classify(e, !created), dir, e);
        }
    }

    private static StoreOpeningException.Reason classify(SQLException e, boolean fileExists) {
        // H2 error codes: 90020 database in use, 90028 IO exception (also what a file that is not an
        // H2 store gives), 90030 file corrupted, 90096/90097 read-only.
        return switch (e.getErrorCode()) {
            case 90020 -> StoreOpeningException.Reason.LOCKED;
            case 90096, 90097 -> StoreOpeningException.Reason.UNWRITABLE;
            case 90028 -> fileExists ? StoreOpeningException.Reason.CORRUPT : StoreOpeningException.Reason.UNWRITABLE;
            default -> StoreOpeningException.Reason.CORRUPT;
        };
    }

    private static void migrate(DataSource ds, Path dir, List<String> locations) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations(locations.toArray(String[]::new))
                    .validateMigrationNaming(true)
                    .load();
            var pending = flyway.info().pending();
            if (pending.length > 0) {
                LOG.info("Applying {} migration(s)", pending.length);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            LOG.error("Migration failed in {}", dir, e);
            throw new StoreOpeningException(StoreOpeningException.Reason.MIGRATION_FAILED, dir, e);
        }
    }

    /**
     * Rebuilds the data derived from the records (the dashboard's figures) when it was built by an
     * older version of Ancrage, or never: once after an upgrade; well under a second on a local base,
     * a minute or two on a national one (docs/performance.md).
     */
    private static void ensureDerivedData(DataSource ds, Path dir, Runnable rebuilding) {
        try {
            new DashboardFigures(DSL.using(ds, SQLDialect.H2, settings())).ensureCurrent(rebuilding);
        } catch (DataAccessException e) {
            LOG.error("Rebuilding the dashboard figures failed in {}", dir, e);
            throw new StoreOpeningException(StoreOpeningException.Reason.MIGRATION_FAILED, dir, e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True when this opening read the whole base (no mark of a clean close, or an old one). */
    public boolean wasReadWhole() {
        return readWhole;
    }

    /** True when this start created the database file (first start on this folder). */
    public boolean wasCreated() {
        return created;
    }

    /** The size of the database file in bytes; empty for an in-memory base. */
    public Optional<Long> fileSize() {
        if (lock == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.size(databaseFile(dataDirectory)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The backups of this data folder; empty for an in-memory base. */
    public Optional<Backups> backups() {
        return Optional.ofNullable(backups);
    }

    public Optional<StoreSettings> storeSettings() {
        return Optional.ofNullable(storeSettings);
    }

    /**
     * A backup of the open base, consistent (H2's {@code BACKUP TO} copies a committed state while
     * the application goes on).
     */
    public Backup backupNow(BackupKind kind) {
        if (backups == null) {
            throw new RuleViolationException("backup.error.inMemory");
        }
        return backups.online(dsl, kind);
    }

    /**
     * Shuts H2 down (committed data is already in the file; this only spares the next opening its
     * recovery), then makes the automatic backup if none was made today, then releases the folder.
     * Called at exit and by the shutdown hook; the second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean shut = shutdown(pool, url);
        if (lock != null) {
            if (shut) {
                CleanClose.mark(dataDirectory, databaseFile(dataDirectory), lastFullCheck);
            }
            try {
                if (backups.automaticDue()) {
                    backups.copyClosed(databaseFile(dataDirectory), BackupKind.AUTOMATIC);
                }
                backups.rotate(storeSettings.keptBackups());
            } catch (RuntimeException e) {
                LOG.error("The automatic backup of {} failed", dataDirectory, e);
            }
            lock.close();
        }
        LOG.info("Database closed ({})", dataDirectory);
    }

    /**
     * True when H2 closed the base (its file is then complete and no longer written). Through a
     * connection of its own: a pooled one would be rolled back after the SHUTDOWN and H2 would write
     * a trace file about it.
     */
    private static boolean shutdown(JdbcConnectionPool pool, String url) {
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
            return true;
        } catch (SQLException e) {
            LOG.warn("SHUTDOWN failed: the next opening reads the base whole", e);
            return false;
        } finally {
            pool.dispose();
        }
    }

    /**
     * Puts a backup in place of the data folder's base, which must not be open: the backup is
     * checked first (a damaged one is refused and nothing changes), then the current base is kept
     * as a backup « avant restauration », then replaced. Returns that kept copy, if there was a base.
     */
    public static Optional<Backup> restore(Path dataDirectory, Path backup, Clock clock) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try (FolderLock ignored = FolderLock.acquire(dir)) {
            Path staging = dir.resolve(".restauration");
            try {
                deleteStaging(staging);
                StoreFiles.createPrivateDirectories(staging);
                Path candidate = databaseFile(staging);
                Backups.extract(backup, candidate);
                try {
                    StoreCheck.check(staging, DATABASE_NAME, MIGRATIONS);
                } catch (StoreOpeningException e) {
                    if (e.reason() == StoreOpeningException.Reason.NEWER_VERSION) {
                        throw new RuleViolationException("backup.error.newer", backup.toString());
                    }
                    throw new RuleViolationException("backup.error.damaged", backup.toString());
                }
                Path file = databaseFile(dir);
                Files.deleteIfExists(dir.resolve(CleanClose.FILE));
                Optional<Backup> kept = Files.exists(file)
                        ? Optional.of(new Backups(dir, clock).copyClosed(file, BackupKind.BEFORE_RESTORE))
                        : Optional.empty();
                Backups.move(candidate, file);
                LOG.info("Backup {} restored in {} (previous base kept in {})", backup, dir,
                        kept.map(b -> b.file().toString()).orElse("-"));
                return kept;
            } catch (IOException e) {
                throw new RuleViolationException("backup.error.restore", dir.toString(), String.valueOf(e.getMessage()));
            } finally {
                deleteStaging(staging);
            }
        }
    }

    /**
     * The copy of the base kept before its structure is brought up to date (a zip: at most the
     * size of the base). A disk without room for it is said as such; nothing was changed yet.
     */
    private static Backup copyBeforeMigration(Path dir, Path file, Options options) {
        try {
            StoreFiles.requireSpace(dir, dir, Files.size(file));
            return new Backups(dir, options.clock()).copyClosed(file, BackupKind.BEFORE_MIGRATION);
        } catch (IOException | RuleViolationException e) {
            throw new StoreOpeningException(StoreFiles.diskFull(e) ? StoreOpeningException.Reason.NO_SPACE
                    : StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
    }

    /**
     * Salvages what can still be read of a damaged base into a new one (see {@link Salvage}); the
     * damaged file is kept aside, never modified. The base must not be open.
     */
    public static Salvage.Outcome repair(Path dataDirectory, Clock clock) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try (FolderLock ignored = FolderLock.acquire(dir)) {
            Files.deleteIfExists(dir.resolve(CleanClose.FILE));
            return new Salvage(dir, clock).run();
        } catch (IOException e) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
    }

    /**
     * Reads the whole base of a data folder read-only, as opening does, without opening it: the
     * check of the command line and of the benchmark. The base must not be open.
     */
    public static StoreCheck.Report check(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try (FolderLock ignored = FolderLock.acquire(dir)) {
            if (!Files.exists(databaseFile(dir))) {
                throw new StoreOpeningException(StoreOpeningException.Reason.EMPTY, dir, null);
            }
            return StoreCheck.check(dir, DATABASE_NAME, MIGRATIONS);
        }
    }

    static void deleteStaging(Path staging) {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (var files = Files.list(staging)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            LOG.warn("Could not delete the staging folder {}", staging, e);
        }
    }
}
