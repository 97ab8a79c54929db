package fr.ancrage.persistence;

import java.util.UUID;

/** Fresh, migrated in-memory databases for tests: one per test, never shared. */
public final class TestStores {

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
}
