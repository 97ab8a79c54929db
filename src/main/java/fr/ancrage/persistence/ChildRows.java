package fr.ancrage.persistence;

import fr.ancrage.domain.RecordMeta;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static fr.ancrage.persistence.Times.odt;

/**
 * Replaces the rows of an ordered list kept as a whole with its owner (a ceremony's programme,
 * its tasks, the default checklist): a row keeps its id, and bumps its version and update time
 * only if it changed, so that a package from another laptop sees what really changed. The tables
 * have {@code id}, {@code version}, {@code created_at}, {@code updated_at} and {@code position}.
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

    ChildRows(DSLContext dsl, Table<R> table, TableField<R, UUID> id, Function<T, RecordMeta> meta,
              Filler<R, T> filler) {
        this.dsl = dsl;
        this.table = table;
        this.id = id;
        this.meta = meta;
        this.filler = filler;
    }

    /**
     * Whether a record read and then set holds other values than those read: jOOQ flags as changed a
     * field set to the value it already had, which would give a new version to what did not change.
     */
    static boolean differs(org.jooq.Record r) {
        return java.util.Arrays.stream(r.fields()).anyMatch(f -> !java.util.Objects.equals(r.original(f), r.get(f)));
    }

    /** The rows matching {@code owner} become {@code values}, in this order; the others are deleted. */
    void replace(Condition owner, List<T> values) {
        Map<UUID, R> existing = dsl.selectFrom(table).where(owner).fetchMap(id);
        Instant now = Instant.now();
        Set<UUID> kept = new HashSet<>();
        int position = 1;
        for (T value : values) {
            RecordMeta m = meta.apply(value);
            R r = existing.get(m.id());
            if (r == null) {
                r = dsl.newRecord(table);
                r.set(id, m.id());
                r.set(table.field("created_at", OffsetDateTime.class), odt(m.createdAt()));
                r.set(table.field("version", Integer.class), 0);
            }
            r.set(table.field("position", Integer.class), position++);
            filler.fill(r, value);
            if (differs(r)) {
                r.set(table.field("version", Integer.class), r.get(table.field("version", Integer.class)) + 1);
                r.set(table.field("updated_at", OffsetDateTime.class), odt(now));
                r.store();
            }
            kept.add(m.id());
        }
        Set<UUID> gone = new HashSet<>(existing.keySet());
        gone.removeAll(kept);
        if (!gone.isEmpty()) {
            dsl.deleteFrom(table).where(id.in(gone)).execute();
        }
    }
}
