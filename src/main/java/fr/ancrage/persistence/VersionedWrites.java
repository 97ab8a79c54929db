package fr.ancrage.persistence;

import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.StaleRecordException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.ancrage.persistence.Times.odt;

/**
 * The one way to write a record that travels between laptops (tables with {@code id},
 * {@code version}, {@code created_at} and {@code updated_at}; decision 0003):
 * <ul>
 * <li>a new record (version 0) is inserted with version 1;</li>
 * <li>a stored one is updated or deleted only {@code where version =} the version the user read,
 * and gets the next version and a new update time;</li>
 * <li>when no row matches, someone changed or deleted it meanwhile: {@link StaleRecordException}
 * naming the record, and the caller's transaction rolls back as a whole.</li>
 * </ul>
 * The name is computed only on failure, so that a lookup (a convention's reference for a report)
 * costs nothing on the way that succeeds.
 */
final class VersionedWrites {

    private VersionedWrites() {
    }

    /**
     * Inserts or updates {@code r}, which holds the business columns; returns the record's new
     * metadata. Only the fields set (changed) on {@code r} are written by an update.
     */
    static <R extends UpdatableRecord<R>> RecordMeta store(DSLContext dsl, R r, RecordMeta meta, RecordKind kind,
                                                           Supplier<String> name) {
        Table<R> table = r.getTable();
        Instant now = Instant.now();
        int newVersion = meta.version() + 1;
        r.set(version(table), newVersion);
        r.set(table.field("updated_at", OffsetDateTime.class), odt(now));
        if (meta.isNew()) {
            r.set(id(table), meta.id());
            r.set(table.field("created_at", OffsetDateTime.class), odt(meta.createdAt()));
            dsl.executeInsert(r);
        } else {
            r.changed(id(table), false);
            r.changed(table.field("created_at"), false);
            if (dsl.update(table).set(r).where(id(table).eq(meta.id())).and(version(table).eq(meta.version()))
                    .execute() == 0) {
                throw new StaleRecordException(kind, name.get());
            }
        }
        return new RecordMeta(meta.id(), newVersion, meta.createdAt(), now);
    }

    /**
     * Updates only {@code values} of a stored record (a flag, a position), with the same check and
     * version bump as {@link #store}; returns the new metadata.
     */
    static RecordMeta update(DSLContext dsl, Table<?> table, RecordMeta meta, Map<? extends Field<?>, ?> values,
                             RecordKind kind, Supplier<String> name) {
        Instant now = Instant.now();
        if (dsl.update(table).set(values)
                .set(version(table), meta.version() + 1)
                .set(table.field("updated_at", OffsetDateTime.class), odt(now))
                .where(id(table).eq(meta.id())).and(version(table).eq(meta.version()))
                .execute() == 0) {
            throw new StaleRecordException(kind, name.get());
        }
        return new RecordMeta(meta.id(), meta.version() + 1, meta.createdAt(), now);
    }

    /** Deletes the record if it still has the version read; otherwise {@link StaleRecordException}. */
    static void delete(DSLContext dsl, Table<?> table, RecordMeta meta, RecordKind kind, Supplier<String> name) {
        if (dsl.deleteFrom(table).where(id(table).eq(meta.id())).and(version(table).eq(meta.version()))
                .execute() == 0) {
            throw new StaleRecordException(kind, name.get());
        }
    }

    /**
     * Gives the rows matching {@code rows} a new version whatever the version they had: a change
     * to what hangs on them (an answer of a signatory, an indicator removed from a form) that a
     * concurrent writer holding the old version must see. Returns how many rows.
     */
    static int bump(DSLContext dsl, Table<?> table, Condition rows) {
        return dsl.update(table)
                .set(version(table), version(table).plus(1))
                .set(table.field("updated_at", OffsetDateTime.class), odt(Instant.now()))
                .where(rows).execute();
    }

    @SuppressWarnings("unchecked")
    private static Field<UUID> id(Table<?> table) {
        return (Field<UUID>) table.field("id");
    }

    @SuppressWarnings("unchecked")
    private static Field<Integer> version(Table<?> table) {
        return (Field<Integer>) table.field("version");
    }
}
