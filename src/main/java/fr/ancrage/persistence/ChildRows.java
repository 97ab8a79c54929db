package fr.ancrage.persistence;

import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.StaleRecordException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replaces the rows of an ordered list kept as a whole with its owner (a convention's signatories,
 * a ceremony's programme and tasks, the default checklist): a row keeps its id, and bumps its
 * version and update time only if it changed, so that a package from another laptop sees what
 * really changed. Changed and new rows are written through {@link VersionedWrites} against the
 * version read here. The tables have {@code id}, {@code version}, {@code created_at},
 * {@code updated_at} and {@code position}.
 * <p>
 * Whether someone else changed the list since the user read it is checked by the owner's version
 * (the owner is written first, and always gets a new version). A list without an owner row (the
 * default checklist) passes the rows the user read to {@link #replace(Condition, List, List)}.
 */
final class ChildRows<R extends UpdatableRecord<R>, T> {

    /** Copies the business columns of {@code value} into the record. */
    interface Filler<R, T> {
        void fill(R record, T value);
    }

    private final DSLContext dsl;
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final Function<T, RecordMeta> meta;
    private final Filler<R, T> filler;
    private final RecordKind kind;
    private final Function<T, String> name;

    ChildRows(DSLContext dsl, Table<R> table, TableField<R, UUID> id, Function<T, RecordMeta> meta,
              Filler<R, T> filler, RecordKind kind, Function<T, String> name) {
        this.dsl = dsl;
        this.table = table;
        this.id = id;
        this.meta = meta;
        this.filler = filler;
        this.kind = kind;
        this.name = name;
    }

    /**
     * Whether a record read and then set holds other values than those read: jOOQ flags as changed a
     * field set to the value it already had, which would give a new version to what did not change.
     */
    static boolean differs(org.jooq.Record r) {
        return java.util.Arrays.stream(r.fields()).anyMatch(f -> !java.util.Objects.equals(r.original(f), r.get(f)));
    }

    /**
     * The rows matching {@code owner} become {@code values}, in this order; the others are deleted.
     * Returns the rows as stored, in this order.
     */
    List<R> replace(Condition owner, List<T> values) {
        return write(dsl.selectFrom(table).where(owner).fetchMap(id), values);
    }

    /**
     * As {@link #replace(Condition, List)} for a list without an owner row: refused with
     * {@link StaleRecordException} unless the stored rows are still exactly {@code read} (same ids,
     * same versions), so that a line added, changed or removed meanwhile is not overwritten.
     */
    List<R> replace(Condition owner, List<T> read, List<T> values) {
        Map<UUID, R> existing = dsl.selectFrom(table).where(owner).fetchMap(id);
        Map<UUID, Integer> stored = existing.values().stream()
                .collect(Collectors.toMap(r -> r.get(id), r -> metaOf(r).version()));
        Map<UUID, Integer> seen = read.stream().collect(Collectors.toMap(v -> meta.apply(v).id(),
                v -> meta.apply(v).version()));
        if (!stored.equals(seen)) {
            // name a line the user saw that changed, if one did (else one was added meanwhile)
            T changed = read.stream().filter(v -> !Integer.valueOf(meta.apply(v).version())
                    .equals(stored.get(meta.apply(v).id()))).findFirst().orElse(null);
            throw new StaleRecordException(kind, changed == null ? "" : name.apply(changed));
        }
        return write(existing, values);
    }

    private List<R> write(Map<UUID, R> existing, List<T> values) {
        List<R> written = new ArrayList<>();
        Set<UUID> kept = new HashSet<>();
        int position = 1;
        for (T value : values) {
            RecordMeta m = meta.apply(value);
            R r = existing.get(m.id());
            RecordMeta read = r == null ? new RecordMeta(m.id(), 0, m.createdAt(), m.updatedAt()) : metaOf(r);
            if (r == null) {
                r = dsl.newRecord(table);
            }
            r.set(table.field("position", Integer.class), position++);
            filler.fill(r, value);
            if (read.isNew() || differs(r)) {
                VersionedWrites.store(dsl, r, read, kind, () -> name.apply(value));
            }
            r.changed(false);
            written.add(r);
            kept.add(m.id());
        }
        Set<UUID> gone = new HashSet<>(existing.keySet());
        gone.removeAll(kept);
        for (UUID g : gone) {
            VersionedWrites.delete(dsl, table, metaOf(existing.get(g)), kind, () -> "");
        }
        return written;
    }

    /** The metadata of a row as read. */
    private RecordMeta metaOf(R r) {
        return Times.meta(r.get(id), r.get(table.field("version", Integer.class)),
                r.get(table.field("created_at", OffsetDateTime.class)),
                r.get(table.field("updated_at", OffsetDateTime.class)));
    }
}
