package fr.ancrage.persistence;

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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 database of one data folder, migrated by Flyway. A lock file keeps a second
 * instance out before H2 is touched, so that instance gets a clear message and the first one is
 * left undisturbed. The database file is never deleted or replaced here.
 */
public final class Database implements AutoCloseable {

    public static final String DATABASE_NAME = "ancrage";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path dataDirectory;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean created;

    private Database(Path dataDirectory, JdbcConnectionPool pool, FileChannel lockChannel, FileLock lock,
                     boolean created) {
        this.dataDirectory = dataDirectory;
        this.pool = pool;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.created = created;
        this.dsl = DSL.using(pool, SQLDialect.H2, settings());
    }

    public static Settings settings() {
        return new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }

    /** Opens (creating if needed) the database in the given folder and brings its schema up to date. */
    public static Database open(Path dataDirectory) {
        return open(dataDirectory, () -> { });
    }

    /**
     * As {@link #open(Path)}; {@code rebuilding} is called first when the data derived from the
     * records has to be rebuilt for this version, which may take a while on a large base.
     */
    public static Database open(Path dataDirectory, Runnable rebuilding) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, null);
        }
        FileChannel channel = null;
        FileLock fileLock;
        try {
            channel = FileChannel.open(dir.resolve("ancrage.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
        if (fileLock == null) {
            closeQuietly(channel);
            throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, null);
        }
        boolean created = !Files.exists(dir.resolve(DATABASE_NAME + ".mv.db"));
        String url = "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            probe(pool, dir);
            migrate(pool, dir);
            ensureDerivedData(pool, dir, rebuilding);
        } catch (StoreOpeningException e) {
            pool.dispose();
            release(fileLock, channel);
            throw e;
        }
        LOG.info("Database opened in {} (new: {})", dir, created);
        return new Database(dir, pool, channel, fileLock, created);
    }

    /** An in-memory database for tests and previews; nothing is written to disk. */
    public static Database inMemory(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrate(pool, Path.of("mem:" + name));
        ensureDerivedData(pool, Path.of("mem:" + name), () -> { });
        return new Database(Path.of("mem:" + name), pool, null, null, true);
    }

    private static void probe(DataSource ds, Path dir) {
        Path file = dir.resolve(DATABASE_NAME + ".mv.db");
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, null);
        }
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new StoreOpeningException(classify(e, Files.exists(file)), dir, e);
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

    private static void migrate(DataSource ds, Path dir) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load();
            var pending = flyway.info().pending();
            if (pending.length > 0) {
                LOG.info("Applying {} migration(s)", pending.length);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            LOG.error("Migration failed in {}", dir, e);
            boolean newer = e.getMessage() != null && e.getMessage().contains("applied migration not resolved");
            throw new StoreOpeningException(newer ? StoreOpeningException.Reason.NEWER_VERSION
                    : StoreOpeningException.Reason.MIGRATION_FAILED, dir, e);
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

    /** True when this start created the database file (first start on this folder). */
    public boolean wasCreated() {
        return created;
    }

    @Override
    public void close() {
        pool.dispose();
        if (lock != null) {
            release(lock, lockChannel);
        }
        LOG.info("Database closed ({})", dataDirectory);
    }

    private static void release(FileLock fileLock, FileChannel channel) {
        try {
            fileLock.release();
        } catch (IOException e) {
            LOG.warn("Could not release the lock file", e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing lock channel", e);
        }
    }
}
