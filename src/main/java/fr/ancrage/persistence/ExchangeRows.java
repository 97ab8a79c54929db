package fr.ancrage.persistence;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Civility;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.SizeBand;
import fr.ancrage.persistence.jooq.Tables;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE_INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_QPV;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_QPV;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;

/**
 * The rows of the tables that travel, read and written as the exchange sees them: a map from field
 * name to value in canonical text (UUIDs in lower case, dates {@code yyyy-mm-dd}, decimals plain
 * without trailing zeros, booleans {@code true}/{@code false}, lists of ids joined by commas).
 * Fields are derived from the tables' columns, so a new column travels without new code; what a
 * value may be is checked against the column (type, length, nullability, allowed values).
 */
final class ExchangeRows {

    static final String QPV_IDS = "qpvIds";
    static final String INDICATOR_IDS = "indicatorIds";
    static final String TARGET = "target/";
    private static final int CHUNK = 1000;
    private static final List<String> META = List.of("id", "version", "created_at", "updated_at");

    /** The enumerated columns and the values they may hold, by {@code table.column}. */
    private static final Map<String, java.util.Set<String>> ALLOWED = Map.ofEntries(
            allowed(Tables.ORGANISATION.KIND, OrganisationKind.values()),
            allowed(Tables.ORGANISATION.SIZE_BAND, SizeBand.values()),
            allowed(Tables.CONTACT.CIVILITY, Civility.values()),
            Map.entry(key(Tables.QPV.GEOGRAPHY_VERSION), java.util.Arrays.stream(GeographyVersion.values())
                    .map(GeographyVersion::year).collect(java.util.stream.Collectors.toUnmodifiableSet())),
            allowed(Tables.CONVENTION.FRAMEWORK, Framework.values()),
            allowed(Tables.CONVENTION.STATUS, ConventionStatus.values()),
            allowed(Tables.CONVENTION_SIGNATORY.ROLE, SignatoryRole.values()),
            allowed(Tables.INDICATOR.UNIT, IndicatorUnit.values()),
            allowed(Tables.ACTION_TYPE.PAQTE_AXIS, PaqteAxis.values()),
            allowed(Tables.ENGAGEMENT.STATUS, EngagementStatus.values()),
            allowed(Tables.ENGAGEMENT_RESULT.SOURCE, ResultSource.values()),
            allowed(Tables.CAMPAIGN_REPORT.STATE, ReportState.values()),
            allowed(Tables.CEREMONY_ATTENDANCE.ATTENDANCE, Attendance.values()));

    private static Map.Entry<String, java.util.Set<String>> allowed(Field<?> column, Enum<?>[] values) {
        return Map.entry(key(column), java.util.Arrays.stream(values).map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    private static String key(Field<?> column) {
        String table = column instanceof org.jooq.TableField<?, ?> tf ? tf.getTable().getName() : "";
        return table.toLowerCase(java.util.Locale.ROOT) + "."
                + column.getName().toLowerCase(java.util.Locale.ROOT);
    }

    /** A row as read: its metadata and values. */
    record Row(UUID id, int version, Instant createdAt, Instant updatedAt, Map<String, String> values) {
    }

    private final DSLContext dsl;

    ExchangeRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- Fields --------------------------------------------------------------------------------

    /** Per kind, its business columns by field name, in table order: worked out once (read for every value). */
    private static final Map<ExchangeKind, Map<String, Field<?>>> FIELDS = fieldsOfEveryKind();

    private static Map<ExchangeKind, Map<String, Field<?>>> fieldsOfEveryKind() {
        Map<ExchangeKind, Map<String, Field<?>>> all = new java.util.EnumMap<>(ExchangeKind.class);
        for (ExchangeKind kind : ExchangeKind.values()) {
            Map<String, Field<?>> m = new LinkedHashMap<>();
            for (Field<?> f : kind.table().fields()) {
                if (!META.contains(f.getName())) {
                    m.put(name(f), f);
                }
            }
            all.put(kind, java.util.Collections.unmodifiableMap(m));
        }
        return all;
    }

    static String name(Field<?> column) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : column.getName().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    static Map<String, Field<?>> fieldsByName(ExchangeKind kind) {
        return FIELDS.get(kind);
    }

    /** The fields of {@code kind} that hold the id of another record that travels, and its kind. */
    static Map<String, ExchangeKind> references(ExchangeKind kind) {
        Map<String, ExchangeKind> refs = new TreeMap<>();
        for (ForeignKey<?, ?> fk : kind.table().getReferences()) {
            ExchangeKind target = kindOf(fk.getKey().getTable());
            if (target != null && fk.getFields().size() == 1) {
                refs.put(name(fk.getFields().getFirst()), target);
            }
        }
        return refs;
    }

    /** The fields of {@code kind} that hold a code of the reference data (department, EPCI, commune), and its column. */
    static Map<String, Field<?>> referenceData(ExchangeKind kind) {
        Map<String, Field<?>> refs = new TreeMap<>();
        for (ForeignKey<?, ?> fk : kind.table().getReferences()) {
            if (kindOf(fk.getKey().getTable()) == null && fk.getFields().size() == 1) {
                refs.put(name(fk.getFields().getFirst()), fk.getKey().getFields().getFirst());
            }
        }
        return refs;
    }

    private static ExchangeKind kindOf(Table<?> table) {
        for (ExchangeKind k : ExchangeKind.values()) {
            if (k.table().getName().equalsIgnoreCase(table.getName())) {
                return k;
            }
        }
        return null;
    }

    /** The lists of ids a record of {@code kind} holds besides its columns, and the kind they name. */
    static Map<String, ExchangeKind> lists(ExchangeKind kind) {
        return switch (kind) {
            case ACTION_TYPE -> Map.of(INDICATOR_IDS, ExchangeKind.INDICATOR);
            case CONVENTION, ENGAGEMENT -> Map.of(QPV_IDS, ExchangeKind.QPV);
            default -> Map.of();
        };
    }

    /** The link table of a list field: the column naming the record that holds the list, and the one naming a listed record. */
    record ListColumns(Field<UUID> holder, Field<UUID> listed) {
    }

    /** The columns of the link table that keeps the list {@code field} of {@code kind} (see {@link #lists}). */
    static ListColumns listColumns(ExchangeKind kind, String field) {
        return switch (kind) {
            case ACTION_TYPE -> new ListColumns(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, ACTION_TYPE_INDICATOR.INDICATOR_ID);
            case CONVENTION -> new ListColumns(CONVENTION_QPV.CONVENTION_ID, CONVENTION_QPV.QPV_ID);
            case ENGAGEMENT -> new ListColumns(ENGAGEMENT_QPV.ENGAGEMENT_ID, ENGAGEMENT_QPV.QPV_ID);
            default -> throw new IllegalArgumentException(kind + " keeps no list " + field);
        };
    }

    // --- Values --------------------------------------------------------------------------------

    static String canonical(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            case OffsetDateTime t -> t.toInstant().toString();
            case byte[] ignored -> throw new IllegalArgumentException("binary columns do not travel");
            default -> value.toString();
        };
    }

    /** The value for the column, or an exception whose message says why it cannot be. */
    static Object parse(Field<?> column, String text) {
        if (text == null) {
            return null;
        }
        Class<?> type = column.getType();
        if (type == String.class) {
            return text;
        }
        if (type == UUID.class) {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text)) {
                throw new IllegalArgumentException("uuid");
            }
            return id;
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == Boolean.class) {
            return switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("boolean");
            };
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == LocalTime.class) {
            return LocalTime.parse(text);
        }
        throw new IllegalArgumentException("type " + type.getSimpleName());
    }

    /**
     * What is wrong with {@code text} for {@code column}: null when it fits; otherwise a key of
     * {@code exchange.value.*} (too long, not a number...).
     */
    static String problem(Field<?> column, String text) {
        DataType<?> type = column.getDataType();
        if (text == null) {
            return type.nullable() ? null : "missing";
        }
        if (column.getType() == String.class) {
            if (type.hasLength() && text.codePointCount(0, text.length()) > type.length()) {
                return "tooLong";
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                    return "control";
                }
            }
            if (text.isBlank() && !type.nullable()) {
                return "missing";
            }
        }
        try {
            Object value = parse(column, text);
            if (value instanceof BigDecimal d && (d.scale() > type.scale() || d.precision() - d.scale()
                    > type.precision() - type.scale())) {
                return "number";
            }
        } catch (RuntimeException e) {
            return column.getType() == LocalDate.class ? "date"
                    : column.getType() == UUID.class ? "uuid"
                    : column.getType() == LocalTime.class ? "time" : "number";
        }
        var allowed = ALLOWED.get(key(column));
        return allowed != null && !allowed.contains(text) ? "choice" : null;
    }

    // --- Reading -------------------------------------------------------------------------------

    Map<UUID, Row> read(ExchangeKind kind, Collection<UUID> ids) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<UUID> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            rows.putAll(read(kind, id(kind).in(chunk), chunk));
        }
        return rows;
    }

    Map<UUID, Row> readAll(ExchangeKind kind) {
        return read(kind, DSL.trueCondition(), null);
    }

    private Map<UUID, Row> read(ExchangeKind kind, Condition where, Collection<UUID> ids) {
        Table<?> table = kind.table();
        Map<String, Field<?>> columns = fieldsByName(kind);
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (Record r : dsl.selectFrom(table).where(where).orderBy(id(kind)).fetch()) {
            Map<String, String> values = new TreeMap<>();
            for (var c : columns.entrySet()) {
                String v = canonical(r.get(c.getValue()));
                if (v != null) {
                    values.put(c.getKey(), v);
                }
            }
            UUID id = r.get(id(kind));
            rows.put(id, new Row(id, r.get(table.field("version", Integer.class)),
                    Times.instant(r.get(table.field("created_at", OffsetDateTime.class))),
                    Times.instant(r.get(table.field("updated_at", OffsetDateTime.class))), values));
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Condition parents = ids == null ? DSL.trueCondition() : null;
        switch (kind) {
            case ACTION_TYPE -> {
                Map<UUID, List<String>> lists = new HashMap<>();
                dsl.select(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, ACTION_TYPE_INDICATOR.INDICATOR_ID)
                        .from(ACTION_TYPE_INDICATOR)
                        .where(parents != null ? parents : ACTION_TYPE_INDICATOR.ACTION_TYPE_ID.in(rows.keySet()))
                        .orderBy(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, ACTION_TYPE_INDICATOR.POSITION)
                        .forEach(r -> lists.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                .add(r.value2().toString()));
                put(rows, lists, INDICATOR_IDS);
            }
            case CONVENTION -> put(rows, sets(CONVENTION_QPV.CONVENTION_ID, CONVENTION_QPV.QPV_ID,
                    parents != null ? parents : CONVENTION_QPV.CONVENTION_ID.in(rows.keySet())), QPV_IDS);
            case ENGAGEMENT -> {
                put(rows, sets(ENGAGEMENT_QPV.ENGAGEMENT_ID, ENGAGEMENT_QPV.QPV_ID,
                        parents != null ? parents : ENGAGEMENT_QPV.ENGAGEMENT_ID.in(rows.keySet())), QPV_IDS);
                dsl.selectFrom(ENGAGEMENT_TARGET)
                        .where(parents != null ? parents : ENGAGEMENT_TARGET.ENGAGEMENT_ID.in(rows.keySet()))
                        .forEach(t -> {
                            Row row = rows.get(t.getEngagementId());
                            if (row != null) {
                                row.values().put(TARGET + t.getIndicatorId() + "/" + t.getYearNumber(),
                                        canonical(t.getTargetValue()));
                            }
                        });
            }
            default -> {
            }
        }
        return rows;
    }

    private Map<UUID, List<String>> sets(Field<UUID> parent, Field<UUID> child, Condition where) {
        Map<UUID, List<String>> sets = new HashMap<>();
        dsl.select(parent, child).from(((org.jooq.TableField<?, ?>) parent).getTable()).where(where)
                .forEach(r -> sets.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2().toString()));
        sets.values().forEach(l -> l.sort(null));
        return sets;
    }

    private static void put(Map<UUID, Row> rows, Map<UUID, List<String>> lists, String field) {
        lists.forEach((id, list) -> {
            Row row = rows.get(id);
            if (row != null && !list.isEmpty()) {
                row.values().put(field, String.join(",", list));
            }
        });
    }

    // --- Writing -------------------------------------------------------------------------------

    /** Inserts the record, or updates the columns and lists that differ from {@code current}; returns its version. */
    int write(ExchangeKind kind, UUID id, Row current, Map<String, String> values, Instant createdAt, Instant now) {
        Table<?> table = kind.table();
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (var c : fieldsByName(kind).entrySet()) {
            String v = values.get(c.getKey());
            if (current == null || !Objects.equals(v, current.values().get(c.getKey()))) {
                changes.put(c.getValue(), parse(c.getValue(), v));
            }
        }
        boolean lists = current == null || listsDiffer(kind, current.values(), values);
        int version;
        if (current == null) {
            version = 1;
            changes.put(table.field("id"), id);
            changes.put(table.field("version"), 1);
            changes.put(table.field("created_at"), Times.odt(createdAt));
            changes.put(table.field("updated_at"), Times.odt(now));
            queue(table, changes);
            queueLists(kind, id, values);
            return version;
        } else if (changes.isEmpty() && !lists) {
            return current.version();
        } else {
            flushInserts();
            version = current.version() + 1;
            changes.put(table.field("version"), version);
            changes.put(table.field("updated_at"), Times.odt(now));
            if (dsl.update(table).set(changes).where(id(kind).eq(id))
                    .and(table.field("version", Integer.class).eq(current.version())).execute() == 0) {
                throw new IllegalStateException("changed meanwhile: " + kind.label() + " " + id);
            }
        }
        if (lists) {
            writeLists(kind, id, values, current != null);
        }
        return version;
    }

    private static boolean listsDiffer(ExchangeKind kind, Map<String, String> a, Map<String, String> b) {
        for (String list : lists(kind).keySet()) {
            if (!Objects.equals(a.get(list), b.get(list))) {
                return true;
            }
        }
        if (kind == ExchangeKind.ENGAGEMENT) {
            return !targets(a).equals(targets(b));
        }
        return false;
    }

    private static Map<String, String> targets(Map<String, String> values) {
        Map<String, String> t = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(TARGET) && v != null) {
                t.put(k, v);
            }
        });
        return t;
    }

    private void writeLists(ExchangeKind kind, UUID id, Map<String, String> values, boolean existed) {
        switch (kind) {
            case ACTION_TYPE -> {
                if (existed) {
                    dsl.deleteFrom(ACTION_TYPE_INDICATOR).where(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID.eq(id)).execute();
                }
                int position = 1;
                for (UUID indicator : ids(values.get(INDICATOR_IDS))) {
                    dsl.insertInto(ACTION_TYPE_INDICATOR).set(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, id)
                            .set(ACTION_TYPE_INDICATOR.INDICATOR_ID, indicator)
                            .set(ACTION_TYPE_INDICATOR.POSITION, position++).execute();
                }
            }
            case CONVENTION -> {
                if (existed) {
                    dsl.deleteFrom(CONVENTION_QPV).where(CONVENTION_QPV.CONVENTION_ID.eq(id)).execute();
                }
                for (UUID qpv : new TreeSet<>(ids(values.get(QPV_IDS)))) {
                    dsl.insertInto(CONVENTION_QPV).set(CONVENTION_QPV.CONVENTION_ID, id)
                            .set(CONVENTION_QPV.QPV_ID, qpv).execute();
                }
            }
            case ENGAGEMENT -> {
                if (existed) {
                    dsl.deleteFrom(ENGAGEMENT_QPV).where(ENGAGEMENT_QPV.ENGAGEMENT_ID.eq(id)).execute();
                    dsl.deleteFrom(ENGAGEMENT_TARGET).where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(id)).execute();
                }
                for (UUID qpv : new TreeSet<>(ids(values.get(QPV_IDS)))) {
                    dsl.insertInto(ENGAGEMENT_QPV).set(ENGAGEMENT_QPV.ENGAGEMENT_ID, id)
                            .set(ENGAGEMENT_QPV.QPV_ID, qpv).execute();
                }
                for (var t : targets(values).entrySet()) {
                    String[] parts = t.getKey().split("/");
                    dsl.insertInto(ENGAGEMENT_TARGET).set(ENGAGEMENT_TARGET.ENGAGEMENT_ID, id)
                            .set(ENGAGEMENT_TARGET.INDICATOR_ID, UUID.fromString(parts[1]))
                            .set(ENGAGEMENT_TARGET.YEAR_NUMBER, Integer.valueOf(parts[2]))
                            .set(ENGAGEMENT_TARGET.TARGET_VALUE, new BigDecimal(t.getValue())).execute();
                }
            }
            default -> {
            }
        }
    }

    // --- Inserts in batches: a new record and its lines wait, in order, until an update, a delete or a read

    private final Map<Table<?>, List<Map<Field<?>, Object>>> inserts = new LinkedHashMap<>();

    private void queue(Table<?> table, Map<Field<?>, Object> row) {
        inserts.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    private void queueLists(ExchangeKind kind, UUID id, Map<String, String> values) {
        switch (kind) {
            case ACTION_TYPE -> {
                int position = 1;
                for (UUID indicator : ids(values.get(INDICATOR_IDS))) {
                    queue(ACTION_TYPE_INDICATOR, row(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, id,
                            ACTION_TYPE_INDICATOR.INDICATOR_ID, indicator, ACTION_TYPE_INDICATOR.POSITION, position++));
                }
            }
            case CONVENTION -> {
                for (UUID qpv : new TreeSet<>(ids(values.get(QPV_IDS)))) {
                    queue(CONVENTION_QPV, row(CONVENTION_QPV.CONVENTION_ID, id, CONVENTION_QPV.QPV_ID, qpv));
                }
            }
            case ENGAGEMENT -> {
                for (UUID qpv : new TreeSet<>(ids(values.get(QPV_IDS)))) {
                    queue(ENGAGEMENT_QPV, row(ENGAGEMENT_QPV.ENGAGEMENT_ID, id, ENGAGEMENT_QPV.QPV_ID, qpv));
                }
                for (var t : targets(values).entrySet()) {
                    String[] parts = t.getKey().split("/");
                    queue(ENGAGEMENT_TARGET, row(ENGAGEMENT_TARGET.ENGAGEMENT_ID, id,
                            ENGAGEMENT_TARGET.INDICATOR_ID, UUID.fromString(parts[1]),
                            ENGAGEMENT_TARGET.YEAR_NUMBER, Integer.valueOf(parts[2]),
                            ENGAGEMENT_TARGET.TARGET_VALUE, new BigDecimal(t.getValue())));
                }
            }
            default -> {
            }
        }
    }

    private static Map<Field<?>, Object> row(Object... fieldsAndValues) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            m.put((Field<?>) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return m;
    }

    /** Inserts what waits, table after table in the order they came (a record before its lines), 500 rows a statement. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void flushInserts() {
        if (inserts.isEmpty()) {
            return;
        }
        var all = new ArrayList<>(inserts.entrySet());
        inserts.clear();
        for (var e : all) {
            List<Map<Field<?>, Object>> list = e.getValue();
            List<Field<?>> fields = new ArrayList<>(list.getFirst().keySet());
            for (int i = 0; i < list.size(); i += 500) {
                org.jooq.InsertValuesStepN step = dsl.insertInto((Table) e.getKey()).columns(fields);
                for (Map<Field<?>, Object> r : list.subList(i, Math.min(list.size(), i + 500))) {
                    List<Object> values = new ArrayList<>(fields.size());
                    for (Field<?> f : fields) {
                        values.add(r.get(f));
                    }
                    step = step.values(values);
                }
                step.execute();
            }
        }
    }

    void delete(ExchangeKind kind, UUID id) {
        flushInserts();
        dsl.deleteFrom(kind.table()).where(id(kind).eq(id)).execute();
    }

    static List<UUID> ids(String list) {
        List<UUID> ids = new ArrayList<>();
        if (list != null && !list.isEmpty()) {
            for (String s : list.split(",")) {
                ids.add(UUID.fromString(s));
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    static Field<UUID> id(ExchangeKind kind) {
        return (Field<UUID>) kind.table().field("id");
    }
}
