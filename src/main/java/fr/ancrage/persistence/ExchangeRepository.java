package fr.ancrage.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.exchange.CatchUp;
import fr.ancrage.domain.exchange.Clock;
import fr.ancrage.domain.exchange.FieldValue;
import fr.ancrage.domain.exchange.RecordState;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static fr.ancrage.persistence.jooq.Tables.BASE_IDENTITY;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SEQUENCE;
import static fr.ancrage.persistence.jooq.Tables.EXCHANGE_ALIAS;
import static fr.ancrage.persistence.jooq.Tables.EXCHANGE_LOG;
import static fr.ancrage.persistence.jooq.Tables.EXCHANGE_RECORD;

/**
 * What the exchange keeps in a base (decision 0019): the clock of every field of every record
 * that travels, brought up to date with the records before each exchange ({@link #catchUp}), the
 * generic writing of a merged record ({@link #write}), the ids another base gave to the same
 * thing, and the history of packages.
 */
public final class ExchangeRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as this base holds it now, with its row (null once deleted) and the values its fields had before their last change here. */
    public record Local(RecordState state, Map<String, FieldValue> previous, ExchangeRows.Row row) {
        public boolean exists() {
            return row != null;
        }

        public Instant createdAt() {
            return row == null ? null : row.createdAt();
        }
    }

    /** One package made or imported. */
    public record LogEntry(UUID id, String direction, UUID packageId, Instant packageAt, UUID peerId, String peerName,
                           String scopeKind, String scopeLabel, Instant doneAt, long clockAt, String counts,
                           String outcome, String report) {
    }

    private final DSLContext dsl;
    private final ExchangeRows rows;
    private final Map<UUID, fr.ancrage.persistence.jooq.tables.records.ExchangeRecordRecord> pending =
            new LinkedHashMap<>();

    ExchangeRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.rows = new ExchangeRows(dsl);
    }

    // --- Fields -------------------------------------------------------------------------------

    /**
     * What is wrong with {@code value} for the field {@code field} of a record of {@code kind}: null
     * when it fits, else the last part of a key {@code exchange.value.*} ({@code unknownField},
     * {@code tooLong}, {@code date}...).
     */
    public static String valueProblem(ExchangeKind kind, String field, String value) {
        var column = ExchangeRows.fieldsByName(kind).get(field);
        if (column != null) {
            return ExchangeRows.problem(column, value);
        }
        if (ExchangeRows.lists(kind).containsKey(field)) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            for (String id : value.split(",", -1)) {
                try {
                    if (!UUID.fromString(id).toString().equals(id)) {
                        return "uuid";
                    }
                } catch (IllegalArgumentException e) {
                    return "uuid";
                }
            }
            return null;
        }
        if (kind == ExchangeKind.ENGAGEMENT && field.startsWith(ExchangeRows.TARGET)) {
            String[] parts = field.split("/", -1);
            try {
                if (parts.length != 3 || !UUID.fromString(parts[1]).toString().equals(parts[1])
                        || !parts[2].matches("\\d{4}")) {
                    return "unknownField";
                }
            } catch (IllegalArgumentException e) {
                return "unknownField";
            }
            if (value == null) {
                return null;
            }
            try {
                var d = new java.math.BigDecimal(value);
                return d.signum() < 0 || d.scale() > 2 || d.precision() - d.scale() > 13 ? "number" : null;
            } catch (NumberFormatException e) {
                return "number";
            }
        }
        return "unknownField";
    }

    /** The column fields of {@code kind}, in table order. */
    public static List<String> fieldNames(ExchangeKind kind) {
        return new ArrayList<>(ExchangeRows.fieldsByName(kind).keySet());
    }

    /** The fields of {@code kind} that name another record, with its kind (lists of ids included). */
    public static Map<String, ExchangeKind> referenceFields(ExchangeKind kind) {
        Map<String, ExchangeKind> m = new TreeMap<>(ExchangeRows.references(kind));
        m.putAll(ExchangeRows.lists(kind));
        return m;
    }

    /** The fields of {@code kind} that name reference data (department, EPCI, commune), with the column they name. */
    public static Map<String, Field<?>> referenceDataFields(ExchangeKind kind) {
        return ExchangeRows.referenceData(kind);
    }

    /** Is {@code field} one of the lists of ids (comma-separated)? */
    public static boolean isList(ExchangeKind kind, String field) {
        return ExchangeRows.lists(kind).containsKey(field);
    }

    /** The target fields of an engagement: {@code target/<indicatorId>/<year>}. */
    public static final String TARGET_PREFIX = ExchangeRows.TARGET;

    // --- This base -----------------------------------------------------------------------------

    public UUID baseId() {
        return dsl.select(BASE_IDENTITY.ID).from(BASE_IDENTITY).fetchSingle().value1();
    }

    public String baseName() {
        return dsl.select(BASE_IDENTITY.NAME).from(BASE_IDENTITY).fetchSingle().value1();
    }

    /**
     * The next value of this base's exchange counter, for the changes of one exchange: at least the
     * time in milliseconds, so that a base put back from an older backup (its counter older too)
     * never gives a new change a counter another base has already seen from it.
     */
    public long nextClock() {
        dsl.update(BASE_IDENTITY).set(BASE_IDENTITY.CLOCK, DSL.greatest(BASE_IDENTITY.CLOCK.plus(1),
                DSL.val(System.currentTimeMillis()))).execute();
        return dsl.select(BASE_IDENTITY.CLOCK).from(BASE_IDENTITY).fetchSingle().value1();
    }

    // --- Records -------------------------------------------------------------------------------

    /**
     * The records {@code ids} of {@code kind} as they stand, their changes since the last exchange
     * marked as changes of this base at {@code counter} (and kept). Ids the base never had are left out.
     */
    public Map<UUID, Local> catchUp(ExchangeKind kind, Collection<UUID> ids, long counter) {
        UUID me = baseId();
        Map<UUID, ExchangeRows.Row> current = rows.read(kind, ids);
        Map<UUID, Stored> known = known(ids);
        Map<UUID, Local> result = new LinkedHashMap<>();
        for (UUID id : new java.util.LinkedHashSet<>(ids)) {
            ExchangeRows.Row row = current.get(id);
            Stored stored = known.get(id);
            if (stored != null && !stored.state().kind().equals(kind.label())) {
                continue;
            }
            CatchUp.Caught caught = CatchUp.of(id, kind.label(), stored == null ? null : stored.state(),
                    stored == null ? null : stored.previous(), row == null ? null : row.values(), me, counter);
            if (caught == null) {
                continue;
            }
            Integer version = row == null ? null : row.version();
            if (caught.changed() || stored == null || !java.util.Objects.equals(stored.version(), version)) {
                save(caught.state(), caught.previous(), version, caught.changed() ? counter : stored.changedSeq());
            }
            result.put(id, new Local(caught.state(), caught.previous(), row));
        }
        flush();
        return result;
    }

    /**
     * Brings every record of every kind up to date (the records changed, created or deleted since
     * they were last seen), as {@link #catchUp} does; before a package of the whole base or of the changes.
     */
    public void catchUpAll(long counter) {
        for (ExchangeKind kind : ExchangeKind.values()) {
            flush();
            Field<UUID> id = ExchangeRows.id(kind);
            Field<Integer> version = kind.table().field("version", Integer.class);
            List<UUID> ids = new ArrayList<>(dsl.select(id).from(kind.table())
                    .whereNotExists(DSL.selectOne().from(EXCHANGE_RECORD).where(EXCHANGE_RECORD.ID.eq(id))
                            .and(EXCHANGE_RECORD.SEEN_VERSION.eq(version)))
                    .fetch(id));
            ids.addAll(dsl.select(EXCHANGE_RECORD.ID).from(EXCHANGE_RECORD)
                    .where(EXCHANGE_RECORD.KIND.eq(kind.label())).and(EXCHANGE_RECORD.SEEN_VERSION.isNotNull())
                    .andNotExists(DSL.selectOne().from(kind.table()).where(id.eq(EXCHANGE_RECORD.ID)))
                    .fetch(EXCHANGE_RECORD.ID));
            if (!ids.isEmpty()) {
                catchUp(kind, ids, counter);
            }
        }
    }

    /** The ids of {@code kind} whose exchange state changed after {@code seq} (tombstones included). */
    public List<UUID> changedSince(ExchangeKind kind, long seq) {
        flush();
        return dsl.select(EXCHANGE_RECORD.ID).from(EXCHANGE_RECORD).where(EXCHANGE_RECORD.KIND.eq(kind.label()))
                .and(EXCHANGE_RECORD.CHANGED_SEQ.gt(seq)).orderBy(EXCHANGE_RECORD.ID).fetch(EXCHANGE_RECORD.ID);
    }

    /** Every id of {@code kind} the exchange knows (tombstones included). */
    public List<UUID> knownIds(ExchangeKind kind) {
        return changedSince(kind, -1);
    }

    /** The ids of {@code kind} in the base. */
    public List<UUID> ids(ExchangeKind kind) {
        return dsl.select(ExchangeRows.id(kind)).from(kind.table()).orderBy(ExchangeRows.id(kind))
                .fetch(ExchangeRows.id(kind));
    }

    /** The ids of {@code kind} owned by one of {@code owners} (engagements of conventions...). */
    public List<UUID> owned(ExchangeKind kind, Collection<UUID> owners) {
        if (kind.owner() == null || owners.isEmpty()) {
            return List.of();
        }
        List<UUID> found = new ArrayList<>();
        List<UUID> all = new ArrayList<>(owners);
        for (int i = 0; i < all.size(); i += 1000) {
            found.addAll(dsl.select(ExchangeRows.id(kind)).from(kind.table())
                    .where(kind.owner().in(all.subList(i, Math.min(all.size(), i + 1000))))
                    .fetch(ExchangeRows.id(kind)));
        }
        return found;
    }

    /** The conventions of a department ({@code epci} null) or of an EPCI. */
    public List<UUID> conventionsOf(String department, String epci) {
        return dsl.select(CONVENTION.ID).from(CONVENTION)
                .where(epci == null ? CONVENTION.DEPARTMENT_CODE.eq(department) : CONVENTION.EPCI_SIREN.eq(epci))
                .orderBy(CONVENTION.ID).fetch(CONVENTION.ID);
    }

    /** The QPVs of a department or EPCI. */
    public List<UUID> qpvsOf(String department, String epci) {
        var q = fr.ancrage.persistence.jooq.Tables.QPV;
        return dsl.select(q.ID).from(q).where(epci == null ? q.DEPARTMENT_CODE.eq(department) : q.EPCI_SIREN.eq(epci))
                .fetch(q.ID);
    }

    /** The kind of the record that owns records of {@code kind} (they travel with it), or null. */
    public static ExchangeKind ownerKind(ExchangeKind kind) {
        return kind.owner() == null ? null : ExchangeRows.references(kind).get(ExchangeRows.name(kind.owner()));
    }

    /** The field naming the owner of a record of {@code kind}, or null. */
    public static String ownerField(ExchangeKind kind) {
        return kind.owner() == null ? null : ExchangeRows.name(kind.owner());
    }

    /** A record of the base that names another by one of its fields (or in one of its lists). */
    public record Referrer(ExchangeKind kind, UUID id, String field, UUID target) {
    }

    /**
     * The records of the base that name one of {@code ids} (records of {@code kind}) by a field: the
     * records a deletion of them would take along (cascade) or be refused by (a reference kept).
     */
    public List<Referrer> referrers(ExchangeKind kind, Collection<UUID> ids) {
        List<Referrer> found = new ArrayList<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<UUID> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (ExchangeKind k : ExchangeKind.values()) {
            Map<String, Field<?>> columns = ExchangeRows.fieldsByName(k);
            ExchangeRows.references(k).forEach((field, target) -> {
                if (target != kind) {
                    return;
                }
                @SuppressWarnings("unchecked")
                Field<UUID> column = (Field<UUID>) columns.get(field);
                Field<UUID> id = ExchangeRows.id(k);
                for (int i = 0; i < all.size(); i += 1000) {
                    dsl.select(id, column).from(k.table()).where(column.in(all.subList(i, Math.min(all.size(), i + 1000))))
                            .forEach(r -> found.add(new Referrer(k, r.value1(), field, r.value2())));
                }
            });
        }
        // the lists kept in link tables: a convention's or an engagement's QPVs, an action type's indicators
        for (ExchangeKind k : ExchangeKind.values()) {
            ExchangeRows.lists(k).forEach((field, target) -> {
                if (target != kind) {
                    return;
                }
                ExchangeRows.ListColumns link = ExchangeRows.listColumns(k, field);
                for (int i = 0; i < all.size(); i += 1000) {
                    dsl.select(link.holder(), link.listed()).from(((org.jooq.TableField<?, ?>) link.holder()).getTable())
                            .where(link.listed().in(all.subList(i, Math.min(all.size(), i + 1000))))
                            .forEach(r -> found.add(new Referrer(k, r.value1(), field, r.value2())));
                }
            });
        }
        return found;
    }

    /** The conventions of these engagements. */
    public Map<UUID, UUID> conventionsOfEngagements(Collection<UUID> engagements) {
        Map<UUID, UUID> m = new HashMap<>();
        List<UUID> all = new ArrayList<>(engagements);
        var e = fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
        for (int i = 0; i < all.size(); i += 1000) {
            dsl.select(e.ID, e.CONVENTION_ID).from(e).where(e.ID.in(all.subList(i, Math.min(all.size(), i + 1000))))
                    .forEach(r -> m.put(r.value1(), r.value2()));
        }
        return m;
    }

    /**
     * Runs {@code write}, which may change anything of these conventions, and brings the dashboard's
     * figures along in the same transaction (decision 0007), as the repositories do for one;
     * {@code created}: those of them that {@code write} creates (absent before), added set-based.
     */
    public void trackingFigures(Collection<UUID> conventions, Collection<UUID> created, Runnable write,
                                BooleanSupplier cancelled) {
        DashboardFigures figures = new DashboardFigures(dsl);
        Map<UUID, DashboardFigures.Contribution> before = new LinkedHashMap<>();
        for (UUID c : new java.util.LinkedHashSet<>(conventions)) {
            if (!created.contains(c)) {
                before.put(c, figures.contribution(c));
            }
        }
        write.run();
        DashboardRebuild.stopIf(cancelled);
        before.forEach((c, was) -> figures.apply(was, figures.contribution(c)));
        // the conventions new to the base add to the figures set by set, not line by line
        new DashboardRebuild(dsl).addConventions(created, cancelled);
    }

    /** Does the base hold this record (not deleted)? */
    public boolean exists(ExchangeKind kind, UUID id) {
        return dsl.fetchExists(kind.table(), ExchangeRows.id(kind).eq(id));
    }

    /** Does the reference data hold this code ({@code column}: department, EPCI or commune code)? */
    public boolean referenceExists(Field<?> column, String code) {
        @SuppressWarnings("unchecked")
        Field<String> c = (Field<String>) column;
        return dsl.fetchExists(((org.jooq.TableField<?, ?>) column).getTable(), c.eq(code));
    }

    /**
     * Writes the merged record: inserted, updated where its values differ from the base's, or
     * deleted for a tombstone; and keeps its exchange state, marked changed at {@code counter}.
     */
    public void write(ExchangeKind kind, Local local, RecordState merged, Instant createdAt, Instant now,
                      long counter) {
        ExchangeRows.Row row = local == null ? null : local.row();
        Integer version;
        try {
            if (merged.isDeleted()) {
                if (row != null) {
                    rows.delete(kind, merged.id());
                }
                version = null;
            } else {
                version = rows.write(kind, merged.id(), row, merged.values(), createdAt == null ? now : createdAt, now);
            }
        } catch (org.jooq.exception.DataAccessException e) {
            throw refusedByTheDatabase(kind.label() + " ", merged.id(), e);
        }
        save(merged, local == null ? Map.of() : local.previous(), version, counter);
    }

    /** The values of every record of {@code kind}, as the exchange sees them (to compare two bases). */
    public Map<UUID, Map<String, String>> values(ExchangeKind kind) {
        Map<UUID, Map<String, String>> m = new TreeMap<>();
        rows.readAll(kind).forEach((id, r) -> m.put(id, r.values()));
        return m;
    }

    /** The values of one record of {@code kind}, as the exchange sees them; empty when the base has none. */
    public Map<String, String> values(ExchangeKind kind, UUID id) {
        ExchangeRows.Row row = rows.read(kind, List.of(id)).get(id);
        return row == null ? Map.of() : row.values();
    }

    /** A record's version and times in this base. */
    public record Meta(int version, Instant createdAt, Instant updatedAt) {
    }

    /** The metadata of the records as the base holds them (for a package). */
    public Map<UUID, Meta> rows(ExchangeKind kind, Collection<UUID> ids) {
        Map<UUID, Meta> m = new LinkedHashMap<>();
        rows.read(kind, ids).forEach((id, r) -> m.put(id, new Meta(r.version(), r.createdAt(), r.updatedAt())));
        return m;
    }

    /** The exchange states of these ids (live or tombstones), as kept. */
    public Map<UUID, RecordState> states(Collection<UUID> ids) {
        Map<UUID, RecordState> m = new LinkedHashMap<>();
        known(ids).forEach((id, s) -> m.put(id, s.state()));
        return m;
    }

    /**
     * For each candidate (its id in the package → its values), the record of {@code kind} here that
     * is the same real-world thing, found by the kind's identity fields (text compared without
     * case): the id here. One query per thousand candidates, narrowed by the first identity field.
     */
    public Map<UUID, UUID> sameThings(ExchangeKind kind, Map<UUID, Map<String, String>> candidates) {
        if (kind.identityFields().isEmpty() || candidates.isEmpty()) {
            return Map.of();
        }
        Map<String, Field<?>> columns = ExchangeRows.fieldsByName(kind);
        Map<List<String>, List<UUID>> wanted = new LinkedHashMap<>();
        candidates.forEach((id, values) -> {
            List<String> key = identityKey(kind, columns, values::get);
            if (key != null) {
                wanted.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
        });
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Field<UUID> id = ExchangeRows.id(kind);
        Field<?> narrow = columns.get(kind.identityFields().getFirst());
        List<Field<?>> selected = new ArrayList<>(List.of(id));
        kind.identityFields().forEach(name -> selected.add(columns.get(name)));
        List<String> firsts = new ArrayList<>(new java.util.LinkedHashSet<>(wanted.keySet().stream()
                .map(List::getFirst).toList()));
        Map<List<String>, UUID> found = new HashMap<>();
        for (int i = 0; i < firsts.size(); i += 1000) {
            List<String> chunk = firsts.subList(i, Math.min(firsts.size(), i + 1000));
            org.jooq.Condition where = narrow.getType() == String.class
                    ? DSL.lower(narrow.coerce(String.class)).in(chunk)
                    : narrow.coerce(Object.class).in(chunk.stream().map(v -> ExchangeRows.parse(narrow, v)).toList());
            dsl.select(selected).from(kind.table()).where(where).orderBy(id).forEach(r -> {
                List<String> key = identityKey(kind, columns, name -> ExchangeRows.canonical(r.get(columns.get(name))));
                if (key != null) {
                    found.putIfAbsent(key, r.get(id));
                }
            });
        }
        Map<UUID, UUID> same = new HashMap<>();
        wanted.forEach((key, ids) -> {
            UUID here = found.get(key);
            if (here != null) {
                ids.forEach(foreign -> same.put(foreign, here));
            }
        });
        return same;
    }

    /** The identity of a record: its identity fields' values (text in lower case), null if one is blank. */
    private static List<String> identityKey(ExchangeKind kind, Map<String, Field<?>> columns,
                                            java.util.function.Function<String, String> value) {
        List<String> key = new ArrayList<>();
        for (String name : kind.identityFields()) {
            String v = value.apply(name);
            if (v == null || v.isBlank()) {
                return null;
            }
            Field<?> column = columns.get(name);
            key.add(column.getType() == String.class ? v.toLowerCase(java.util.Locale.ROOT)
                    : ExchangeRows.canonical(ExchangeRows.parse(column, v)));
        }
        return key;
    }

    /** The convention holding {@code reference}, if any. */
    public Optional<UUID> conventionWithReference(String reference) {
        return dsl.select(CONVENTION.ID).from(CONVENTION).where(CONVENTION.REFERENCE.eq(reference))
                .fetchOptional(CONVENTION.ID);
    }

    /**
     * After an import: the numbering of {@code <dept>-<year>-<n>} goes on after the highest number
     * of these references, so that the next convention made here never takes one of them.
     */
    public void advanceNumbering(Collection<String> references) {
        Map<String, Integer> highest = new HashMap<>();
        for (String ref : references) {
            String[] p = ref == null ? new String[0] : ref.split("-");
            if (p.length != 3 || p[0].isEmpty() || p[0].length() > 3 || !p[1].matches("\\d{4}")
                    || !p[2].matches("\\d{1,6}")) {
                continue;
            }
            highest.merge(p[0] + "-" + p[1], Integer.parseInt(p[2]), Math::max);
        }
        highest.forEach((key, number) -> {
            String department = key.substring(0, key.indexOf('-'));
            int year = Integer.parseInt(key.substring(key.indexOf('-') + 1));
            int updated = dsl.update(CONVENTION_SEQUENCE).set(CONVENTION_SEQUENCE.LAST_NUMBER,
                            DSL.greatest(CONVENTION_SEQUENCE.LAST_NUMBER, DSL.val(number)))
                    .where(CONVENTION_SEQUENCE.DEPARTMENT_CODE.eq(department))
                    .and(CONVENTION_SEQUENCE.YEAR_NUMBER.eq(year)).execute();
            if (updated == 0) {
                dsl.insertInto(CONVENTION_SEQUENCE).set(CONVENTION_SEQUENCE.DEPARTMENT_CODE, department)
                        .set(CONVENTION_SEQUENCE.YEAR_NUMBER, year).set(CONVENTION_SEQUENCE.LAST_NUMBER, number)
                        .execute();
            }
        });
    }

    // --- Aliases -------------------------------------------------------------------------------

    public Map<UUID, UUID> aliases() {
        Map<UUID, UUID> m = new HashMap<>();
        dsl.selectFrom(EXCHANGE_ALIAS).forEach(r -> m.put(r.getForeignId(), r.getLocalId()));
        return m;
    }

    public void alias(UUID foreign, UUID local, ExchangeKind kind) {
        dsl.mergeInto(EXCHANGE_ALIAS).using(DSL.selectOne())
                .on(EXCHANGE_ALIAS.FOREIGN_ID.eq(foreign))
                .whenMatchedThenUpdate().set(EXCHANGE_ALIAS.LOCAL_ID, local)
                .whenNotMatchedThenInsert(EXCHANGE_ALIAS.FOREIGN_ID, EXCHANGE_ALIAS.LOCAL_ID, EXCHANGE_ALIAS.KIND)
                .values(foreign, local, kind.label()).execute();
    }

    // --- History -------------------------------------------------------------------------------

    public void log(LogEntry e) {
        dsl.insertInto(EXCHANGE_LOG)
                .set(EXCHANGE_LOG.ID, e.id()).set(EXCHANGE_LOG.DIRECTION, e.direction())
                .set(EXCHANGE_LOG.PACKAGE_ID, e.packageId()).set(EXCHANGE_LOG.PACKAGE_AT, Times.odt(e.packageAt()))
                .set(EXCHANGE_LOG.PEER_ID, e.peerId()).set(EXCHANGE_LOG.PEER_NAME, e.peerName())
                .set(EXCHANGE_LOG.SCOPE_KIND, e.scopeKind()).set(EXCHANGE_LOG.SCOPE_LABEL, e.scopeLabel())
                .set(EXCHANGE_LOG.DONE_AT, Times.odt(e.doneAt())).set(EXCHANGE_LOG.CLOCK_AT, e.clockAt())
                .set(EXCHANGE_LOG.COUNTS, e.counts()).set(EXCHANGE_LOG.OUTCOME, e.outcome())
                .set(EXCHANGE_LOG.REPORT, e.report()).execute();
    }

    /** The history, newest first. */
    public List<LogEntry> history() {
        return dsl.selectFrom(EXCHANGE_LOG).orderBy(EXCHANGE_LOG.DONE_AT.desc(), EXCHANGE_LOG.CLOCK_AT.desc())
                .fetch(r -> new LogEntry(r.getId(), r.getDirection(), r.getPackageId(), Times.instant(r.getPackageAt()),
                        r.getPeerId(), r.getPeerName(), r.getScopeKind(), r.getScopeLabel(),
                        Times.instant(r.getDoneAt()), r.getClockAt(), r.getCounts(), r.getOutcome(), r.getReport()));
    }

    // --- Storage of the exchange state ---------------------------------------------------------

    private record Stored(RecordState state, Map<String, FieldValue> previous, Integer version, long changedSeq) {
    }

    private Map<UUID, Stored> known(Collection<UUID> ids) {
        flush();
        Map<UUID, Stored> m = new HashMap<>();
        List<UUID> all = new ArrayList<>(new HashSet<>(ids));
        for (int i = 0; i < all.size(); i += 1000) {
            dsl.selectFrom(EXCHANGE_RECORD).where(EXCHANGE_RECORD.ID.in(all.subList(i, Math.min(all.size(), i + 1000))))
                    .forEach(r -> m.put(r.getId(), decode(r.getId(), r.getKind(), r.getFields(), r.getSeenVersion(),
                            r.getChangedSeq())));
        }
        return m;
    }

    /** A constraint of the database the checks before did not foresee: the import is refused whole. */
    private static RuntimeException refusedByTheDatabase(String kind, UUID id, org.jooq.exception.DataAccessException e) {
        String m = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        m = m == null ? "" : m.split("\n")[0];
        return new RuleViolationException("exchange.refused.constraint",
                kind + (id == null ? "" : id + " : ") + (m.length() > 300 ? m.substring(0, 300) + "…" : m));
    }

    /** Keeps the exchange state of a record; written with the others by {@link #flush}. */
    private void save(RecordState state, Map<String, FieldValue> previous, Integer version, long changedSeq) {
        var r = new fr.ancrage.persistence.jooq.tables.records.ExchangeRecordRecord();
        r.setId(state.id());
        r.setKind(state.kind());
        r.setSeenVersion(version);
        r.setFields(encode(state, previous));
        r.setChangedSeq(changedSeq);
        pending.put(state.id(), r);
    }

    /**
     * Writes the exchange states kept since the last call, in batches (one statement per record was
     * most of an exchange's time). Reads call it first, so they always see what was kept.
     */
    public void flush() {
        try {
            rows.flushInserts();
        } catch (org.jooq.exception.DataAccessException e) {
            throw refusedByTheDatabase("", null, e);
        }
        if (pending.isEmpty()) {
            return;
        }
        List<fr.ancrage.persistence.jooq.tables.records.ExchangeRecordRecord> all = new ArrayList<>(pending.values());
        pending.clear();
        for (int i = 0; i < all.size(); i += 1000) {
            var chunk = all.subList(i, Math.min(all.size(), i + 1000));
            dsl.deleteFrom(EXCHANGE_RECORD).where(EXCHANGE_RECORD.ID.in(chunk.stream().map(
                    fr.ancrage.persistence.jooq.tables.records.ExchangeRecordRecord::getId).toList())).execute();
            dsl.batchInsert(chunk).execute();
        }
    }

    static String encode(RecordState state, Map<String, FieldValue> previous) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode fields = root.putObject("f");
        state.fields().forEach((name, f) -> fields.set(name, field(f)));
        if (!previous.isEmpty()) {
            ObjectNode p = root.putObject("p");
            previous.forEach((name, f) -> p.set(name, field(f)));
        }
        if (state.deleted() != null) {
            root.set("d", clock(state.deleted()));
        }
        return root.toString();
    }

    private static ObjectNode field(FieldValue f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", f.value());
        n.set("c", clock(f.clock()));
        return n;
    }

    private static ObjectNode clock(Clock c) {
        ObjectNode n = JSON.createObjectNode();
        c.counters().forEach((base, counter) -> n.put(base.toString(), counter));
        return n;
    }

    private static Stored decode(UUID id, String kind, String json, Integer version, long changedSeq) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, FieldValue> fields = fields(root.get("f"));
            Map<String, FieldValue> previous = fields(root.get("p"));
            Clock deleted = root.has("d") ? clock(root.get("d")) : null;
            return new Stored(new RecordState(id, kind, fields, deleted), previous, version, changedSeq);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("exchange state of " + id + " unreadable", e);
        }
    }

    private static Map<String, FieldValue> fields(JsonNode node) {
        Map<String, FieldValue> m = new TreeMap<>();
        if (node != null) {
            node.properties().forEach(e -> m.put(e.getKey(), new FieldValue(
                    e.getValue().get("v").isNull() ? null : e.getValue().get("v").asText(), clock(e.getValue().get("c")))));
        }
        return m;
    }

    private static Clock clock(JsonNode node) {
        Map<UUID, Long> m = new HashMap<>();
        node.properties().forEach(e -> m.put(UUID.fromString(e.getKey()), e.getValue().asLong()));
        return Clock.of(m);
    }
}
