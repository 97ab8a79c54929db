package fr.ancrage.persistence;

import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.StaleRecordException;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static fr.ancrage.persistence.Times.odt;

/**
 * Inserts or updates a record that travels between laptops: a new one (version 0) is inserted
 * with its id and creation time; a stored one is updated only if its version is still the one read
 * (optimistic locking), otherwise {@link StaleRecordException}. Both bump the version and the
 * update time; the tables have {@code created_at} and {@code updated_at} columns.
 */
final class VersionedWrites {

    private VersionedWrites() {
    }

    /** {@code r} holds the business columns; returns the record's new metadata. */
    static <R extends UpdatableRecord<R>> RecordMeta store(DSLContext dsl, R r, RecordMeta meta, Table<R> table,
                                                           TableField<R, UUID> id, TableField<R, Integer> version,
                                                           String label) {
        Instant now = Instant.now();
        int newVersion = meta.version() + 1;
        r.set(version, newVersion);
        r.set(table.field("updated_at", OffsetDateTime.class), odt(now));
        if (meta.isNew()) {
            r.set(id, meta.id());
            r.set(table.field("created_at", OffsetDateTime.class), odt(meta.createdAt()));
            r.insert();
        } else if (dsl.update(table).set(r).where(id.eq(meta.id())).and(version.eq(meta.version())).execute() == 0) {
            throw new StaleRecordException(label);
        }
        return new RecordMeta(meta.id(), newVersion, meta.createdAt(), now);
    }
}
