package fr.ancrage.persistence;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TestStoresTest {

    @Test
    void closingDropsTheInMemoryBase() {
        String name = "dropped-" + UUID.randomUUID();
        Database first = Database.inMemory(name);
        first.dsl().execute("create table left_behind (id int)");
        // Database.close runs SHUTDOWN: even with DB_CLOSE_DELAY=-1 the base leaves the memory
        first.close();
        Database second = Database.inMemory(name);
        assertThat(tables(second)).isZero();
        second.dsl().execute("create table left_behind (id int)");
        assertThat(tables(second)).isEqualTo(1);

        TestStores.shutdown(second);

        Database third = Database.inMemory(name);
        assertThat(tables(third)).isZero();
        TestStores.shutdown(third);
    }

    private static int tables(Database db) {
        return ((Number) db.dsl().fetchValue(
                "select count(*) from information_schema.tables where upper(table_name) = 'LEFT_BEHIND'")).intValue();
    }
}
