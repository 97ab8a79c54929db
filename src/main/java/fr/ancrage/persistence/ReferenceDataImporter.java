package fr.ancrage.persistence;

import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.REFERENCE_METADATA;
import static fr.ancrage.persistence.jooq.Tables.REGION;

import fr.ancrage.domain.ReferenceDataVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the national territory reference data (regions, departments, EPCI, communes) shipped in
 * {@value #RESOURCE} into the database, once.
 *
 * <p>The resource is built by {@code tools/reference/build_reference_data.py} from the npm package
 * {@code @etalab/decoupage-administratif} (data under the Licence Ouverte / Etalab). It is a gzip
 * UTF-8 TSV file whose first column is the record type:
 * <pre>
 * #meta  key    value
 * R      code   name
 * D      code   name  regionCode
 * E      siren  name  nature  departmentCode  population
 * C      code   name  departmentCode  epciSiren  postcodes  population
 * </pre>
 * The import runs in a single transaction using JDBC batches, in foreign-key order. The loaded
 * version is recorded in {@code reference_metadata} under the {@code territories.*} keys.
 */
public final class ReferenceDataImporter {

    /** Classpath location of the territory resource. */
    public static final String RESOURCE = "/fr/ancrage/reference/territoires.tsv.gz";

    public static final String KEY_SOURCE = "territories.source";
    public static final String KEY_VERSION = "territories.version";
    public static final String KEY_GEOGRAPHY = "territories.geography";
    public static final String KEY_LICENCE = "territories.licence";
    public static final String KEY_REGIONS = "territories.count.regions";
    public static final String KEY_DEPARTMENTS = "territories.count.departments";
    public static final String KEY_EPCIS = "territories.count.epcis";
    public static final String KEY_COMMUNES = "territories.count.communes";
    public static final String KEY_IMPORTED_AT = "territories.imported_at";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataImporter.class);
    private static final String SUPPORTED_FORMAT = "1";
    private static final int BATCH_SIZE = 1000;

    /**
     * How far an import is, told from the importing thread after each batch: {@code table} is the
     * table's name in lower case ({@code region}, {@code department}, {@code epci}, {@code commune}).
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (table, done, total) -> { };

        void inserted(String table, int done, int total);
    }

    private final DSLContext dsl;
    private final String resource;

    public ReferenceDataImporter(DSLContext dsl) {
        this(dsl, RESOURCE);
    }

    ReferenceDataImporter(DSLContext dsl, String resource) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    /**
     * Imports the territory reference data unless a version is already recorded.
     *
     * @return the version now in the database (the existing one when nothing was imported)
     * @throws IllegalStateException if the resource is missing or malformed
     */
    public ReferenceDataVersion importIfMissing() {
        return importIfMissing(Progress.NONE);
    }

    /** As {@link #importIfMissing()}, telling {@code progress} the rows inserted so far, table by table. */
    public ReferenceDataVersion importIfMissing(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        Optional<ReferenceDataVersion> existing = currentVersion();
        if (existing.isPresent()) {
            LOG.debug("Territory reference data already present: {}", existing.get());
            return existing.get();
        }

        long start = System.nanoTime();
        Territories data = read();
        long parsed = System.nanoTime();

        ReferenceDataVersion result = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<ReferenceDataVersion> concurrent = readVersion(tx);
            if (concurrent.isPresent()) {
                return concurrent.get();
            }
            insert(tx, REGION, List.of(REGION.CODE, REGION.NAME), data.regions, progress);
            insert(tx, DEPARTMENT, List.of(DEPARTMENT.CODE, DEPARTMENT.NAME, DEPARTMENT.REGION_CODE),
                    data.departments, progress);
            insert(tx, EPCI, List.of(EPCI.SIREN, EPCI.NAME, EPCI.NATURE, EPCI.DEPARTMENT_CODE, EPCI.POPULATION),
                    data.epcis, progress);
            insert(tx, COMMUNE, List.of(COMMUNE.CODE, COMMUNE.NAME, COMMUNE.DEPARTMENT_CODE, COMMUNE.EPCI_SIREN,
                    COMMUNE.POSTCODES, COMMUNE.POPULATION), data.communes, progress);

            ReferenceDataVersion version = data.version();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put(KEY_SOURCE, version.source());
            metadata.put(KEY_VERSION, version.version());
            if (data.meta.containsKey("geography")) {
                metadata.put(KEY_GEOGRAPHY, data.meta.get("geography"));
            }
            if (data.meta.containsKey("licence")) {
                metadata.put(KEY_LICENCE, data.meta.get("licence"));
            }
            metadata.put(KEY_REGIONS, Integer.toString(version.regions()));
            metadata.put(KEY_DEPARTMENTS, Integer.toString(version.departments()));
            metadata.put(KEY_EPCIS, Integer.toString(version.epcis()));
            metadata.put(KEY_COMMUNES, Integer.toString(version.communes()));
            metadata.put(KEY_IMPORTED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            List<Object[]> rows = new ArrayList<>();
            metadata.forEach((key, value) -> rows.add(new Object[] {key, value}));
            insert(tx, REFERENCE_METADATA, List.of(REFERENCE_METADATA.META_KEY, REFERENCE_METADATA.META_VALUE), rows,
                    Progress.NONE);
            return version;
        });

        long end = System.nanoTime();
        LOG.info("Imported territory reference data {} ({} regions, {} departments, {} EPCI, {} communes) "
                        + "in {} ms (read {} ms, insert {} ms)",
                result.label(), result.regions(), result.departments(), result.epcis(), result.communes(),
                (end - start) / 1_000_000, (parsed - start) / 1_000_000, (end - parsed) / 1_000_000);
        return result;
    }

    /** The territory reference data version recorded in the database, if any. */
    public Optional<ReferenceDataVersion> currentVersion() {
        return readVersion(dsl);
    }

    private static Optional<ReferenceDataVersion> readVersion(DSLContext ctx) {
        Map<String, String> meta = ctx.select(REFERENCE_METADATA.META_KEY, REFERENCE_METADATA.META_VALUE)
                .from(REFERENCE_METADATA)
                .where(REFERENCE_METADATA.META_KEY.in(KEY_SOURCE, KEY_VERSION, KEY_REGIONS, KEY_DEPARTMENTS,
                        KEY_EPCIS, KEY_COMMUNES))
                .fetchMap(REFERENCE_METADATA.META_KEY, REFERENCE_METADATA.META_VALUE);
        String version = meta.get(KEY_VERSION);
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceDataVersion(
                meta.getOrDefault(KEY_SOURCE, "unknown"),
                version,
                count(ctx, meta.get(KEY_REGIONS), REGION),
                count(ctx, meta.get(KEY_DEPARTMENTS), DEPARTMENT),
                count(ctx, meta.get(KEY_EPCIS), EPCI),
                count(ctx, meta.get(KEY_COMMUNES), COMMUNE)));
    }

    private static int count(DSLContext ctx, String recorded, Table<?> table) {
        if (recorded != null) {
            try {
                return Integer.parseInt(recorded.trim());
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring malformed count '{}' for {}", recorded, table.getName());
            }
        }
        return ctx.fetchCount(table);
    }

    /** Inserts rows with one prepared statement per chunk of {@value #BATCH_SIZE} JDBC batch entries. */
    private static void insert(DSLContext tx, Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows,
                               Progress progress) {
        List<Object> placeholders = Collections.nCopies(fields.size(), null);
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            BatchBindStep batch = tx.batch(tx.insertInto(table).columns(fields).values(placeholders));
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE))) {
                batch = batch.bind(row);
            }
            batch.execute();
            progress.inserted(table.getName().toLowerCase(java.util.Locale.ROOT), Math.min(rows.size(), from + BATCH_SIZE),
                    rows.size());
        }
        LOG.debug("Inserted {} rows into {}", rows.size(), table.getName());
    }

    private Territories read() {
        try (InputStream raw = ReferenceDataImporter.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Territory reference resource not found: " + resource);
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                return Territories.parse(reader, resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read territory reference resource " + resource, e);
        }
    }

    /** Parsed and cross-checked content of the resource, rows ready to bind. */
    private static final class Territories {
        final Map<String, String> meta = new LinkedHashMap<>();
        final List<Object[]> regions = new ArrayList<>();
        final List<Object[]> departments = new ArrayList<>(128);
        final List<Object[]> epcis = new ArrayList<>(1300);
        final List<Object[]> communes = new ArrayList<>(36_000);

        static Territories parse(BufferedReader reader, String resource) throws IOException {
            Territories t = new Territories();
            Set<String> regionCodes = new HashSet<>();
            Set<String> departmentCodes = new HashSet<>();
            Set<String> epciSirens = new HashSet<>();
            Set<String> communeCodes = new HashSet<>(64_000);
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String where = resource + ":" + number;
                switch (f[0]) {
                    case "#meta" -> {
                        expect(f, 3, where);
                        t.meta.put(f[1], f[2]);
                    }
                    case "R" -> {
                        expect(f, 3, where);
                        unique(regionCodes, f[1], where);
                        t.regions.add(new Object[] {f[1], f[2]});
                    }
                    case "D" -> {
                        expect(f, 4, where);
                        references(regionCodes, f[3], "region", where);
                        unique(departmentCodes, f[1], where);
                        t.departments.add(new Object[] {f[1], f[2], f[3]});
                    }
                    case "E" -> {
                        expect(f, 6, where);
                        references(departmentCodes, f[4], "department", where);
                        unique(epciSirens, f[1], where);
                        t.epcis.add(new Object[] {f[1], f[2], f[3], f[4], integer(f[5], where)});
                    }
                    case "C" -> {
                        expect(f, 7, where);
                        references(departmentCodes, f[3], "department", where);
                        String epci = f[4].isEmpty() ? null : f[4];
                        if (epci != null) {
                            references(epciSirens, epci, "EPCI", where);
                        }
                        unique(communeCodes, f[1], where);
                        t.communes.add(new Object[] {f[1], f[2], f[3], epci, f[5].isEmpty() ? null : f[5],
                                integer(f[6], where)});
                    }
                    default -> {
                        if (!f[0].startsWith("#")) {
                            throw new IllegalStateException(where + ": unknown record type '" + f[0] + "'");
                        }
                    }
                }
            }
            String format = t.meta.get("format");
            if (format != null && !SUPPORTED_FORMAT.equals(format)) {
                throw new IllegalStateException(resource + ": unsupported format " + format);
            }
            if (!t.meta.containsKey("version")) {
                throw new IllegalStateException(resource + ": no '#meta version' line");
            }
            checkCount(t.meta, "count.regions", t.regions.size(), resource);
            checkCount(t.meta, "count.departments", t.departments.size(), resource);
            checkCount(t.meta, "count.epcis", t.epcis.size(), resource);
            checkCount(t.meta, "count.communes", t.communes.size(), resource);
            return t;
        }

        ReferenceDataVersion version() {
            return new ReferenceDataVersion(meta.getOrDefault("source", "unknown"), meta.get("version"),
                    regions.size(), departments.size(), epcis.size(), communes.size());
        }

        private static void expect(String[] fields, int count, String where) {
            if (fields.length != count) {
                throw new IllegalStateException(
                        where + ": expected " + count + " columns for '" + fields[0] + "', found " + fields.length);
            }
            for (int i = 1; i < Math.min(count, 3); i++) {
                if (fields[i].isEmpty()) {
                    throw new IllegalStateException(where + ": empty column " + (i + 1));
                }
            }
        }

        private static void unique(Set<String> seen, String key, String where) {
            if (!seen.add(key)) {
                throw new IllegalStateException(where + ": duplicate code " + key);
            }
        }

        private static void references(Set<String> known, String key, String kind, String where) {
            if (!known.contains(key)) {
                throw new IllegalStateException(where + ": unknown " + kind + " '" + key + "'");
            }
        }

        private static Integer integer(String text, String where) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": not a number '" + text + "'", e);
            }
        }

        private static void checkCount(Map<String, String> meta, String key, int actual, String resource) {
            String expected = meta.get(key);
            if (expected != null && !expected.equals(Integer.toString(actual))) {
                throw new IllegalStateException(
                        resource + ": " + key + " says " + expected + " but " + actual + " records were read");
            }
        }
    }
}
