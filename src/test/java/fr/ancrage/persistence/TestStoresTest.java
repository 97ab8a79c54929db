package fr.ancrage.persistence;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TestStoresTest {

    @Test
    void shutdownDropsTheInMemoryBaseThatCloseAloneKeeps() {
        String name = "dropped-" + UUID.randomUUID();
        Database first = Database.inMemory(name);
        first.dsl().execute("create table left_behind (id int)");
        first.close();
        Database second = Database.inMemory(name);
        // close() leaves the base in memory (DB_CLOSE_DELAY=-1): the table is still there
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
