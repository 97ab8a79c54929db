package fr.ancrage.persistence;

import org.jooq.exception.DataAccessException;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Fresh, migrated in-memory databases for tests: one per test, never shared, and dropped with
 * {@link #shutdown(Database)} when the test ends.
 */
public final class TestStores {

    /** H2's « Database is already closed », which SHUTDOWN's own statement ends with. */
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    private TestStores() {
    }

    public static Database freshDatabase() {
        return Database.inMemory("test-" + UUID.randomUUID());
    }

    /** A fresh database with the national reference (regions … communes) loaded. */
    public static Database withReference() {
        Database db = freshDatabase();
        new ReferenceDataImporter(db.dsl()).importIfMissing();
        return db;
    }

    /**
     * Drops an in-memory database and closes it. {@code Database.inMemory} keeps the base alive
     * without connections ({@code DB_CLOSE_DELAY=-1}), so {@link Database#close()} alone leaves every
     * test's tables in the heap until the JVM ends: a suite that grows slower as it runs.
     */
    public static void shutdown(Database db) {
        if (db == null) {
            return;
        }
        if (db.dataDirectory().toString().startsWith("mem:")) {
            try {
                db.dsl().execute("shutdown");
            } catch (DataAccessException e) {
                // H2 ends the session with the base: the statement's own clean-up then finds it closed
                if (!(e.getCause() instanceof SQLException sql) || sql.getErrorCode() != DATABASE_CALLED_AT_SHUTDOWN) {
                    throw e;
                }
            }
        }
        db.close();
    }
}
