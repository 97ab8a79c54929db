package fr.ancrage.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Looks at a database file without ever writing to it: its first bytes (an empty or foreign file
 * is not an Ancrage base), then, opened read-only, every row of every table and every index (a
 * damaged page fails the read), and the schema version it was migrated to. H2 opened with
 * {@code ACCESS_MODE_DATA=r} leaves the file byte for byte as it was, so a damaged file stays
 * as the user had it.
 *
 * <p>A base whose process was killed in the middle of a large transaction (an import stopped
 * half-way) holds that transaction's unfinished changes: H2 must undo them when it opens the
 * base, which is a write, so it refuses the read-only opening. Such a base is not damaged: it is
 * checked on a copy opened read-write (H2 undoes the transaction there), and the base itself is
 * undone the same way when Ancrage opens it.
 */
public final class StoreCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCheck.class);
    /** Every H2 2.x MVStore file starts with its header, {@code H:2,block:…}. */
    private static final byte[] HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** What a readable base holds: its schema state and its rows per table. */
    public record Report(Schema schema, Map<String, Long> rowsPerTable, long millis) {
        public long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The schema version of a base against this build's migrations. */
    public record Schema(String installed, int pending, boolean newer, boolean failed) {
    }

    private StoreCheck() {
    }

    /** Throws {@link StoreOpeningException} EMPTY or FOREIGN when the file cannot be an H2 2 base. */
    static void checkHeader(Path file, Path dir) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(HEADER.length);
            if (start.length == 0) {
                throw new StoreOpeningException(StoreOpeningException.Reason.EMPTY, dir, null);
            }
            if (!java.util.Arrays.equals(start, HEADER)) {
                throw new StoreOpeningException(StoreOpeningException.Reason.FOREIGN, dir, null);
            }
        } catch (IOException e) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
    }

    /** The read-only URL of the base {@code <dir>/<name>.mv.db}: H2 writes nothing, not even a trace. */
    static String readOnlyUrl(Path dir, String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE";
    }

    /**
     * The quick check of a base Ancrage closed itself and read whole recently ({@link CleanClose}):
     * its header, its schema version (NEWER_VERSION if a newer Ancrage migrated it), read-only.
     */
    static Report quick(Path dir, String name, List<String> migrationLocations) {
        Path file = dir.resolve(name + ".mv.db");
        checkHeader(file, dir);
        long t0 = System.nanoTime();
        Schema schema;
        try {
            schema = schema(readOnlyUrl(dir, name), migrationLocations);
        } catch (RuntimeException e) {
            if (unfinishedTransaction(e)) {
                return checkCopy(dir, name, migrationLocations);
            }
            if (heldByAnotherProgram(e)) {
                throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, e);
            }
            LOG.error("The database {} cannot be opened read-only", file, e);
            throw new StoreOpeningException(StoreOpeningException.Reason.CORRUPT, dir,
                    new IOException("ouverture illisible", e));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Database {} closed properly by Ancrage: quick check in {} ms, schema {}", file, millis, schema);
        if (schema.newer()) {
            throw new StoreOpeningException(StoreOpeningException.Reason.NEWER_VERSION, dir, null);
        }
        return new Report(schema, Map.of(), millis);
    }

    /**
     * Reads the whole base read-only: CORRUPT if any row or index entry cannot be read, NEWER_VERSION
     * if a newer Ancrage migrated it. The file is not modified whatever happens.
     */
    static Report check(Path dir, String name, List<String> migrationLocations) {
        try {
            return readWhole(dir, name, migrationLocations);
        } catch (UnfinishedTransaction e) {
            return checkCopy(dir, name, migrationLocations);
        }
    }

    /** Thrown by {@link #readWhole} when H2 must undo an unfinished transaction to open the base. */
    private static final class UnfinishedTransaction extends RuntimeException {
        UnfinishedTransaction(Throwable cause) {
            super(cause);
        }
    }

    private static Report readWhole(Path dir, String name, List<String> migrationLocations) {
        Path file = dir.resolve(name + ".mv.db");
        checkHeader(file, dir);
        long t0 = System.nanoTime();
        Map<String, Long> rows = new TreeMap<>();
        Schema schema;
        String where = "";
        try (Connection c = DriverManager.getConnection(readOnlyUrl(dir, name), "sa", "")) {
            for (String table : tables(c)) {
                where = "table " + table;
                rows.put(table, readAll(c, table));
                for (Index index : indexes(c, table)) {
                    where = "table " + table + ", index " + index.name();
                    readIndex(c, table, index);
                }
            }
            where = "";
            schema = schema(readOnlyUrl(dir, name), migrationLocations);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreOpeningException s) {
                throw s;
            }
            if (unfinishedTransaction(e)) {
                LOG.warn("The database {} holds an unfinished transaction: it is checked on a copy", file);
                throw new UnfinishedTransaction(e);
            }
            LOG.error("The database {} cannot be read whole ({})", file, where.isEmpty() ? "opening" : where, e);
            if (heldByAnotherProgram(e)) {
                throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, e);
            }
            // the user reads where the damage is, the log keeps H2's whole message
            String code = e instanceof SQLException sql ? " (H2 " + sql.getErrorCode() + ")" : "";
            throw new StoreOpeningException(StoreOpeningException.Reason.CORRUPT, dir,
                    new IOException((where.isEmpty() ? "ouverture" : where) + " illisible" + code, e));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Database {} checked in {} ms: {} rows in {} tables, schema {}", file, millis,
                rows.values().stream().mapToLong(Long::longValue).sum(), rows.size(), schema);
        if (schema.newer()) {
            throw new StoreOpeningException(StoreOpeningException.Reason.NEWER_VERSION, dir, null);
        }
        return new Report(schema, rows, millis);
    }

    /**
     * Checks a copy of the base, opened read-write so that H2 undoes the unfinished transaction a
     * killed process left, then read whole read-only: CORRUPT if the copy cannot be opened or read.
     * The base itself is not touched; the copy is deleted whatever happens.
     */
    private static Report checkCopy(Path dir, String name, List<String> migrationLocations) {
        Path copy = dir.resolve(".verification");
        Database.deleteStaging(copy);
        try {
            Path file = dir.resolve(name + ".mv.db");
            StoreFiles.requireSpace(dir, dir, Files.size(file));
            StoreFiles.createPrivateDirectories(copy);
            Files.copy(file, copy.resolve(name + ".mv.db"));
        } catch (IOException e) {
            Database.deleteStaging(copy);
            throw new StoreOpeningException(StoreFiles.diskFull(e) ? StoreOpeningException.Reason.NO_SPACE
                    : StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
        try {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve(name)
                    + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.error("The copy of the database {} cannot be opened to undo its unfinished transaction", dir, e);
                throw new StoreOpeningException(StoreOpeningException.Reason.CORRUPT, dir,
                        new IOException("transaction inachevée impossible à annuler", e));
            }
            Report report = readWhole(copy, name, migrationLocations);
            LOG.info("The database in {} holds an unfinished transaction (a process stopped during a write): "
                    + "its copy opens and reads whole once it is undone", dir);
            return report;
        } catch (StoreOpeningException | UnfinishedTransaction e) {
            if (e instanceof StoreOpeningException s && s.reason() == StoreOpeningException.Reason.NEWER_VERSION) {
                throw new StoreOpeningException(StoreOpeningException.Reason.NEWER_VERSION, dir, null);
            }
            throw new StoreOpeningException(StoreOpeningException.Reason.CORRUPT, dir,
                    e.getCause() instanceof IOException io ? io : new IOException("copie illisible", e));
        } finally {
            Database.deleteStaging(copy);
        }
    }

    /**
     * H2 refuses the read-only opening because it would have to write: it must undo the changes of
     * a transaction that was not finished when its process stopped.
     */
    private static boolean unfinishedTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_WRITING_FAILED) {
                return true;
            }
        }
        return false;
    }

    /** H2's « database may be already in use » (90020): another program (an H2 console…) holds the file. */
    private static boolean heldByAnotherProgram(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private record Index(String name, List<String> columns) {
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<Index> indexes(Connection c, String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (var s = c.prepareStatement("select index_name, column_name from information_schema.index_columns "
                + "where table_schema = 'PUBLIC' and table_name = ? order by index_name, ordinal_position")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return columns.entrySet().stream().map(e -> new Index(e.getKey(), e.getValue())).toList();
    }

    private static long readAll(Connection c, String table) throws SQLException {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + quote(table))) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                n++;
            }
        }
        return n;
    }

    /** Walks an index in its order, reading only its columns: every page of the index is read. */
    private static void readIndex(Connection c, String table, Index index) throws SQLException {
        String cols = String.join(", ", index.columns().stream().map(StoreCheck::quote).toList());
        String sql = "select " + cols + " from " + quote(table) + " use index (" + quote(index.name()) + ") order by "
                + cols;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The schema state read through Flyway on a read-only connection (Flyway only reads for info). */
    static Schema schema(String url, List<String> migrationLocations) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        FluentConfiguration config = Flyway.configure()
                .dataSource(ds)
                .locations(migrationLocations.toArray(String[]::new));
        var info = config.load().info();
        boolean newer = false;
        boolean failed = false;
        for (MigrationInfo m : info.all()) {
            MigrationState state = m.getState();
            newer |= state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
            failed |= state.isFailed();
        }
        String installed = Optional.ofNullable(info.current()).map(m -> m.getVersion().getVersion()).orElse("0");
        return new Schema(installed, info.pending().length, newer, failed);
    }
}
