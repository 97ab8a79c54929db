package fr.ancrage.persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * « Réparer »: copies every row that can still be read from a damaged base into a new one.
 * H2's own recovery tool was tried first on bases damaged at random places: it threw on some
 * (a {@code BufferUnderflowException} while dumping) and produced scripts that failed on a
 * duplicate primary key on others (it also recovers old versions of rows). So the salvage reads
 * through H2 itself, opened read-only: each table by ranges of row ids, a range that fails split
 * in two until the unreadable rows are isolated and left out. The new base is migrated to the
 * damaged one's schema version, filled with referential checks off, then cleared of rows whose
 * parent was lost; the dashboard's figures are rebuilt from what was saved.
 * <p>
 * The damaged file is moved, unchanged, to {@code endommagee-<date>/ancrage.mv.db}; the new base
 * is put in its place only when complete.
 */
public final class Salvage {

    /** Derived tables are rebuilt, the schema history comes from the new base's own migrations. */
    private static final Set<String> NOT_COPIED = Set.of("FLYWAY_SCHEMA_HISTORY", "DASHBOARD_FIGURE",
            "DASHBOARD_GAP", "DERIVED_DATA");
    private static final int BATCH = 1_000;
    private static final long WINDOW = 10_000;
    /** Failed range reads allowed per table before what is left of it is given up. */
    private static final int FAILED_READS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(Salvage.class);

    /** What a repair did: per table, the rows read against the rows the damaged base counted. */
    public record Outcome(Path damagedKeptAt, Map<String, long[]> tables, long orphansRemoved) {
        public long recovered() {
            return tables.values().stream().mapToLong(t -> t[0]).sum();
        }

        /** Rows the damaged base counted but could not hand back (−1 where it could not count). */
        public long lost() {
            return tables.values().stream().mapToLong(t -> t[1] < 0 ? 0 : Math.max(0, t[1] - t[0])).sum()
                    + orphansRemoved;
        }
    }

    private final Path dir;
    private final Clock clock;

    Salvage(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Outcome run() {
        Path file = Database.databaseFile(dir);
        if (!Files.exists(file)) {
            throw new StoreOpeningException(StoreOpeningException.Reason.EMPTY, dir, null);
        }
        StoreCheck.checkHeader(file, dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(clock));
        Path aside = dir.resolve("endommagee-" + stamp);
        Path staging = dir.resolve(".reparation");
        Database.deleteStaging(staging);
        try {
            StoreFiles.createPrivateDirectories(aside);
            Backups.move(file, Database.databaseFile(aside));
            StoreFiles.createPrivateDirectories(staging);
            String version;
            Outcome outcome;
            try (Connection from = DriverManager.getConnection(StoreCheck.readOnlyUrl(aside, Database.DATABASE_NAME), "sa", "")) {
                version = StoreCheck.schema(StoreCheck.readOnlyUrl(aside, Database.DATABASE_NAME),
                        Database.MIGRATIONS).installed();
                migrateTo(staging, version);
                try (Connection to = DriverManager.getConnection("jdbc:h2:file:" + staging.resolve(Database.DATABASE_NAME),
                        "sa", "")) {
                    outcome = copy(from, to, aside);
                }
            }
            Backups.move(Database.databaseFile(staging), file);
            LOG.warn("Repaired {}: {} rows recovered, {} lost; damaged file kept in {}", dir, outcome.recovered(),
                    outcome.lost(), aside);
            return outcome;
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("Repair of {} failed", dir, e);
            // the damaged file goes back where it was: the folder is as the user left it
            try {
                if (!Files.exists(file) && Files.exists(Database.databaseFile(aside))) {
                    Backups.move(Database.databaseFile(aside), file);
                    Files.deleteIfExists(aside);
                }
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            if (e instanceof StoreOpeningException s) {
                throw s;
            }
            // the user reads a short reason, the log keeps H2's whole message
            String code = e instanceof SQLException sql ? " (H2 " + sql.getErrorCode() + ")" : "";
            throw new StoreOpeningException(StoreOpeningException.Reason.CORRUPT, dir,
                    new IOException("la base ne s’ouvre pas en lecture" + code, e));
        } finally {
            Database.deleteStaging(staging);
        }
    }

    private static void migrateTo(Path staging, String version) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + staging.resolve(Database.DATABASE_NAME));
        ds.setUser("sa");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).locations(Database.MIGRATIONS.toArray(String[]::new)).target(version)
                .load().migrate();
    }

    private Outcome copy(Connection from, Connection to, Path aside) throws SQLException {
        Map<String, long[]> tables = new LinkedHashMap<>();
        try (Statement s = to.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
        }
        to.setAutoCommit(false);
        for (String table : StoreCheck.tables(to)) {
            if (NOT_COPIED.contains(table)) {
                continue;
            }
            try (Statement s = to.createStatement()) {
                // seeded rows (catalogue, templates) come back from the damaged base as they were there
                s.executeUpdate("delete from " + StoreCheck.quote(table));
            }
            long expected = count(from, table);
            long[] read = {0};
            List<String> columns = columns(to, table);
            long[] bounds = rowIdBounds(from, table);
            int[] budget = {FAILED_READS};
            if (bounds[0] == Long.MIN_VALUE) {
                copyRange(from, to, table, columns, bounds[0], bounds[1], read, budget);
            } else {
                // windows of row ids: a window's rows are held in memory before they are inserted
                for (long lo = bounds[0]; lo <= bounds[1] && lo >= bounds[0]; lo += WINDOW) {
                    copyRange(from, to, table, columns, lo, Math.min(bounds[1], lo + WINDOW - 1), read, budget);
                }
            }
            tables.put(table, new long[] {read[0], expected});
        }
        to.commit();
        long orphans = removeOrphans(to);
        try (Statement s = to.createStatement()) {
            // a base whose identity could not be read gets a new one (decision 0019)
            s.executeUpdate("insert into base_identity (id, name, created_at, clock) select random_uuid(), '', "
                    + "current_timestamp, 0 where not exists (select 1 from base_identity)");
        }
        to.commit();
        try (Statement s = to.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        to.commit();
        return new Outcome(aside, tables, orphans);
    }

    /** The lowest and highest row ids, or the whole range when even they cannot be read. */
    private static long[] rowIdBounds(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(_rowid_), max(_rowid_) from "
                + StoreCheck.quote(table))) {
            rs.next();
            return rs.getObject(1) == null ? new long[] {0, -1} : new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
    }

    private static long count(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + StoreCheck.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        return names(c, "select column_name from information_schema.columns "
                + "where table_schema = 'PUBLIC' and table_name = ? order by ordinal_position", table);
    }

    /** The first column of a one-parameter query on the schema, in order. */
    private static List<String> names(Connection c, String sql, String parameter) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * Copies the rows whose row id is in [lo, hi]; a range that cannot be read is split in two,
     * down to single row ids, which are then left out.
     */
    private static void copyRange(Connection from, Connection to, String table, List<String> columns, long lo, long hi,
                                  long[] read, int[] budget) throws SQLException {
        if (lo > hi) {
            return;
        }
        String cols = String.join(", ", columns.stream().map(StoreCheck::quote).toList());
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = from.prepareStatement("select " + cols + " from " + StoreCheck.quote(table)
                + " where _rowid_ between ? and ? order by _rowid_")) {
            s.setLong(1, lo);
            s.setLong(2, hi);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            if (lo == hi) {
                LOG.warn("Row {} of {} cannot be read: left out", lo, table);
                return;
            }
            if (--budget[0] < 0) {
                LOG.warn("Rows {} to {} of {} cannot be read: left out", lo, hi, table);
                return;
            }
            long mid = Math.floorDiv(lo, 2) + Math.floorDiv(hi, 2) + ((lo & 1) & (hi & 1));
            copyRange(from, to, table, columns, lo, mid, read, budget);
            copyRange(from, to, table, columns, mid + 1, hi, read, budget);
            return;
        }
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        try (PreparedStatement insert = to.prepareStatement("insert into " + StoreCheck.quote(table) + " (" + cols
                + ") overriding system value values (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        read[0] += rows.size();
    }

    /** Deletes, until none is left, the rows whose parent row was lost; returns how many. */
    private static long removeOrphans(Connection c) throws SQLException {
        record Reference(String child, List<String> childColumns, String parent, List<String> parentColumns) {
        }
        List<Reference> references = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select fk.table_name, fk.constraint_name, pk.table_name
                from information_schema.referential_constraints r
                join information_schema.table_constraints fk on fk.constraint_name = r.constraint_name
                  and fk.constraint_schema = r.constraint_schema
                join information_schema.table_constraints pk on pk.constraint_name = r.unique_constraint_name
                  and pk.constraint_schema = r.unique_constraint_schema
                where r.constraint_schema = 'PUBLIC'""")) {
            while (rs.next()) {
                references.add(new Reference(rs.getString(1), keyColumns(c, rs.getString(2)), rs.getString(3),
                        uniqueColumnsOf(c, rs.getString(2))));
            }
        }
        long removed = 0;
        for (boolean again = true; again; ) {
            again = false;
            for (Reference r : references) {
                if (NOT_COPIED.contains(r.child())) {
                    continue;
                }
                StringBuilder notNull = new StringBuilder();
                StringBuilder join = new StringBuilder();
                for (int i = 0; i < r.childColumns().size(); i++) {
                    String cc = "c." + StoreCheck.quote(r.childColumns().get(i));
                    notNull.append(i == 0 ? "" : " and ").append(cc).append(" is not null");
                    join.append(i == 0 ? "" : " and ").append("p.").append(StoreCheck.quote(r.parentColumns().get(i)))
                            .append(" = ").append(cc);
                }
                try (Statement s = c.createStatement()) {
                    int n = s.executeUpdate("delete from " + StoreCheck.quote(r.child()) + " c where " + notNull
                            + " and not exists (select 1 from " + StoreCheck.quote(r.parent()) + " p where " + join + ")");
                    if (n > 0) {
                        LOG.warn("{} row(s) of {} lost their {} row: removed", n, r.child(), r.parent());
                        removed += n;
                        again = true;
                    }
                }
            }
        }
        return removed;
    }

    private static List<String> keyColumns(Connection c, String constraint) throws SQLException {
        return names(c, "select column_name from information_schema.key_column_usage "
                + "where constraint_schema = 'PUBLIC' and constraint_name = ? order by ordinal_position", constraint);
    }

    /** The referenced columns of a foreign key, in the order of its own columns. */
    private static List<String> uniqueColumnsOf(Connection c, String constraint) throws SQLException {
        return names(c, """
                select u.column_name from information_schema.key_column_usage k
                join information_schema.referential_constraints r on r.constraint_name = k.constraint_name
                  and r.constraint_schema = k.constraint_schema
                join information_schema.key_column_usage u on u.constraint_name = r.unique_constraint_name
                  and u.constraint_schema = r.unique_constraint_schema
                  and u.ordinal_position = k.position_in_unique_constraint
                where k.constraint_schema = 'PUBLIC' and k.constraint_name = ? order by k.ordinal_position""",
                constraint);
    }
}
